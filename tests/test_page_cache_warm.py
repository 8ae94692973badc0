"""The page cache's warm-up after a save (rosario_intl/page_cache_warm.py)."""

import logging
import threading

import pytest
from django.db import connection, transaction
from django.db.backends.signals import connection_created
from django.test.utils import CaptureQueriesContext

from cooperation import fragments, models
from rosario_intl import page_cache_warm
from rosario_intl.page_cache import PAGES

pytestmark = pytest.mark.django_db

NEW_TITLE = "Pacto Global (título nuevo)"


@pytest.fixture(autouse=True)
def warm(settings):
    from django.core.cache import caches

    caches["default"].clear()
    PAGES.clear_local()
    fragments.FRAGMENTS.clear_local()
    settings.PAGE_CACHE_WARM = ["cooperation:home", "cooperation:program_list"]
    # The origin the test client asks for, as visitors ask for SITE_URL's.
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def in_this_thread(monkeypatch):
    """Warm in the test's own thread and transaction. A request would close the connection
    (``close_old_connections``, as the test's transaction is no longer in autocommit), which
    would end the test's transaction; Django's test client leaves it open in the same way."""
    monkeypatch.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def edit_program() -> None:
    program = models.Program.objects.get(slug_es="pacto-global")
    program.title_es = NEW_TITLE
    program.save()


def test_the_listed_pages_are_warmed_for_the_new_version_with_the_edit(
    client, seeded, in_this_thread
):
    client.get("/es/programas/")  # cached for the version before the edit
    edit_program()
    assert page_cache_warm.pages_warm() == 4
    # A hit (only the version is read), and already the edited page.
    assert queries_for(client, "/es/programas/") == 1
    assert NEW_TITLE in client.get("/es/programas/").content.decode()
    assert queries_for(client, "/en/programs/") == 1
    assert queries_for(client, "/es/") == 1
    assert queries_for(client, "/en/") == 1


def test_a_page_not_on_the_list_is_not_warmed(client, seeded, in_this_thread):
    edit_program()
    page_cache_warm.pages_warm()
    assert queries_for(client, "/es/proyectos/") > 1
    assert queries_for(client, "/es/programas/pacto-global/") > 1


def test_a_failing_page_is_logged_and_the_others_are_still_warmed(
    client, seeded, monkeypatch, caplog, in_this_thread
):
    def broken(*args, **kwargs):
        raise RuntimeError("a template error")

    monkeypatch.setattr("cooperation.views.ProgramListView.get", broken)
    with caplog.at_level(logging.WARNING):
        page_cache_warm.pages_warm()
    assert "/es/programas/ answered 500" in caplog.text
    assert "a template error" in caplog.text  # Django's own record of the error
    assert queries_for(client, "/es/") == 1


def test_an_error_in_the_warm_up_does_not_break_the_save(
    seeded, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(touched=None):
        raise RuntimeError("no thread today")

    monkeypatch.setattr(page_cache_warm.WARMER, "request", broken)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        edit_program()
    assert models.Program.objects.get(slug_es="pacto-global").title_es == NEW_TITLE
    assert "no thread today" in caplog.text


def test_a_change_during_a_warm_up_makes_one_more_round_in_the_same_thread(monkeypatch):
    warmer = page_cache_warm._Warmer()
    release = threading.Event()
    rounds = []

    def round_(touched=()):
        rounds.append(threading.current_thread())
        release.wait(5)

    monkeypatch.setattr(warmer, "round", round_)
    for _change in range(3):  # one save: the entry, an inline, a many-to-many field
        warmer.request()
    release.set()
    warmer.join(5)
    assert warmer.thread is None
    assert 1 <= len(rounds) <= 2
    assert len(set(rounds)) == 1


def test_a_newer_version_stops_a_round(seeded, in_this_thread):
    superseded = iter([False, True])
    assert page_cache_warm.pages_warm(superseded=lambda: next(superseded)) == 1


# The whole way, as after an admin save: the transaction commits, the thread renders the pages
# through its own connection, which it closes. Transactional: the thread cannot see into a
# test's transaction.
@pytest.mark.django_db(transaction=True)
def test_after_a_save_commits_a_thread_warms_the_pages_and_closes_its_connection(
    client, seeded, settings
):
    opened = []

    def note(sender, connection, **kwargs):
        if threading.current_thread().name == "page-cache-warm":
            opened.append(connection)

    connection_created.connect(note)
    try:
        with transaction.atomic():
            edit_program()
            assert page_cache_warm.WARMER.thread is None  # not before the commit
        assert page_cache_warm.WARMER.thread is not None
        page_cache_warm.WARMER.join(30)
    finally:
        connection_created.disconnect(note)
    assert page_cache_warm.WARMER.thread is None
    assert queries_for(client, "/es/programas/") == 1
    assert NEW_TITLE in client.get("/es/programas/").content.decode()
    assert queries_for(client, "/en/") == 1
    # The edited program's own page, named by the app, in each language.
    assert queries_for(client, "/es/programas/pacto-global/") == 1
    assert NEW_TITLE in client.get("/es/programas/pacto-global/").content.decode()
    assert queries_for(client, "/en/programs/global-compact/") == 1
    assert page_cache_warm.WARMER.touched == []  # warmed for the newest version: done
    assert opened
    assert all(closed(wrapper) for wrapper in opened)


def closed(wrapper) -> bool:
    # Django never closes SQLite's in-memory test database: it would vanish with it.
    return wrapper.connection is None or (wrapper.vendor == "sqlite" and wrapper.is_in_memory_db())


def test_the_pages_of_what_changed_are_warmed_after_the_usual_ones(client, seeded, in_this_thread):
    edit_program()
    touched = ["/es/programas/pacto-global/", "/es/", "/en/programs/global-compact/"]
    assert page_cache_warm.pages_warm(touched=touched) == 6  # "/es/" once
    assert queries_for(client, "/es/programas/pacto-global/") == 1
    assert queries_for(client, "/en/programs/global-compact/") == 1


def test_pages_that_cannot_be_named_are_logged_and_the_rest_warmed(caplog, monkeypatch):
    warmer = page_cache_warm._Warmer()

    def broken():
        raise RuntimeError("no such entry")

    with caplog.at_level(logging.ERROR):
        paths = warmer.paths_named([broken, lambda: ["/es/a/", "/es/b/"], lambda: ["/es/a/"]])
    assert paths == ["/es/a/", "/es/b/"]
    assert "could not be named" in caplog.text


def test_equal_names_of_pages_are_called_once(monkeypatch):
    warmer = page_cache_warm._Warmer()
    monkeypatch.setattr(warmer, "run", lambda: None)  # no thread: only what it would call

    class Named:
        calls = 0

        def __eq__(self, other):
            return isinstance(other, Named)

        def __call__(self):
            Named.calls += 1
            return ["/es/a/"]

    for _row in range(3):  # a save: the entry and two of its rows
        warmer.request(Named())
    assert warmer.paths_named(warmer.named) == ["/es/a/"]
    assert Named.calls == 1
