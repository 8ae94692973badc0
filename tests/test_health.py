"""The health probes (rosario_intl/health.py): liveness without the database, readiness with it."""

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.urls import Resolver404, resolve, reverse


def database_down():
    """Make every new cursor on the default connection fail as an unreachable server does."""
    return mock.patch.object(
        connections["default"],
        "cursor",
        side_effect=OperationalError("connection to server at 127.0.0.1 failed"),
    )


def test_probes_live_outside_the_language_prefixes():
    assert reverse("healthz") == "/healthz"
    assert reverse("readyz") == "/readyz"
    with pytest.raises(Resolver404):
        resolve("/es/healthz")


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_healthz_stays_up_while_the_database_is_down(client):
    # A failing liveness probe gets the worker restarted, which cannot fix the database.
    with database_down():
        response = client.get("/healthz")

    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_asks_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1) as queries:
        response = client.get("/readyz")

    assert queries.captured_queries[0]["sql"] == "SELECT 1"
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_readyz_answers_503_while_the_database_is_down(client):
    with database_down():
        response = client.get("/readyz")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_only_answer_safe_methods(client, path):
    assert client.post(path).status_code == 405
