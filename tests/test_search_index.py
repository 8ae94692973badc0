"""The full-text search uses its GIN indexes (PostgreSQL), not a scan of every row."""

import pytest
from django.db import connection
from django.utils import translation

from cooperation import models, selectors

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text indexes exist on PostgreSQL only"
    ),
]


@pytest.mark.parametrize(
    ("model", "language"),
    [
        (models.Project, "es"),
        (models.Project, "en"),
        (models.Program, "es"),
        (models.Partner, "en"),
    ],
)
def test_search_query_is_answered_from_the_gin_index(seeded, model, language):
    with translation.override(language):
        queryset = selectors._search_postgresql(
            model.objects.all(), selectors.SEARCH_FIELDS[model], "residuos waste"
        )
        with connection.cursor() as cursor:
            # Tiny tables favour a scan; forbid it to see whether the index can answer.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert f"{model._meta.db_table}_search_{language}" in plan, plan
    # Matched and ranked on the stored vector: no row's vector is computed at query time.
    assert "to_tsvector" not in plan, plan


def test_search_still_finds_with_the_index(seeded):
    with translation.override("es"):
        titles = [r.result_title for r in selectors.search_entries(query="cooperacion")]
    assert any("Cooperación" in title for title in titles)
