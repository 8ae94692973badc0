"""The settings (rosario_intl/settings/): what production reads, refuses and does, what
development changes, and what base.py sets up for the staff login (lockout, passwords,
sessions). The lockout page is tested in test_errors.py, the client's address it counts by in
test_middleware.py."""

import importlib.util
import logging
import os
import re
import runpy
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.cache import CacheHandler
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection
from django.db.models import F
from django.db.utils import ConnectionHandler
from django.urls import reverse
from django.utils import timezone, translation

BASE = "rosario_intl.settings.base"
PROD = "rosario_intl.settings.prod"
DEV = "rosario_intl.settings.dev"
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
def load_settings(monkeypatch):
    """Load a settings module afresh under a given environment.

    The module and base.py are executed anew because base.py reads the environment too; the
    settings this test process runs on are not touched.
    """

    def load(module: str, **environ: str) -> SimpleNamespace:
        for key in os.environ.keys() - production_environ().keys():
            monkeypatch.delenv(key)
        for key, value in environ.items():
            monkeypatch.setenv(key, value)
        spec = importlib.util.find_spec(BASE)
        base = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(base)
        monkeypatch.setitem(sys.modules, BASE, base)
        if module == BASE:
            return SimpleNamespace(**vars(base))
        return SimpleNamespace(**runpy.run_module(module))

    return load


@pytest.fixture
def prod_settings(load_settings):
    """The production settings under a given environment (a secret key and SQLite unless
    it says otherwise)."""

    def load(**environ: str) -> SimpleNamespace:
        environ = {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": SQLITE_URL,
            **environ,
        }
        return load_settings(PROD, **environ)

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


def test_settings_are_declared_not_read_with_a_default():
    # getattr(settings, "X", default) hides a setting from base.py and from .env.example.
    project = Path(django_settings.BASE_DIR)
    sources = [*project.glob("cooperation/**/*.py"), *project.glob("rosario_intl/**/*.py")]
    offenders = [
        str(source.relative_to(project))
        for source in sources
        if re.search(r"(?:getattr|hasattr)\(\s*settings\b", source.read_text())
    ]
    assert offenders == []


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
    assert caches["default"]["BACKEND"] == "common.redis_cache.RedisCache"
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
    databases = prod_settings(DATABASE_URL=POSTGRES_URL).DATABASES
    database = databases["default"]

    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 3
    assert database["OPTIONS"]["options"] == "-c statement_timeout=5000"
    # The page cache's connection to the same database has the same limits.
    assert databases["page_cache"]["OPTIONS"] == database["OPTIONS"]
    assert databases["page_cache"]["NAME"] == database["NAME"]


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
    connection.vendor != "postgresql",
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


# Development (settings/dev.py)


def test_development_turns_the_page_cache_off(load_settings):
    # So that `make run` shows a template edit at the next request (see test_page_cache.py
    # for the cache turned on anyway with DEBUG on).
    dev = load_settings(DEV, DATABASE_URL=SQLITE_URL)

    assert dev.DEBUG is True
    assert dev.PAGE_CACHE_ENABLED is False
    assert load_settings(DEV, DJANGO_PAGE_CACHE="True").PAGE_CACHE_ENABLED is True
    assert load_settings(BASE).PAGE_CACHE_ENABLED is True


# The staff login (base.py): brute-force lockout (django-axes), password rules, sessions

PASSWORD = "river-parana-sunset"
WRONG = "not-the-password"


def url(name: str, language: str = "es") -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("ana.perez", password=PASSWORD, is_staff=True)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_user("juan.gomez", password=PASSWORD, is_staff=True)


def sign_in(client, username, password, language="es", **extra):
    return client.post(
        url("admin:login", language),
        {"username": username, "password": password, "next": url("admin:index", language)},
        **extra,
    )


def fail(client, times, username="ana.perez", **extra):
    return [sign_in(client, username, WRONG, **extra).status_code for _ in range(times)]


def is_signed_in(client, language="es") -> bool:
    return client.get(url("admin:index", language)).status_code == 200


def test_five_failures_lock_the_login_even_for_the_right_password(client, staff):
    # The fifth failure already answers with the lockout.
    assert fail(client, 5) == [200, 200, 200, 200, 429]

    response = sign_in(client, "ana.perez", PASSWORD)

    assert response.status_code == 429
    assert not is_signed_in(client)


def test_a_forged_x_forwarded_for_does_not_dodge_the_lockout(client, staff):
    for number in range(5):
        sign_in(client, "ana.perez", WRONG, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    response = sign_in(client, "ana.perez", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


def test_the_lockout_holds_one_user_at_one_address_only(client, staff, colleague):
    # An attacker who fails on purpose must not be able to lock the staff out.
    fail(client, 5)

    assert sign_in(client, "juan.gomez", PASSWORD).status_code == 302
    client.logout()
    elsewhere = sign_in(client, "ana.perez", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert elsewhere.status_code == 302


def test_the_login_opens_again_after_the_cool_off(client, staff):
    fail(client, 5)
    assert sign_in(client, "ana.perez", PASSWORD).status_code == 429

    # 16 minutes later.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = sign_in(client, "ana.perez", PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_successful_login_forgets_earlier_failures(client, staff):
    fail(client, 4)
    assert sign_in(client, "ana.perez", PASSWORD).status_code == 302
    client.logout()

    assert fail(client, 4) == [200] * 4


def test_the_lockout_log_names_neither_the_user_nor_the_address(client, staff, caplog):
    with caplog.at_level(logging.INFO):
        fail(client, 5)

    messages = [record.getMessage() for record in caplog.records]
    assert any("Locking out" in message for message in messages)
    assert not any("ana.perez" in message or "127.0.0.1" in message for message in messages)
    assert not any(WRONG in message for message in messages)


def test_behind_a_proxy_the_lockout_follows_the_address_the_proxy_saw(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appends the address it saw; what the client wrote to its left varies.
    for number in range(5):
        sign_in(client, "ana.perez", WRONG, HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 203.0.113.5")

    locked = sign_in(client, "ana.perez", PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    other = sign_in(client, "ana.perez", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert locked.status_code == 429
    assert other.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


# Passwords (OWASP ASVS 2.1)


@pytest.mark.parametrize(
    "password",
    [
        "short-pass1",  # 11 characters
        "password1234",  # on the common-password list
        "123456789012345",  # digits only
        "ana.perez.2024",  # too close to the user name
    ],
)
def test_weak_passwords_are_refused(staff, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=staff)


@pytest.mark.parametrize(
    "password", ["river-parana-sunset", "twelve chars", "all lower case and long enough"]
)
def test_no_composition_rules(staff, password):
    # No upper case, digit or symbol is demanded of a long enough password.
    validate_password(password, user=staff)


# Staff sessions


@pytest.mark.parametrize("path", ["/es/", "/en/", "/es/no-existe/"])
def test_visitors_still_get_no_session(client, db, path):
    # Sessions are saved on every request, but only once there is something in them.
    response = client.get(path)

    assert "Set-Cookie" not in response.headers
    assert not Session.objects.exists()


def test_each_staff_request_extends_the_session_by_thirty_minutes(client, staff):
    client.force_login(staff)

    response = client.get(url("admin:index"))

    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == 30 * 60
    expiry = Session.objects.get().expire_date
    assert timezone.now() + timedelta(minutes=29) < expiry <= timezone.now() + timedelta(minutes=30)


def test_thirty_idle_minutes_end_the_session(client, staff):
    client.force_login(staff)
    assert is_signed_in(client)

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    assert not is_signed_in(client)


def test_logout_ends_the_session_on_the_server(client, staff):
    client.force_login(staff)
    session_key = client.cookies["sessionid"].value

    client.post(url("admin:logout"))

    assert not Session.objects.filter(session_key=session_key).exists()
    client.cookies["sessionid"] = session_key  # a copied cookie replayed
    assert not is_signed_in(client)


def test_a_deactivated_account_loses_access_at_its_next_request(client, staff):
    client.force_login(staff)
    assert is_signed_in(client)

    staff.is_active = False
    staff.save()

    assert not is_signed_in(client)


def test_a_password_change_ends_the_other_sessions(client, staff):
    client.force_login(staff)
    assert is_signed_in(client)

    staff.set_password("a brand new passphrase")
    staff.save()

    assert not is_signed_in(client)


def _deploy_check(**environ: str):
    return run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE=PROD, DJANGO_SECRET_KEY=secrets.token_urlsafe(50)[:50], **environ,
    )  # fmt: skip


def test_the_readmes_local_try_passes_the_deploy_check():
    result = _deploy_check(
        DJANGO_SECURE_SSL_REDIRECT="False", DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_real_host_without_the_https_redirect_still_fails_the_deploy_check():
    result = _deploy_check(DJANGO_SECURE_SSL_REDIRECT="False", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr
