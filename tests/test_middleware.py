"""The project's request handling (rosario_intl/middleware.py and the middleware stack of
settings/base.py): the request id, the security headers, no cookie for visitors, the client's
address. The answer to a database outage is tested with its page, in test_errors.py."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from rosario_intl.middleware import client_ip
from tests.helpers import INLINE_CODE, STRICT_POLICY, policy

# The request id (RequestIdMiddleware)


def test_every_response_carries_a_fresh_request_id(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.parametrize(
    "incoming", ["b7f3c2a0-4d1e-4f7a-9c55-2e8f0a1d3b6c", "Root=1-67891233-abcdef012345678912345678"]
)
def test_the_proxys_request_id_is_kept(client, db, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})

    assert response["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "incoming", ["", "has spaces", "<script>", "a" * 129, 'quote"d', "line\tbreak", "-leading"]
)
def test_a_request_id_that_is_not_a_plain_token_is_replaced(client, db, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


# Security headers (SecurityMiddleware, CSPMiddleware, PermissionsPolicyMiddleware, ...)


@pytest.fixture
def home_page(client, seeded):
    return client.get("/es/")


@pytest.fixture
def healthz(client):
    return client.get("/healthz")


# Marked, since the database is asked for through a fixture chosen at run time: pytest-django
# then runs it with the other database tests, before those that empty the tables.
@pytest.mark.django_db
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


# The client's address (client_ip, django-axes' AXES_CLIENT_IP_CALLABLE)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, None, "192.0.2.1"),
        (0, "203.0.113.5", "192.0.2.1"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (1, " 6.6.6.6 ,2001:db8::1 ", "2001:db8::1"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        # Not through the proxies, or a header that is not an address: the peer.
        (1, None, "192.0.2.1"),
        (2, "203.0.113.5", "192.0.2.1"),
        (1, "6.6.6.6, not-an-address", "192.0.2.1"),
        (1, "6.6.6.6, ", "192.0.2.1"),
    ],
)
def test_client_ip(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", **headers)

    assert client_ip(request) == expected
