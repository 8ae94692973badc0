"""Production settings (rosario_intl/settings/prod.py): what they read, refuse and do."""

import importlib.util
import os
import re
import runpy
import secrets
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings as django_settings
from django.core.cache import CacheHandler
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.urls import reverse
from django.utils import translation

BASE = "rosario_intl.settings.base"
PROD = "rosario_intl.settings.prod"
SQLITE_URL = "sqlite:////tmp/rosario-settings-test.sqlite3"
POSTGRES_URL = "postgres://rosario:secret@db.example.org:5432/rosario_intl"
REDIS_URL = "redis://127.0.0.1:6379/15"
# `env.str("NAME", ...)` in the settings, `os.environ.get("NAME", ...)` in gunicorn.conf.py.
ENV_READ = re.compile(r"""(?:env\.\w+|environ\.get)\(\s*["'](\w+)["']""")
# The settings that act on each request, copied from production into a test's settings.
REQUEST_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]


def production_environ(**environ: str) -> dict[str, str]:
    """This process's environment without the portal's variables, plus ``environ``."""
    portal = {"DATABASE_URL", "REDIS_URL"}
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in portal and not key.startswith("DJANGO_")
    }
    return {**clean, **environ}


def run_python(*args: str, **environ: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=django_settings.BASE_DIR,
        env=production_environ(**environ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def prod_settings(monkeypatch):
    """Load the production settings module afresh under a given environment.

    Both modules are executed anew because base.py reads the environment too; the
    settings this test process runs on are not touched.
    """

    def load(**environ: str) -> SimpleNamespace:
        environ = {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": SQLITE_URL,
            **environ,
        }
        for key in os.environ.keys() - production_environ().keys():
            monkeypatch.delenv(key)
        for key, value in environ.items():
            monkeypatch.setenv(key, value)
        spec = importlib.util.find_spec(BASE)
        base = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(base)
        monkeypatch.setitem(sys.modules, BASE, base)
        return SimpleNamespace(**runpy.run_module(PROD))

    return load


@pytest.fixture
def production(settings, prod_settings):
    """This test's settings with production's HTTPS, HSTS and cookie settings."""
    prod = prod_settings()
    for name in REQUEST_SETTINGS:
        setattr(settings, name, getattr(prod, name))
    return settings


def test_production_refuses_to_start_without_a_secret_key():
    # Set but empty, so that a developer's .env cannot supply one behind the test's back.
    result = run_python("-c", f"import {PROD}", DJANGO_SECRET_KEY="")

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_checks_pass_with_the_production_environment():
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE=PROD,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50)[:50],
        DJANGO_ALLOWED_HOSTS="example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_env_example_lists_every_variable_read():
    project = Path(django_settings.BASE_DIR)
    sources = [*project.glob("rosario_intl/settings/*.py"), project / "gunicorn.conf.py"]
    read = {name for source in sources for name in ENV_READ.findall(source.read_text())}
    listed = set(re.findall(r"^(\w+)=", (project / ".env.example").read_text(), re.MULTILINE))

    assert {"DJANGO_SECRET_KEY", "WEB_CONCURRENCY"} <= read
    assert read - listed == set()


def test_debug_stays_off_whatever_the_environment_says(prod_settings):
    assert prod_settings(DJANGO_DEBUG="True").DEBUG is False


def test_https_is_required_behind_the_proxy(prod_settings):
    prod = prod_settings()

    assert prod.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert prod.SECURE_SSL_REDIRECT is True
    assert prod.SECURE_HSTS_SECONDS == 365 * 24 * 60 * 60
    assert prod.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert prod.SECURE_HSTS_PRELOAD is True


def test_the_https_redirect_can_be_turned_off(prod_settings):
    assert prod_settings(DJANGO_SECURE_SSL_REDIRECT="False").SECURE_SSL_REDIRECT is False


def test_staff_cookies_are_secure_and_prefixed(prod_settings):
    prod = prod_settings()

    assert prod.SESSION_COOKIE_NAME == "__Secure-sessionid"
    assert prod.CSRF_COOKIE_NAME == "__Secure-csrftoken"
    for cookie in ("SESSION", "CSRF"):
        assert getattr(prod, f"{cookie}_COOKIE_SECURE") is True
        assert getattr(prod, f"{cookie}_COOKIE_HTTPONLY") is True
        assert getattr(prod, f"{cookie}_COOKIE_SAMESITE") == "Lax"


def test_cache_is_local_memory_without_redis(prod_settings):
    backend = prod_settings().CACHES["default"]["BACKEND"]

    assert backend == "django.core.cache.backends.locmem.LocMemCache"


def test_cache_is_the_shared_redis_when_redis_url_is_set(prod_settings):
    caches = prod_settings(REDIS_URL=REDIS_URL).CACHES
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert caches["default"]["LOCATION"] == REDIS_URL

    # The Redis server on this machine: the client library is installed and takes the options.
    cache = CacheHandler(caches)["default"]
    key = f"settings-test-{secrets.token_hex(8)}"
    try:
        cache.set(key, "shared", timeout=10)
        assert cache.get(key) == "shared"
    finally:
        cache.delete(key)
        cache.close()


def test_postgresql_connections_have_timeouts(prod_settings):
    database = prod_settings(DATABASE_URL=POSTGRES_URL).DATABASES["default"]

    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 3
    assert database["OPTIONS"]["options"] == "-c statement_timeout=5000"


def test_database_timeouts_come_from_the_environment(prod_settings):
    options = prod_settings(
        DATABASE_URL=f"{POSTGRES_URL}?sslmode=require",
        DJANGO_DB_CONNECT_TIMEOUT="5",
        DJANGO_DB_STATEMENT_TIMEOUT_MS="250",
    ).DATABASES["default"]["OPTIONS"]

    assert options == {
        "sslmode": "require",
        "connect_timeout": 5,
        "options": "-c statement_timeout=250",
    }


def test_sqlite_gets_no_postgresql_options(prod_settings):
    assert "OPTIONS" not in prod_settings(DATABASE_URL=SQLITE_URL).DATABASES["default"]


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs the PostgreSQL server (DATABASE_URL=postgres://...)",
)
def test_postgresql_cancels_a_query_past_the_statement_timeout(prod_settings, django_db_blocker):
    # The server's maintenance database: the test database may not exist yet.
    server = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres")
    prod = prod_settings(DATABASE_URL=urlunsplit(server), DJANGO_DB_STATEMENT_TIMEOUT_MS="100")
    connection = ConnectionHandler(prod.DATABASES)["default"]
    try:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("100ms",)
            with pytest.raises(OperationalError, match="statement timeout"):
                cursor.execute("SELECT pg_sleep(5)")
    finally:
        connection.close()


def test_logs_go_to_standard_output(prod_settings):
    handlers = prod_settings().LOGGING["handlers"]

    assert handlers["console"]["stream"] == "ext://sys.stdout"


# Production's request settings at work.


def test_plain_http_is_redirected_to_https(client, production):
    response = client.get("/es/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/es/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_plain_http(client, production, path):
    assert client.get(path).status_code == 200


def test_https_pages_carry_hsts(client, production, seeded):
    response = client.get("/es/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_staff_get_secure_prefixed_cookies(client, production, django_user_model):
    django_user_model.objects.create_user("staff", password="a long enough password", is_staff=True)
    with translation.override("es"):
        login_url = reverse("admin:login")
    https = {"X-Forwarded-Proto": "https"}

    form = client.get(login_url, headers=https)
    login = client.post(
        login_url,
        {"username": "staff", "password": "a long enough password"},
        headers=https,
    )

    assert login.status_code == 302
    for response, name in ((form, "__Secure-csrftoken"), (login, "__Secure-sessionid")):
        cookie = response.cookies[name]
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
