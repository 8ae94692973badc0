"""Database functions the search needs on both PostgreSQL and SQLite."""

import unicodedata

from django.db import models
from django.db.backends.signals import connection_created
from django.dispatch import receiver

# Text search configurations created by migration 0002 on PostgreSQL: the language's
# stemmer with accents removed first, so that "cooperacion" finds "cooperación".
SEARCH_CONFIGS = {"es": "rosario_es", "en": "rosario_en"}


def fold(text: str) -> str:
    """Lower case without accents: what the SQLite search compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Fold(models.Func):
    """``fold()`` inside the database (SQLite only: PostgreSQL uses full-text search)."""

    function = "rosario_fold"
    output_field = models.TextField()


@receiver(connection_created)
def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("rosario_fold", 1, _fold_or_none, deterministic=True)


def _fold_or_none(text):
    return None if text is None else fold(text)


SEARCH_WEIGHTS = ("A", "B", "C")


def search_vector_sql(table: str, table_fields: tuple[str, ...], language: str) -> str:
    """The weighted tsvector of an entry's texts in ``language``, as SQL (PostgreSQL).

    English columns fall back to Spanish where empty, as the pages do. Migration 0007
    builds a GIN index on exactly this expression per table and language; the search
    uses the same text so that PostgreSQL can use the index (a test checks the plan).
    """
    config = SEARCH_CONFIGS[language]
    parts = []
    for field, weight in zip(table_fields, SEARCH_WEIGHTS, strict=True):
        # Qualified: the query may join other tables with columns of the same names.
        own, spanish = f'"{table}"."{field}_{language}"', f'"{table}"."{field}_es"'
        if language == "es":
            text = f"COALESCE({spanish}, '')"
        else:
            text = f"COALESCE(NULLIF({own}, ''), {spanish}, '')"
        parts.append(f"setweight(to_tsvector('{config}'::regconfig, {text}), '{weight}')")
    return " || ".join(parts)
