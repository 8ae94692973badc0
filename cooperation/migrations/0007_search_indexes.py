"""GIN indexes for the full-text search, one per table and language (PostgreSQL only).

Each indexes the exact expression the search queries (cooperation.db.search_vector_sql, as
it stood when this migration was written: the SQL is frozen here); tests/test_search_index.py
checks that the planner uses them.
"""

from django.db import migrations

TABLES = {
    "cooperation_program": ("title", "summary", "body"),
    "cooperation_project": ("title", "summary", "body"),
    "cooperation_partner": ("name", "description", "acronym"),
}
CONFIGS = {"es": "rosario_es", "en": "rosario_en"}
WEIGHTS = ("A", "B", "C")


def vector_sql(fields, language):
    parts = []
    for field, weight in zip(fields, WEIGHTS, strict=True):
        if language == "es":
            text = f"COALESCE({field}_es, '')"
        else:
            text = f"COALESCE(NULLIF({field}_{language}, ''), {field}_es, '')"
        config = CONFIGS[language]
        parts.append(f"setweight(to_tsvector('{config}'::regconfig, {text}), '{weight}')")
    return " || ".join(parts)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in TABLES.items():
        for language in CONFIGS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_{language} ON {table} "
                f"USING gin (({vector_sql(fields, language)}))"
            )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for language in CONFIGS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_{language}")


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0006_partner_location_and_review")]

    operations = [migrations.RunPython(forward, backward)]
