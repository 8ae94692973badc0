"""Stored search vectors: one generated tsvector column per table and language, indexed
(PostgreSQL only).

Migration 0007 indexed the vector as an expression, which answers the match from the index
but leaves the ranking to compute the vector again for every matching row: with a common
word and a thousand projects, a search took about 50 ms. A stored generated column is
computed once per write, by PostgreSQL itself, so ranking only reads it. The columns are
not model fields: Django never reads or writes them (cooperation.db.search_vector_sql
names them in the search query only), and SQLite never has them.

A later migration that changes the type of a column these vectors are built from (titles,
summaries, bodies, names, descriptions, acronyms) must drop the vector column first and add
it again afterwards: PostgreSQL refuses to alter a column a generated column depends on.
"""

import importlib

from django.db import migrations

search_indexes = importlib.import_module("cooperation.migrations.0007_search_indexes")
TABLES, CONFIGS, vector_sql = (
    search_indexes.TABLES,
    search_indexes.CONFIGS,
    search_indexes.vector_sql,
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in TABLES.items():
        for language in CONFIGS:
            index = f"{table}_search_{language}"
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN search_{language} tsvector "
                f"GENERATED ALWAYS AS ({vector_sql(fields, language)}) STORED"
            )
            schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (search_{language})")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for language in CONFIGS:
            # Dropping the column drops its index; 0007's expression index comes back.
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_{language}")
    search_indexes.forward(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0007_search_indexes")]

    operations = [migrations.RunPython(forward, backward)]
