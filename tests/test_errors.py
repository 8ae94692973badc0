"""The pages for when something goes wrong (rosario_intl/errors.py) and when they are given:
a database outage (rosario_intl.middleware.DatabaseUnavailableMiddleware), a server error,
an unknown address, a locked-out login. The outage against a real PostgreSQL server, with
its recovery, is in test_outage.py."""

import contextlib
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.helpers import INLINE_CODE, STRICT_POLICY, policy, url_in

PASSWORD = "river-parana-sunset"
WRONG = "not-the-password"


@contextlib.contextmanager
def database_down(error):
    """Every query of the home page fails: the page cache's version check and the view's."""
    with (
        mock.patch("rosario_intl.page_cache.content_version", side_effect=error),
        mock.patch("cooperation.selectors.home_get", side_effect=error),
    ):
        yield


# The database is unreachable: 503


@pytest.mark.parametrize(
    ("path", "language", "other"), [("/es/", "es", "en"), ("/en/", "en", "es")]
)
def test_a_database_outage_gives_the_503_page_in_the_visitors_language(
    client, path, language, other
):
    outage = OperationalError("connection to server at 127.0.0.1, port 5432 failed")
    with database_down(outage):
        response = client.get(path)

    content = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Language"] == language
    assert f'<html lang="{language}">' in content
    titles = {}
    for code in (language, other):
        with translation.override(code):
            titles[code] = translation.gettext("Temporarily unavailable")
    assert titles[language] in content
    assert titles[other] not in content
    assert "Traceback" not in content
    assert "OperationalError" not in content
    assert "5432" not in content
    # The error page keeps the headers of every other page.
    assert policy(response["Content-Security-Policy"]) == STRICT_POLICY


def test_a_lost_connection_gives_the_503_page_too(client):
    lost = InterfaceError("connection already closed")
    with database_down(lost):
        response = client.get("/es/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_other_database_errors_stay_server_errors(client):
    # A bug (here: SQL the database rejects) must reach the 500 page and the error log,
    # not pass for a temporary outage.
    with database_down(ProgrammingError("bad SQL")), pytest.raises(ProgrammingError):
        client.get("/es/")


def test_with_debug_on_an_outage_shows_the_traceback(client, settings):
    # On a development machine, "no such table" before `migrate` is an OperationalError too.
    settings.DEBUG = True
    with database_down(OperationalError("no table")), pytest.raises(OperationalError):
        client.get("/es/")


def test_unknown_address_during_an_outage_is_503_not_500(client, db, monkeypatch):
    # The 404 page reads the contact settings (the footer): the first query of the request.
    from cooperation import selectors

    def unreachable():
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(selectors, "contact_settings_get", unreachable)
    response = client.get("/es/no-existe/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Traceback" not in response.content.decode()


# Something else went wrong: 500


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_500_page_stands_alone_and_leads_to_each_home_page(db, language):
    client = Client(raise_request_exception=False)
    with mock.patch("cooperation.selectors.home_get", side_effect=RuntimeError("boom")):
        response = client.get(f"/{language}/")

    content = response.content.decode()
    assert response.status_code == 500
    assert "no-store" in response["Cache-Control"]
    assert f'<html lang="{language}">' in content
    with translation.override(language):
        assert translation.gettext("Server error") in content
    assert "boom" not in content
    assert INLINE_CODE.findall(content) == []
    # Each language's home page, named in that language, at the address its URL gives.
    for code in ("es", "en"):
        with translation.override(code):
            link = translation.gettext("Go to the home page")
        home = url_in(code, "cooperation:home")
        assert f'<a href="{home}" hreflang="{code}" lang="{code}">{link}</a>' in content


# A locked-out login: 429 (django-axes' AXES_LOCKOUT_CALLABLE)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("ana.perez", password=PASSWORD, is_staff=True)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_lockout_page_says_when_to_try_again_in_the_visitors_language(client, staff, language):
    for _ in range(5):
        response = client.post(
            url_in(language, "admin:login"),
            {"username": "ana.perez", "password": WRONG, "next": url_in(language, "admin:index")},
        )

    content = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "no-store" in response["Cache-Control"]
    assert f'<html lang="{language}">' in content
    with translation.override(language):
        assert translation.gettext("Too many sign-in attempts") in content
        assert f'href="{reverse("cooperation:home")}"' in content
    assert "15" in content
    assert INLINE_CODE.findall(content) == []
    # The page names neither the user nor the address it locked.
    assert "ana.perez" not in content
    assert "127.0.0.1" not in content


@pytest.mark.parametrize(
    ("language", "other", "heading"),
    [("es", "en", "Demasiados intentos de ingreso"), ("en", "es", "Too many sign-in attempts")],
)
def test_the_lockout_page_wears_the_site_style_and_links_home_in_the_visitors_language_only(
    client, staff, language, other, heading
):
    for _ in range(5):
        response = client.post(
            url_in(language, "admin:login"), {"username": "ana.perez", "password": WRONG}
        )

    content = response.content.decode()
    assert response.status_code == 429
    assert f"<h1>{heading}</h1>" in content
    assert '<link rel="stylesheet" href="/static/css/site.css">' in content
    assert 'class="site-header"' in content
    # Two links, both to the home page in the visitor's language: the site's name and one more.
    assert content.count("<a ") == 2
    assert content.count(f'href="{url_in(language, "cooperation:home")}"') == 2
    with translation.override(other):
        assert translation.gettext("Go to the home page") not in content
        assert translation.gettext("Too many sign-in attempts") not in content


@pytest.mark.parametrize(
    ("language", "heading"),
    [("es", "No se pudo enviar el formulario"), ("en", "The form could not be sent")],
)
def test_a_form_refused_by_the_csrf_check_says_what_to_do_in_the_visitors_language(
    db, language, heading
):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert heading in page
    assert "CSRF" not in page  # Django's own page names it; ours says what to do
