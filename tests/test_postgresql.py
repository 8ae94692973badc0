"""rosario_intl/postgresql: the connection check that reads the connection instead of asking
the server, and the cursor that prepares what it runs often."""

import time

import psycopg
import pytest
from django.db import DataError, connection, connections

from rosario_intl.postgresql.base import PREPARE_THRESHOLD

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend"),
]


def test_the_project_s_backend_is_the_one_in_use():
    from rosario_intl.postgresql.base import DatabaseWrapper

    assert isinstance(connections["default"], DatabaseWrapper)
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_healthy_connection_is_usable_without_a_round_trip(monkeypatch):
    connection.ensure_connection()
    assert connection.is_usable()

    def no_query(*args, **kwargs):
        raise AssertionError("the check sent a query")

    monkeypatch.setattr(connection.connection, "cursor", no_query)
    monkeypatch.setattr(connection.connection, "execute", no_query)
    assert connection.is_usable()


def drop_the_connection() -> int:
    """End the default connection's backend from another session, as a restart or an idle
    timeout would, and wait until the connection shows it; its backend's pid."""
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.01)
    return pid


def test_a_connection_the_server_dropped_is_not_usable_and_is_replaced():
    pid = drop_the_connection()
    assert not connection.is_usable()
    # What Django does before a request's first query: the connection is replaced, and the
    # query goes through.
    connection.health_check_done = False
    connection.close_if_health_check_failed()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_dropped_connection_is_replaced_before_a_prepared_statement_too():
    """A page whose first statement goes through ``prepared_cursor()`` (a directory list, a
    search) gets the same check as one whose first goes through ``cursor()``."""
    pid = drop_the_connection()
    connection.health_check_done = False  # a new request
    with connection.prepared_cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_failed_transaction_is_not_usable():
    connection.ensure_connection()
    raw = connection.connection
    raw.autocommit = False
    try:
        with pytest.raises(psycopg.errors.DivisionByZero):
            raw.execute("SELECT 1 / 0")
        assert not connection.is_usable()
        raw.rollback()
        assert connection.is_usable()
    finally:
        raw.autocommit = True


def test_django_s_own_cursors_prepare_nothing():
    """Only ``prepared_cursor()`` prepares: every other statement stays as Django runs it."""
    with connection.cursor() as cursor:
        for _ in range(PREPARE_THRESHOLD + 3):
            cursor.execute("SELECT %s + 2", [1])
            assert cursor.fetchone() == (3,)
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["SELECT % + 2"],
        )
        assert cursor.fetchone()[0] == 0


def test_the_prepared_cursor_s_statements_are_counted_and_its_errors_are_django_s(
    django_assert_num_queries,
):
    with django_assert_num_queries(PREPARE_THRESHOLD + 1):
        for _ in range(PREPARE_THRESHOLD + 1):
            with connection.prepared_cursor() as cursor:
                cursor.execute("SELECT %s::int + 1", [1])
                assert cursor.fetchone() == (2,)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement = %s",
            ["SELECT $1::int + 1"],
        )
        assert cursor.fetchone()[0] == 1
    with pytest.raises(DataError), connection.prepared_cursor() as cursor:
        cursor.execute("SELECT 1 / %s::int", [0])
