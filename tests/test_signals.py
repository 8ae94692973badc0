"""The content version (cooperation/signals.py): raised by every change of content, once."""

import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation import models
from cooperation.signals import PagesOf, content_changed, entries_of, on_content_change
from rosario_intl.page_cache import content_version
from tests import factories

pytestmark = pytest.mark.django_db


def version_raises(queries) -> int:
    table = models.ContentVersion._meta.db_table
    return sum(
        query["sql"].startswith("UPDATE") and table in query["sql"]
        for query in queries.captured_queries
    )


def test_every_content_change_raises_the_version(db):
    start = content_version()
    program = factories.ProgramFactory()
    after_create = content_version()
    assert after_create > start
    program.title_en = "Changed"
    program.save()
    assert content_version() > after_create
    before = content_version()
    program.themes.add(factories.ThemeFactory())
    assert content_version() > before
    before = content_version()
    program.delete()
    assert content_version() > before


def test_setting_a_relation_raises_the_version_once():
    # m2m_changed fires before and after each step; only the "after" is a change.
    program = factories.ProgramFactory()
    themes = [factories.ThemeFactory(), factories.ThemeFactory()]
    with CaptureQueriesContext(connection) as queries:
        program.themes.set(themes)
    assert version_raises(queries) == 1
    assert set(program.themes.all()) == set(themes)


@pytest.mark.parametrize(
    "change",
    [
        lambda program, theme: program.themes.add(theme),
        lambda program, theme: program.themes.remove(theme),
        lambda program, theme: program.themes.clear(),
        lambda program, theme: theme.program_set.clear(),
    ],
    ids=["add", "remove", "clear", "clear-from-the-other-side"],
)
def test_each_relation_change_raises_the_version_once(change):
    program = factories.ProgramFactory()
    theme = factories.ThemeFactory()
    program.themes.add(factories.ThemeFactory(), theme)
    with CaptureQueriesContext(connection) as queries:
        change(program, theme)
    assert version_raises(queries) == 1


def test_what_is_not_content_leaves_the_version_alone():
    program = factories.ProgramFactory()
    before = content_version()
    models.SeedRecord.objects.create(
        key="program:x", content_type=ContentType.objects.get_for_model(program), object_id=1
    )
    # A fixture's own rows (loaddata): nothing can have been cached from them yet.
    on_content_change(sender=models.Program, instance=program, raw=True)
    assert content_version() == before


def test_the_version_never_goes_back_to_a_number_already_used(db):
    # A database restored from a backup holds an older number: the next change must not
    # count up into numbers whose pages, rendered from other content, a shared cache holds.
    models.ContentVersion.objects.update_or_create(pk=1, defaults={"version": 5})
    content_changed()
    first = content_version()
    assert first >= time.time_ns() // 1000 - 60_000_000
    content_changed()
    assert content_version() > first


def test_changes_raise_the_version_in_any_process_not_only_in_web_workers():
    # A management command or a shell never loads the middleware: the receivers must be
    # connected when the app is ready, or `load_seed` on a live site would leave stale pages.
    code = (
        "import django; django.setup(); import sys; "
        "from django.db.models.signals import post_save; "
        "sys.exit(0 if any('content_version.save:cooperation.program' in repr(r) "
        "for r in post_save.receivers) else 1)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "rosario_intl.settings.test", "PATH": ""},
        check=False,
    )
    assert result.returncode == 0


# The pages of what changed, warmed after the commit besides the page cache's usual pages
# (rosario_intl/page_cache_warm.py).


def pages_of(instance) -> list[str]:
    return PagesOf(entries_of(instance))()


def paths_of(entry) -> list[str]:
    from django.utils import translation

    paths = []
    for code in ("es", "en"):
        with translation.override(code):
            paths.append(entry.get_absolute_url())
    return paths


def test_an_entry_names_its_own_page_in_each_language(db):
    project = factories.ProjectFactory()
    assert pages_of(project) == paths_of(project)
    assert pages_of(project)[0].startswith("/es/proyectos/")
    assert pages_of(project)[1].startswith("/en/projects/")


def test_a_draft_or_a_deleted_entry_names_no_page(db):
    assert pages_of(factories.ProjectFactory(publication=models.PublicationStatus.DRAFT)) == []
    project = factories.ProjectFactory()
    project.delete()
    assert pages_of(project) == []


def test_a_row_names_the_page_of_its_entry_and_a_participation_its_partners_too(db):
    project = factories.ProjectFactory()
    milestone = factories.MilestoneFactory(project=project, program=None)
    participation = factories.ParticipationFactory(project=project, program=None)
    assert pages_of(milestone) == paths_of(project)
    assert pages_of(participation) == paths_of(project) + paths_of(participation.partner)
    milestone.delete()  # its entry is still there
    assert pages_of(milestone) == paths_of(project)


def test_a_network_names_its_organizations_page(db):
    network = factories.NetworkFactory()
    assert pages_of(network) == paths_of(network.organization)


def test_a_save_and_its_rows_name_their_entrys_pages_once(db):
    project = factories.ProjectFactory()
    milestone = factories.MilestoneFactory(project=project, program=None)
    document = factories.DocumentFactory(project=project, program=None)
    names = {PagesOf(entries_of(row)) for row in (project, milestone, document)}
    assert names == {PagesOf(((models.Project, project.pk),))}
