"""Security headers, cookies and the answer to a database outage (rosario_intl/middleware.py)."""

import contextlib
import re
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.urls import reverse
from django.utils import translation

STRICT_POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# Inline code that a strict Content-Security-Policy blocks: a <script> without src (data
# blocks such as JSON are not run, so they are allowed), a <style> element, a style
# attribute, an on* event handler attribute.
INLINE_CODE = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
    r"|<style[\s>]|\sstyle=|\son[a-z]+=",
    re.IGNORECASE,
)


def policy(header: str) -> dict[str, set[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: set(values) for name, *values in directives}


@pytest.fixture
def home_page(client, seeded):
    return client.get("/es/")


@pytest.fixture
def healthz(client):
    return client.get("/healthz")


@pytest.mark.parametrize("page", ["home_page", "healthz"])
def test_every_response_carries_the_security_headers(request, page):
    response = request.getfixturevalue(page)

    assert response.status_code == 200
    assert policy(response["Content-Security-Policy"]) == STRICT_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "browsing-topics"):
        assert features[feature] == "()"


@pytest.mark.parametrize(
    ("url_name", "language"),
    [("cooperation:home", "es"), ("cooperation:home", "en"), ("admin:login", "es")],
)
def test_pages_hold_under_the_strict_policy(client, seeded, url_name, language):
    with translation.override(language):
        response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert INLINE_CODE.findall(response.content.decode()) == []


@pytest.mark.parametrize("path", ["/es/", "/en/"])
def test_anonymous_visitors_get_no_cookie(client, seeded, path):
    # No session, no CSRF token, no language cookie: the pages can be cached by anyone.
    response = client.get(path)

    assert response.status_code == 200
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


@contextlib.contextmanager
def database_down(error):
    """Every query of the home page fails: the page cache's version check and the view's."""
    with (
        mock.patch("cooperation.page_cache.content_version", side_effect=error),
        mock.patch("cooperation.selectors.home_get", side_effect=error),
    ):
        yield


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
    from django.db import OperationalError

    from cooperation import context_processors

    def unreachable(request):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(context_processors, "contact_settings", unreachable)
    response = client.get("/es/no-existe/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Traceback" not in response.content.decode()
