"""Synthetic projects to measure the portal at scale (``seed/demo.py``, ``manage.py seed_demo``)."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from cooperation import models
from cooperation.seed.demo import demo_create

pytestmark = pytest.mark.django_db


def test_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", projects=5)
    assert not models.Project.objects.exists()


@override_settings(DEBUG=True)
def test_adds_marked_published_projects_beside_the_seed(seeded):
    seed_projects = models.Project.objects.count()
    call_command("seed_demo", projects=30, partners=10, verbosity=0)
    call_command("seed_demo", projects=30, partners=10, verbosity=0)
    demo = models.Project.objects.filter(title_es__startswith="[Demostración]")
    assert demo.count() == 60
    assert models.Project.objects.count() == seed_projects + 60
    assert all(p.title_en.startswith("[Demo]") for p in demo)
    assert set(models.Project.objects.published().filter(pk__in=demo)) == set(demo)
    project = demo.first()
    assert project.participations.count() == 3
    assert project.themes.count() == 2
    assert project.sdgs.count() == 2
    assert project.milestones.count() == 1


def test_forced_run_with_debug_off(settings):
    settings.DEBUG = False
    call_command("seed_demo", projects=3, partners=2, force=True, verbosity=0)
    assert models.Project.objects.count() == 3
    assert models.SustainableDevelopmentGoal.objects.count() == 17


def test_the_same_random_seed_gives_the_same_projects():
    def made(run: str) -> list[tuple]:
        projects = models.Project.objects.filter(slug_es__startswith=f"demo-{run}-")
        return sorted(
            (p.slug_es.removeprefix(f"demo-{run}-"), p.start_year, p.end_year, p.status)
            for p in projects
        )

    (_count, first), (_count, second) = (
        demo_create(projects=5, partners=3, seed=7) for _run in range(2)
    )
    assert first != second
    assert made(first) == made(second)
