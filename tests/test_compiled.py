"""common/compiled.py: a statement built and compiled once, run with each call's values."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from common.compiled import CompiledQuery
from cooperation.models import Program, SustainableDevelopmentGoal, Theme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]


def themes_with(slug: str):
    return Theme.objects.filter(slug_es=slug).values("pk", "name_es").order_by("pk")


def test_the_rows_are_the_querysets_and_the_statement_is_built_once():
    build = mock.Mock(side_effect=themes_with)
    compiled = CompiledQuery(build)
    slugs = [*Theme.objects.values_list("slug_es", flat=True)[:3], "no-such", "%", "ñ", ""]
    for slug in slugs:
        assert compiled.rows("es", slug=slug) == list(themes_with(slug)), slug
    assert build.call_count == 1
    compiled.rows("another key", slug="a")
    assert build.call_count == 2


def test_a_value_that_the_statement_leaves_out_is_an_error():
    compiled = CompiledQuery(lambda name: Theme.objects.values("pk"))
    with pytest.raises(ValueError, match="name"):
        compiled.rows("key", name="a")


def test_a_value_without_a_stand_in_is_an_error():
    compiled = CompiledQuery(lambda day: Program.objects.filter(created_at__date=day).values("pk"))
    with pytest.raises(TypeError):
        compiled.rows("key", day=date(2026, 1, 1))


def test_integers_take_their_places_and_a_slice_is_a_parameter_too():
    def build(first, last):
        goals = SustainableDevelopmentGoal.objects.filter(number__gte=first, number__lte=last)
        return goals.values("number").order_by("number")

    compiled = CompiledQuery(build)
    assert compiled.rows("k", first=3, last=5) == [{"number": 3}, {"number": 4}, {"number": 5}]
    assert compiled.rows("k", first=10, last=17, limit=2, offset=3) == [
        {"number": 13},
        {"number": 14},
    ]
    assert compiled.rows("k", first=17, last=1) == []
    assert len(compiled.compiled) == 1


def test_a_statement_around_the_compiled_one_says_what_the_orm_cannot():
    """A window over a UNION, ordered as a whole: the ORM writes neither."""

    def build(first):
        goals = SustainableDevelopmentGoal.objects.values("number").order_by()
        return goals.filter(number__lt=first).union(goals.filter(number__gt=16), all=True)

    around = "SELECT number, COUNT(*) OVER () AS total FROM ({}) AS goals ORDER BY number DESC"
    compiled = CompiledQuery(build, around=around)
    assert compiled.rows("k", first=3, limit=2) == [
        {"number": 17, "total": 3},
        {"number": 2, "total": 3},
    ]
    assert compiled.rows("k", first=2, offset=1, limit=5) == [{"number": 1, "total": 2}]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's moments are text")
def test_a_moment_worked_out_while_building_is_an_error():
    """A "now" read while the statement was built would stay in it: every later call would
    ask about that moment."""
    compiled = CompiledQuery(
        lambda slug: Program.objects.published().filter(slug_es=slug).values("pk")
    )
    with pytest.raises(ValueError, match="moment"):
        compiled.rows("k", slug="x")


def test_each_moment_takes_its_place():
    program = Program.objects.order_by("pk").first()
    compiled = CompiledQuery(
        lambda since, until: Program.objects.filter(
            pk=program.pk, created_at__gte=since, created_at__lte=until
        ).values("pk")
    )
    created = program.created_at
    hour = timedelta(hours=1)
    assert compiled.rows("k", since=created - hour, until=created + hour) == [{"pk": program.pk}]
    assert compiled.rows("k", since=created + hour, until=created + 2 * hour) == []
    assert compiled.rows("k", since=timezone.now() - 999 * hour, until=created) == [
        {"pk": program.pk}
    ]
