"""The public page cache (rosario_intl/page_cache.py). What raises the version it keys on is
tested in test_signals.py."""

import copy
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError, close_old_connections, connection, connections
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cooperation import fragments, models
from cooperation.forms import DirectoryFilterForm, SearchForm
from rosario_intl.page_cache import PAGES, code_fingerprint
from tests import factories

pytestmark = pytest.mark.django_db

TWO_WORKERS = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "w1"},
    "worker2": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "w2"},
}


@pytest.fixture(autouse=True)
def empty_caches():
    for alias in ("default",):
        caches[alias].clear()
    PAGES.clear_local()
    fragments.FRAGMENTS.clear_local()  # this worker's copies of fragments, as of pages


def test_a_cached_page_costs_one_query(client, seeded, django_assert_num_queries):
    client.get("/es/")
    with django_assert_num_queries(1):
        response = client.get("/es/")
    assert response.status_code == 200
    assert response["ETag"]


def test_an_edit_shows_at_once(client, seeded):
    program = models.Program.objects.get(slug_es="pacto-global")
    assert "Pacto Global" in client.get("/es/programas/pacto-global/").content.decode()
    program.title_es = "Pacto Global (título nuevo)"
    program.save()
    assert "título nuevo" in client.get("/es/programas/pacto-global/").content.decode()


@override_settings(CACHES=TWO_WORKERS)
def test_a_second_worker_does_not_serve_the_old_page(seeded):
    # Two workers: each with a cache of its own (the worst case: no shared Redis).
    first, second = Client(), Client()
    with override_settings(PAGE_CACHE_ALIAS="default"):
        assert "Global Compact" in first.get("/en/programs/global-compact/").content.decode()
    with override_settings(PAGE_CACHE_ALIAS="worker2"):
        assert "Global Compact" in second.get("/en/programs/global-compact/").content.decode()
    program = models.Program.objects.get(slug_es="pacto-global")
    program.title_en = "Global Compact, edited"
    program.save()
    with override_settings(PAGE_CACHE_ALIAS="worker2"):
        assert (
            "Global Compact, edited" in second.get("/en/programs/global-compact/").content.decode()
        )
    with override_settings(PAGE_CACHE_ALIAS="default"):
        assert (
            "Global Compact, edited" in first.get("/en/programs/global-compact/").content.decode()
        )


def test_conditional_get_answers_304(client, seeded):
    etag = client.get("/en/").headers["ETag"]
    response = client.get("/en/", headers={"If-None-Match": etag})
    assert response.status_code == 304
    models.Program.objects.get(slug_es="pacto-global").save()
    assert client.get("/en/", headers={"If-None-Match": etag}).status_code == 200


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_staff_and_previews_are_not_served_from_the_cache(client, seeded, settings):
    client.get("/es/")
    assert queries_for(client, "/es/") == 1
    assert queries_for(client, "/es/programas/pacto-global/") > 1
    assert queries_for(client, "/es/programas/pacto-global/") == 1
    # The page cache steps aside for a preview, whoever asks, and for staff (a session): it
    # then puts no ETag on the page (the view's own data is kept per version all the same,
    # cooperation/fragments.py, so the queries say nothing here).
    for _ in range(2):
        assert "ETag" not in client.get("/es/programas/pacto-global/?preview=1")
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-staff-session"
    assert "ETag" not in client.get("/es/")
    assert "ETag" in Client().get("/es/")


def test_pages_that_set_cookies_are_not_cached():
    from django.http import HttpResponse

    from rosario_intl.page_cache import PageCacheMiddleware

    response = HttpResponse("x")
    response.set_cookie("a", "b")
    assert not PageCacheMiddleware.cacheable_response(response)
    assert PageCacheMiddleware.cacheable_response(HttpResponse("x"))


def test_a_cache_hit_carries_every_header_of_a_fresh_page(client, seeded):
    fresh = client.get("/en/")
    hit = client.get("/en/")
    assert queries_for(client, "/en/") == 1
    for header in [
        "Content-Security-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "ETag",
    ]:
        assert hit.headers.get(header) == fresh.headers.get(header), header
    assert hit.headers["Content-Language"] == "en"
    assert not hit.cookies


# Production reads the version through a connection of its own ("page_cache", without
# Django's health check). Each test starts as a request does: the connections opened by an
# earlier request, younger than CONN_MAX_AGE (an older one would be closed and opened anew).
# Transactional, as in production: the version connection cannot see into a test's transaction.
own_connection = pytest.mark.django_db(transaction=True, databases=["default", "page_cache"])


@pytest.fixture
def version_connection(settings, seeded):
    settings.PAGE_CACHE_DATABASE = "page_cache"
    for alias in ("default", "page_cache"):
        connections[alias].close()
        connections[alias].ensure_connection()
    close_old_connections()  # as at the start of a request
    return connections["page_cache"]


class RoundTrips:
    """Every statement and every health check (``is_usable``: a ``SELECT 1`` of Django's own,
    which ``CaptureQueriesContext`` does not see) on each connection."""

    def __init__(self, monkeypatch):
        self.checks = dict.fromkeys(connections, 0)
        self.queries = {alias: CaptureQueriesContext(connections[alias]) for alias in connections}
        for alias in connections:
            check = connections[alias].is_usable
            monkeypatch.setattr(connections[alias], "is_usable", self.counted(alias, check))

    def counted(self, alias, check):
        def is_usable():
            self.checks[alias] += 1
            return check()

        return is_usable

    def __enter__(self):
        for queries in self.queries.values():
            queries.__enter__()
        return self

    def __exit__(self, *exc_info):
        for queries in self.queries.values():
            queries.__exit__(*exc_info)

    def count(self, alias) -> int:
        return len(self.queries[alias]) + self.checks[alias]


@own_connection
def test_a_cache_hit_is_one_round_trip_to_the_database(client, version_connection, monkeypatch):
    client.get("/es/")
    close_old_connections()
    with RoundTrips(monkeypatch) as trips:
        response = client.get("/es/")
    assert response.status_code == 200
    assert trips.count("page_cache") == 1
    assert trips.queries["page_cache"][0]["sql"].startswith("SELECT version")
    # The default connection, with its health check, is not even touched by a hit.
    assert trips.count("default") == 0


@own_connection
def test_a_miss_still_checks_the_default_connection(client, version_connection, monkeypatch):
    # What CONN_HEALTH_CHECKS protects stays protected: a request the page cache does not
    # answer (a miss, the admin, a probe) gets Django's check of a reused connection.
    with RoundTrips(monkeypatch) as trips:
        assert client.get("/es/").status_code == 200
    assert trips.checks["default"] == 1
    assert trips.count("page_cache") == 1


@own_connection
def test_a_version_read_that_fails_is_tried_once_more_on_a_new_connection(
    client, version_connection
):
    # A reused connection dropped since the last request: the first query fails as it would
    # on a connection closed by the server, and the hit is still a hit.
    client.get("/es/")
    cursor = version_connection.cursor
    failures = []

    def cursor_once_broken():
        if not failures:
            failures.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return cursor()

    with (
        mock.patch.object(version_connection, "cursor", side_effect=cursor_once_broken),
        mock.patch.object(version_connection, "close", wraps=version_connection.close) as close,
        CaptureQueriesContext(connections["default"]) as default_queries,
    ):
        response = client.get("/es/")
    assert response.status_code == 200
    assert failures == [1]
    close.assert_called_once()
    assert len(default_queries) == 0  # served from the cache


@own_connection
def test_a_connection_dropped_by_the_server_is_replaced_on_a_cache_hit(client, version_connection):
    # What a PostgreSQL restart does to the connections of every worker.
    if version_connection.vendor != "postgresql":
        pytest.skip("an SQLite connection cannot be dropped by a server")
    client.get("/es/")
    with version_connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    close_old_connections()  # the next request

    with (
        CaptureQueriesContext(version_connection) as queries,
        CaptureQueriesContext(connections["default"]) as default_queries,
    ):
        response = client.get("/es/")
    assert response.status_code == 200
    assert response.headers["ETag"]
    assert len(queries) == 2  # the attempt on the dropped connection, and the retry
    assert len(default_queries) == 0  # still a cache hit
    with version_connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone() != (pid,)


@own_connection
def test_a_database_that_cannot_be_reached_is_tried_once_not_twice(client, version_connection):
    # Down (not dropped): connecting fails, and the page cache steps aside at once for the
    # view, whose own error is the 503 page; a second attempt would only double the wait.
    if version_connection.vendor != "postgresql":
        pytest.skip("the in-memory SQLite test database is never closed")
    version_connection.close()
    with mock.patch.object(
        version_connection,
        "get_new_connection",
        side_effect=OperationalError("connection refused"),
    ) as connect:
        from rosario_intl.page_cache import content_version_or_none

        assert content_version_or_none() is None
    assert connect.call_count == 1


def test_the_version_connection_is_the_same_database_without_the_health_check(settings):
    default, own = settings.DATABASES["default"], settings.DATABASES["page_cache"]
    assert {**own, "CONN_HEALTH_CHECKS": True, "TEST": default["TEST"]} == default
    assert own["CONN_HEALTH_CHECKS"] is False
    assert default["CONN_HEALTH_CHECKS"] is True
    assert own["TEST"]["MIRROR"] == "default"


def test_pages_from_a_shared_cache_are_kept_in_the_worker_too(client, seeded, settings, tmp_path):
    # A shared cache that is not this process's memory (Redis in production; a directory
    # here): a hit is then served from the worker's own copy, without reading it again.
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    settings.PAGE_CACHE_ALIAS = "shared"
    client.get("/es/socios/")  # a page without cards (cooperation/fragments.py)
    # Stored in the shared cache: the page, and the header's and footer's fragments.
    assert any(tmp_path.iterdir())
    assert queries_for(client, "/es/socios/") == 1
    client.get("/es/")
    caches["shared"].clear()
    assert queries_for(client, "/es/") == 1  # still a hit: the worker's copy
    # An edit is a new version, hence a new key: neither copy of the old page is used.
    program = models.Program.objects.get(slug_es="pacto-global")
    program.title_es = "Pacto Global (editado)"
    program.save()
    assert "Pacto Global (editado)" in client.get("/es/").content.decode()


def test_a_redis_outage_is_a_cache_miss_not_an_error(client, seeded, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "common.redis_cache.RedisCache",  # as in production
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE_ALIAS = "down"
    for _ in range(2):
        response = client.get("/es/")
        assert response.status_code == 200
        assert "Pacto Global" in response.content.decode()


def test_the_keys_change_with_the_code_that_renders_the_pages(settings, tmp_path):
    for folder in ("templates", "locale", "code"):
        (tmp_path / folder).mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>one</p>")
    (tmp_path / "code" / "views.py").write_text("ONE = 1")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    settings.PAGE_CACHE_CODE = [tmp_path / "code"]
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    before = code_fingerprint()
    assert code_fingerprint() == before
    (tmp_path / "templates" / "page.html").write_text("<p>two</p>")
    after_template = code_fingerprint()
    assert after_template != before
    (tmp_path / "locale" / "django.mo").write_bytes(b"translations")
    after_translation = code_fingerprint()
    assert after_translation != after_template
    (tmp_path / "code" / "views.py").write_text("ONE = 2")
    after_code = code_fingerprint()
    assert after_code != after_translation
    settings.STATIC_ROOT.mkdir()
    (settings.STATIC_ROOT / "staticfiles.json").write_text('{"paths": {}}')
    assert code_fingerprint() != after_code


def page_saying(text: str) -> str:
    return f'{{% extends "base.html" %}}{{% block content %}}{text}{{% endblock %}}'


@pytest.fixture
def editable_template(settings, tmp_path, seeded):
    """The timeline page's template in a folder of its own, read afresh at each request.

    On the seeded database, so that the first request writes nothing (the contact settings
    exist already) and the second is a cache hit.

    Under ``make run`` the development server's autoreloader empties Django's template cache
    when a template changes; uncached loaders do the same here.
    """
    template = tmp_path / "cooperation" / "timeline.html"
    template.parent.mkdir()
    engine = copy.deepcopy(settings.TEMPLATES[0])
    engine["DIRS"] = [tmp_path, *engine["DIRS"]]
    engine["APP_DIRS"] = False
    engine["OPTIONS"]["loaders"] = [
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = [engine]
    return template


def test_with_debug_on_a_template_edit_shows_at_the_next_request(settings, editable_template):
    # The development trap: the fingerprint taken once at start-up kept serving the page
    # rendered before the edit. Development turns the cache off (settings/dev.py); with
    # DEBUG on and the cache turned on anyway, the fingerprint is taken at every request.
    settings.DEBUG = True
    settings.PAGE_CACHE_ENABLED = True
    editable_template.write_text(page_saying("Antes"))
    client = Client()
    assert "Antes" in client.get("/es/linea-de-tiempo/").content.decode()
    assert queries_for(client, "/es/linea-de-tiempo/") == 1  # the cache is on: served from it

    editable_template.write_text(page_saying("Después"))
    content = client.get("/es/linea-de-tiempo/").content.decode()
    assert "Después" in content
    assert "Antes" not in content


def test_with_debug_off_the_fingerprint_is_taken_once(settings, editable_template):
    # In production, a template changes only with a new release, which restarts the workers.
    settings.PAGE_CACHE_ENABLED = True
    editable_template.write_text(page_saying("Antes"))
    client = Client()
    assert "Antes" in client.get("/es/linea-de-tiempo/").content.decode()
    editable_template.write_text(page_saying("Después"))
    assert queries_for(client, "/es/linea-de-tiempo/") == 1
    assert "Antes" in client.get("/es/linea-de-tiempo/").content.decode()


def test_a_scheduled_entry_appears_on_cached_pages_when_its_time_comes(client, seeded, monkeypatch):
    # Nobody saves anything at that moment: the version must still change then, not when
    # the cached page expires.
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    factories.ProgramFactory(title_es="Programa ya publicado")
    scheduled = factories.ProgramFactory(
        title_es="Programa programado", publish_at=now + timedelta(hours=1)
    )
    later = factories.ProgramFactory(
        title_es="Programa de mañana", publish_at=now + timedelta(days=1)
    )
    assert "Programa programado" not in client.get("/es/programas/").content.decode()
    assert queries_for(client, "/es/programas/") == 1  # cached

    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=2))
    content = client.get("/es/programas/").content.decode()
    assert scheduled.title_es in content
    assert later.title_es not in content
    assert queries_for(client, "/es/programas/") == 1  # cached again, until the next one

    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(days=2))
    assert later.title_es in client.get("/es/programas/").content.decode()


def test_parameters_a_page_does_not_use_do_not_make_a_page_of_their_own(client, seeded):
    # A campaign's link (utm_source) or random parameters must not get past the cache.
    client.get("/es/proyectos/")
    assert queries_for(client, "/es/proyectos/?utm_source=boletin&x=1") == 1
    assert queries_for(client, "/es/buscar/?q=residuos") > 1
    assert queries_for(client, "/es/buscar/?fbclid=abc&q=residuos") == 1
    # Parameters the page does use are pages of their own, whatever their order.
    assert queries_for(client, "/es/proyectos/?status=active&year=2020") > 1
    assert queries_for(client, "/es/proyectos/?year=2020&status=active&utm_medium=x") == 1
    # Repeated names keep their order: the last value is the one that counts.
    last_active = client.get("/es/proyectos/?status=completed&status=active")
    last_completed = client.get("/es/proyectos/?status=active&status=completed")
    assert last_active.content != last_completed.content


def test_the_page_parameters_are_those_the_pages_read(settings):
    # Declared in the settings, so that the page cache needs no app's forms: a filter added
    # to a form and not there would get the unfiltered page from the cache.
    read = {"page", *DirectoryFilterForm.base_fields, *SearchForm.base_fields}
    assert set(settings.PAGE_CACHE_PARAMETERS) == read


def test_links_keep_the_filters_and_drop_other_parameters(client, db):
    for _ in range(30):
        factories.ProjectFactory()
    content = client.get("/es/proyectos/?utm_source=boletin&year=2022").content.decode()
    assert "year=2022&amp;page=2" in content
    assert "utm_source" not in content


@pytest.mark.django_db(transaction=True)  # as in production: no transaction around it
def test_a_version_table_behind_the_code_is_not_an_error_page(client, monkeypatch):
    # Code deployed before its migration: the page cache steps aside, the page is served.
    from rosario_intl import page_cache

    program = factories.ProgramFactory()
    monkeypatch.setattr(
        page_cache, "VERSION_SQL", page_cache.VERSION_SQL.replace("version,", "no_such_column,")
    )
    response = client.get("/es/programas/")
    assert response.status_code == 200
    assert program.title_es in response.content.decode()


def test_a_host_outside_the_allowed_ones_gets_a_400_even_for_a_cached_page(client, seeded):
    assert client.get("/es/").status_code == 200  # now cached
    assert client.get("/es/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/es/").status_code == 200


def test_another_port_or_spelling_of_an_allowed_host_cannot_poison_the_cache(client, seeded):
    # Allowed hosts ignore the port and the case: such a request is served, and its page
    # links to the address it was asked for...
    poisoned = client.get("/es/buscar/?q=x", HTTP_HOST="127.0.0.1:6666")
    assert poisoned.status_code == 200
    assert "127.0.0.1:6666" in poisoned.content.decode()
    # ...but ordinary visitors of that page get their own, never the one built for it.
    for host in ("127.0.0.1", "LOCALHOST", "localhost"):
        page = client.get("/es/buscar/?q=x", HTTP_HOST=host).content.decode()
        assert ":6666" not in page
    https = client.get("/es/buscar/?q=x", HTTP_HOST="127.0.0.1", secure=True).content.decode()
    assert "https://127.0.0.1/" in https
    assert "http://127.0.0.1/" not in https


def test_a_former_address_never_serves_a_stale_page_or_redirect(client, db):
    project = factories.ProjectFactory(slug_es="islas-de-calor", slug_en=None)
    english = "/en/projects/islas-de-calor/"
    # Cached while the English page answers at the Spanish slug.
    assert client.get(english).status_code == 200
    assert client.get(english).status_code == 200
    project.slug_en = "heat-islands"
    project.save()
    response = client.get(english)
    assert (response.status_code, response["Location"]) == (301, "/en/projects/heat-islands/")
    project.slug_en = "urban-heat-islands"
    project.save()
    assert client.get(english)["Location"] == "/en/projects/urban-heat-islands/"
    # A rename undone: the address is the page again, and the other one leads to it.
    project.slug_en = None
    project.save()
    assert client.get(english).status_code == 200
    response = client.get("/en/projects/urban-heat-islands/")
    assert (response.status_code, response["Location"]) == (301, english)
