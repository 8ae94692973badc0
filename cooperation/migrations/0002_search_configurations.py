"""Accent-insensitive full-text search configurations on PostgreSQL (nothing on SQLite)."""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION rosario_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION rosario_es
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION rosario_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION rosario_en
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
"""

BACKWARD = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS rosario_es;
DROP TEXT SEARCH CONFIGURATION IF EXISTS rosario_en;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
