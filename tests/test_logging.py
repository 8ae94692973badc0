"""Structured logs (rosario_intl/logging.py): every record of a request carries its id (the
id itself, and its response header, are tested in test_middleware.py)."""

import io
import json
import logging
import os
import re
import secrets
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from gunicorn.glogging import SafeAtoms

from rosario_intl.logging import AccessJsonFormatter, JsonFormatter, RequestIdFilter, request_id

SECRET = "s3cr3t-value-that-must-never-be-logged"


@pytest.fixture
def log_lines():
    """The JSON lines the root logger writes while the test runs, parsed."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def test_an_error_is_logged_once_with_its_request_id_and_traceback(db, log_lines):
    client = Client(raise_request_exception=False)
    with mock.patch("cooperation.selectors.home_get", side_effect=RuntimeError("boom")):
        response = client.get("/es/", headers={"X-Request-ID": "incident-42"})

    assert response.status_code == 500
    assert response["X-Request-ID"] == "incident-42"
    errors = [line for line in log_lines() if line["level"] == "ERROR"]
    assert len(errors) == 1
    error = errors[0]
    assert error["logger"] == "django.request"
    assert error["request_id"] == "incident-42"
    assert error["status_code"] == 500
    assert "RuntimeError: boom" in error["exception"]
    assert error["message"] == "Internal Server Error: /es/"


def test_every_record_of_a_request_carries_its_id(db, log_lines):
    def logs_then_fails():
        logging.getLogger("cooperation.selectors").warning("about to fail")
        raise RuntimeError("boom")

    client = Client(raise_request_exception=False)
    with mock.patch("cooperation.selectors.home_get", side_effect=logs_then_fails):
        response = client.get("/en/")

    ids = {line["request_id"] for line in log_lines()}
    assert ids == {response["X-Request-ID"]}
    # And none once the request is over.
    assert request_id.get() == "-"


def test_no_cookie_header_or_form_data_reaches_the_logs(db, log_lines, django_user_model):
    django_user_model.objects.create_user("staff", password=SECRET, is_staff=True)
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = SECRET
    headers = {"Authorization": f"Bearer {SECRET}", "Cookie": f"csrftoken={SECRET}"}
    with mock.patch("cooperation.selectors.home_get", side_effect=RuntimeError("boom")):
        client.get(f"/es/?token={SECRET}", headers=headers)
        client.post(
            f"/es/admin/login/?next={SECRET}",
            {"username": SECRET, "password": SECRET},
            headers=headers,
        )

    output = json.dumps(log_lines())
    assert "Internal Server Error" in output
    assert SECRET not in output


def test_the_formatter_writes_one_json_object_per_line():
    record = logging.LogRecord("portal", logging.WARNING, __file__, 1, "línea\n%s", ("dos",), None)

    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "línea\ndos"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "portal"
    assert entry["request_id"] == "-"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])


def test_the_access_log_keeps_nothing_personal():
    # What gunicorn passes for GET /es/buscar/?q=... (glogging.Logger.atoms), cut down.
    atoms = SafeAtoms(
        {
            "h": "203.0.113.5",
            "u": "staff",
            "r": f"GET /es/buscar/?q={SECRET} HTTP/1.1",
            "m": "GET",
            "U": "/es/buscar/",
            "q": f"q={SECRET}",
            "H": "HTTP/1.1",
            "s": "200",
            "B": 5120,
            "M": 12,
            "f": f"https://example.org/?{SECRET}",
            "a": "Mozilla/5.0",
            "{cookie}i": f"sessionid={SECRET}",
            "{authorization}i": f"Basic {SECRET}",
            "{x-request-id}o": "b7f3c2a0",
        }
    )
    access_log_format = load_gunicorn_config()["access_log_format"]
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, access_log_format, (atoms,), None
    )

    entry = json.loads(AccessJsonFormatter().format(record))

    assert entry["method"] == "GET"
    assert entry["path"] == "/es/buscar/"
    assert entry["status"] == 200
    assert entry["bytes"] == 5120
    assert entry["duration_ms"] == 12
    assert entry["request_id"] == "b7f3c2a0"
    line = json.dumps(entry)
    for personal in (SECRET, "203.0.113.5", "staff", "Mozilla"):
        assert personal not in line


def load_gunicorn_config() -> dict:
    path = settings.BASE_DIR / "gunicorn.conf.py"
    namespace = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    return namespace


def test_gunicorn_logs_through_the_json_formatters():
    config = load_gunicorn_config()["logconfig_dict"]

    handlers = config["handlers"]
    assert config["formatters"]["access"]["()"] == "rosario_intl.logging.AccessJsonFormatter"
    assert handlers[config["loggers"]["gunicorn.access"]["handlers"][0]]["formatter"] == "access"
    assert handlers[config["loggers"]["gunicorn.error"]["handlers"][0]]["formatter"] == "json"
    assert {handler["stream"] for handler in handlers.values()} == {"ext://sys.stdout"}


def test_production_logs_json_lines_to_standard_output():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('cooperation').warning('hello from production')"
    )
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={
            **environ,
            "DJANGO_SETTINGS_MODULE": "rosario_intl.settings.prod",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": "sqlite:////tmp/rosario-logging-test.sqlite3",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {
        "level": "WARNING",
        "logger": "cooperation",
        "message": "hello from production",
    }.items() <= lines[-1].items()
    assert "hello" not in result.stderr


def test_a_request_for_another_host_is_a_warning_not_an_error(db, log_lines):
    assert Client().get("/es/", HTTP_HOST="evil.example").status_code == 400
    [line] = [line for line in log_lines() if line["logger"] == "django.security.DisallowedHost"]
    assert line["level"] == "WARNING"
