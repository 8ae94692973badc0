"""The staff login: brute-force lockout (django-axes), password rules and session lifetime.

Settings in rosario_intl/settings/base.py; the client address and the 429 page in
rosario_intl/middleware.py (``client_ip``, ``lockout_response``).
"""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db.models import F
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from rosario_intl.middleware import client_ip
from tests.test_security import INLINE_CODE

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


# Brute-force lockout


def test_five_failures_lock_the_login_even_for_the_right_password(client, staff):
    # The fifth failure already answers with the lockout.
    assert fail(client, 5) == [200, 200, 200, 200, 429]

    response = sign_in(client, "ana.perez", PASSWORD)

    assert response.status_code == 429
    assert not is_signed_in(client)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_lockout_page_says_when_to_try_again_in_the_visitors_language(client, staff, language):
    for _ in range(5):
        response = sign_in(client, "ana.perez", WRONG, language=language)

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
