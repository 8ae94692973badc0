"""Database functions the search needs on both PostgreSQL and SQLite."""

import re
import unicodedata

from django.db import models
from django.db.backends.signals import connection_created
from django.dispatch import receiver

# Text search configurations created by migration 0002 on PostgreSQL: the language's
# stemmer with accents removed first, so that "cooperacion" finds "cooperación".
SEARCH_CONFIGS = {"es": "rosario_es", "en": "rosario_en"}


# A word of a query or a text, as the search and its highlighting split them.
WORD = re.compile(r"\w+")


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


def search_vector_sql(table: str, language: str) -> str:
    """The weighted tsvector of an entry's texts in ``language``, as SQL (PostgreSQL).

    A column that PostgreSQL computes and stores at each write (migration 0008, which
    holds the expression: English falls back to Spanish where empty, as the pages do),
    with a GIN index; a test checks that the planner uses it.
    """
    # Qualified: the query may join other tables with columns of the same names.
    return f'"{table}"."search_{language}"'
