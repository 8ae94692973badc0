"""Two-factor login for staff (rosario_intl/two_factor/): the password, then a code from an
authenticator app or a recovery code; required for superusers and publishers, optional for
editors; wrong codes count for the lockout.

Every test here signs in the way a browser does (the login form, then the code form) with a
plain test client: ``force_login`` would skip what is tested.
"""

import re
from base64 import b32decode
from datetime import timedelta

import lxml.html
import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cooperation import models
from rosario_intl.two_factor import devices
from tests import factories
from tests.admin.conftest import PASSWORD
from tests.admin.helpers import admin_url, changelist_url, public_url
from tests.helpers import INLINE_CODE, url_in


@pytest.fixture
def browser():
    """A test client with nothing but what the login gives it."""
    return Client()


def sign_in(client, user, language="es"):
    """The admin's login form, as a browser posts it, asking for the admin's index."""
    return client.post(
        admin_url("login", language=language),
        {
            "username": user.get_username(),
            "password": PASSWORD,
            "next": admin_url("index", language=language),
        },
    )


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the app shows now (or one step later: a code already used is refused, and the
    device accepts one step of drift)."""
    token = totp(device.bin_key, step=device.step, t0=device.t0, drift=steps_ahead)
    return f"{token:06d}"


def wrong_code(device: TOTPDevice) -> str:
    """A code the device refuses: none of the three steps it accepts now."""
    accepted = {code_for(device, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)


def enrolled(user) -> TOTPDevice:
    """``user`` with the app set up and its recovery codes made."""
    device = devices.enrolment_device(user)
    devices.confirm(device)
    devices.new_recovery_codes(user)
    return device


def verify_url(language="es", next_page=None) -> str:
    url = url_in(language, "two_factor:verify")
    return f"{url}?next={next_page or admin_url('index', language=language)}"


def setup_url(language="es") -> str:
    return f"{url_in(language, 'two_factor:setup')}?next={admin_url('index', language=language)}"


def give_code(client, code, language="es"):
    return client.post(
        url_in(language, "two_factor:verify"),
        {"otp_token": code, "next": admin_url("index", language=language)},
    )


def forget_throttle(device):
    """As if the seconds django-otp makes one wait after a wrong code had passed."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=F("throttling_failure_timestamp") - timedelta(days=1)
    )


def page_text(response) -> str:
    return " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())


# Who must use it


@pytest.mark.parametrize("role", ["publisher", "superuser"])
def test_without_a_device_a_publisher_or_a_superuser_must_set_one_up(browser, request, role):
    user = request.getfixturevalue(role)

    assert sign_in(browser, user).status_code == 302

    for page in (
        admin_url("index"),
        changelist_url(models.Program),
        admin_url("password_change"),
        url_in("es", "two_factor:recovery_codes"),
    ):
        response = browser.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith(url_in("es", "two_factor:setup")), page
    # Nor can a form be posted past it.
    response = browser.post(admin_url("cooperation_program_add"), {"title_es": "Colado"})
    assert response["Location"].startswith(url_in("es", "two_factor:setup"))
    assert not models.Program.objects.filter(title_es="Colado").exists()
    # The code screen, without a device, leads to the set-up too.
    assert browser.get(verify_url())["Location"].startswith(url_in("es", "two_factor:setup"))


def test_a_superuser_cannot_skip_the_code_once_set_up(browser, superuser):
    device = enrolled(superuser)
    sign_in(browser, superuser)

    response = browser.get(admin_url("auth_user_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(url_in("es", "two_factor:verify"))
    # Nor set the app up again to get past it.
    setup = browser.get(url_in("es", "two_factor:setup"))
    assert setup["Location"].startswith(url_in("es", "two_factor:verify"))
    assert TOTPDevice.objects.filter(user=superuser).get() == device
    assert give_code(browser, code_for(device)).status_code == 302
    assert browser.get(admin_url("auth_user_changelist")).status_code == 200


def test_an_editor_without_a_device_signs_in_with_the_password_only(browser, editor):
    response = sign_in(browser, editor)

    assert response["Location"] == admin_url("index")
    index = browser.get(admin_url("index"))
    assert index.status_code == 200
    # The way to turn it on is in the header, next to the password.
    assert f'href="{url_in("es", "two_factor:setup")}"' in index.content.decode()


def test_an_editor_who_turned_it_on_gives_the_code_too(browser, editor):
    device = enrolled(editor)
    sign_in(browser, editor)

    assert browser.get(admin_url("index"))["Location"].startswith(url_in("es", "two_factor:verify"))
    give_code(browser, code_for(device))
    assert browser.get(admin_url("index")).status_code == 200


def test_an_unverified_session_sees_the_public_site_as_a_visitor(browser, publisher, seeded):
    draft = factories.ProgramFactory(publication=models.PublicationStatus.DRAFT)
    device = enrolled(publisher)
    sign_in(browser, publisher)

    assert browser.get(f"{public_url(draft)}?preview=1").status_code == 404

    give_code(browser, code_for(device))
    assert browser.get(f"{public_url(draft)}?preview=1").status_code == 200


# Setting up the app


def test_a_publisher_sets_up_the_app_with_a_code_it_computes_and_gets_ten_recovery_codes(
    browser, publisher
):
    sign_in(browser, publisher)
    page = browser.get(setup_url())
    content = page.content.decode()

    assert page.status_code == 200
    # The QR code is an SVG in the page, drawn on the server; the key is there in text.
    assert re.search(r'<svg [^>]*class="two-factor-qr"', content)
    assert INLINE_CODE.findall(content) == []
    secret = lxml.html.fromstring(page.content.decode()).get_element_by_id("two-factor-secret")
    key = b32decode(secret.text_content().replace(" ", ""))
    assert len(key) == 20
    device = TOTPDevice.objects.get(user=publisher)
    assert device.bin_key == key and not device.confirmed
    # A reload shows the same key.
    assert secret.text_content() in browser.get(setup_url()).content.decode()

    wrong = browser.post(setup_url(), {"otp_token": wrong_code(device)})
    assert wrong.status_code == 200
    assert "El código no es válido" in page_text(wrong)
    assert browser.get(admin_url("index")).status_code == 302
    forget_throttle(device)

    app_code = f"{totp(key):06d}"  # what the app computes from the key it was given
    confirmed = browser.post(setup_url(), {"otp_token": app_code})

    assert confirmed.status_code == 302
    assert confirmed["Location"].startswith(url_in("es", "two_factor:recovery_codes"))
    codes_page = browser.get(confirmed["Location"])
    shown = [
        code.text_content()
        for code in lxml.html.fromstring(codes_page.content.decode()).xpath(
            '//*[@id="recovery-codes"]//code'
        )
    ]
    assert len(shown) == 10 == len(set(shown))
    assert set(shown) == set(
        StaticToken.objects.filter(device__user=publisher).values_list("token", flat=True)
    )
    # Shown once: a reload does not show them again.
    again = browser.get(confirmed["Location"]).content.decode()
    assert not any(code in again for code in shown)
    # The session is verified: the admin opens.
    assert browser.get(admin_url("index")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_new_recovery_codes_replace_the_old_ones(browser, publisher):
    device = enrolled(publisher)
    old = set(StaticToken.objects.values_list("token", flat=True))
    sign_in(browser, publisher)
    give_code(browser, code_for(device))

    status = browser.get(url_in("es", "two_factor:setup"))
    assert "Te quedan 10 códigos de recuperación" in page_text(status)
    # The status page is read only: it leaves no new, unconfirmed key behind.
    assert list(TOTPDevice.objects.filter(user=publisher)) == [device]
    browser.post(url_in("es", "two_factor:recovery_codes"))

    new = set(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == 10
    assert not old & new


# Signing in with the code


def test_the_password_and_a_valid_code_open_the_admin(browser, publisher):
    device = enrolled(publisher)
    asked = changelist_url(models.Project)

    sign_in(browser, publisher)
    redirect = browser.get(asked)
    assert redirect["Location"].startswith(f"{url_in('es', 'two_factor:verify')}?next=")
    form = browser.get(redirect["Location"])
    assert "Ingresá el código de 6 dígitos de tu aplicación" in page_text(form)

    response = browser.post(redirect["Location"], {"otp_token": code_for(device), "next": asked})

    assert response.status_code == 302
    assert response["Location"] == asked
    assert browser.get(asked).status_code == 200


def test_a_code_typed_with_a_space_is_accepted(browser, publisher):
    device = enrolled(publisher)
    sign_in(browser, publisher)
    code = code_for(device)

    give_code(browser, f"{code[:3]} {code[3:]}")

    assert browser.get(admin_url("index")).status_code == 200


def test_a_wrong_code_is_refused(browser, publisher):
    device = enrolled(publisher)
    sign_in(browser, publisher)
    response = give_code(browser, wrong_code(device))

    assert response.status_code == 200
    assert "El código no es válido" in page_text(response)
    assert browser.get(admin_url("index")).status_code == 302


def test_a_used_code_cannot_be_replayed(browser, publisher):
    device = enrolled(publisher)
    code = code_for(device)
    sign_in(browser, publisher)
    give_code(browser, code)
    browser.post(admin_url("logout"))

    sign_in(browser, publisher)
    response = give_code(browser, code)

    assert response.status_code == 200
    assert browser.get(admin_url("index")).status_code == 302


def test_after_a_wrong_code_django_otp_makes_one_wait(browser, publisher):
    device = enrolled(publisher)
    sign_in(browser, publisher)
    give_code(browser, wrong_code(device))

    # At once, even the right code is refused: the device is throttled (1 s, 2 s, 4 s...).
    response = give_code(browser, code_for(device))
    assert "Demasiados códigos equivocados" in page_text(response)

    forget_throttle(device)
    give_code(browser, code_for(device))
    assert browser.get(admin_url("index")).status_code == 200


def test_wrong_codes_count_as_failed_logins_for_the_lockout(browser, publisher):
    wrong = wrong_code(enrolled(publisher))
    sign_in(browser, publisher)

    statuses = [give_code(browser, wrong).status_code for _ in range(5)]

    # The fifth failure answers with the lockout page and ends the half-open session.
    assert statuses == [200, 200, 200, 200, 429]
    assert AccessAttempt.objects.get().failures_since_start == 5
    assert wrong not in AccessAttempt.objects.get().post_data
    assert browser.get(admin_url("index"))["Location"].startswith(admin_url("login"))
    assert sign_in(browser, publisher).status_code == 429


def test_a_recovery_code_works_once(browser, publisher):
    enrolled(publisher)
    code = StaticToken.objects.filter(device__user=publisher).first().token

    sign_in(browser, publisher)
    response = give_code(browser, code.upper())  # as typed from paper

    assert response.status_code == 302
    index = browser.get(admin_url("index"))
    assert index.status_code == 200
    assert "Te quedan 9 códigos de recuperación" in page_text(index)
    browser.post(admin_url("logout"))

    sign_in(browser, publisher)
    again = give_code(browser, code)
    assert again.status_code == 200
    assert "El código no es válido" in page_text(again)
    assert browser.get(admin_url("index")).status_code == 302


# Both languages, the admin's look, the strict Content-Security-Policy


@pytest.mark.parametrize(
    ("language", "prompt", "button"),
    [
        ("es", "Ingresá el código de 6 dígitos de tu aplicación.", "Verificar"),
        ("en", "Enter the 6-digit code from your app.", "Verify"),
    ],
)
def test_the_code_screen_speaks_the_admins_language(browser, publisher, language, prompt, button):
    enrolled(publisher)
    sign_in(browser, publisher, language)

    response = browser.get(verify_url(language))
    content = response.content.decode()

    assert f'<html lang="{language}"' in content
    assert prompt in page_text(response)
    assert f'value="{button}"' in content
    assert 'autocomplete="one-time-code"' in content
    assert INLINE_CODE.findall(content) == []
    assert "admin/css/login.css" in content


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_two_factor_screen_is_translated(browser, publisher, language):
    sign_in(browser, publisher, language)
    with translation.override(language):
        setup = page_text(browser.get(setup_url(language)))
        device = TOTPDevice.objects.get(user=publisher)
        browser.post(setup_url(language), {"otp_token": code_for(device)})
        codes = page_text(browser.get(url_in(language, "two_factor:recovery_codes")))
        status = page_text(browser.get(url_in(language, "two_factor:setup")))

    expected = {
        "es": ("Escaneá este código QR", "Guardá estos códigos", "está activada"),
        "en": ("Scan this QR code", "Keep these codes", "is on for your account"),
    }[language]
    assert expected[0] in setup
    assert expected[1] in codes
    assert expected[2] in status


# A lost phone: a superuser turns it off, the account sets it up again


def test_a_superuser_turns_it_off_for_a_publisher_who_lost_the_phone(client, superuser, publisher):
    enrolled(publisher)
    client.force_login(superuser)
    users = admin_url("auth_user_changelist")

    listing = client.get(users)
    assert "Verificación en dos pasos" in page_text(listing)
    response = client.post(
        users,
        {"action": "turn_off_two_factor", "_selected_action": [publisher.pk]},
        follow=True,
    )

    assert "Se desactivó la verificación en dos pasos de 1 cuenta" in page_text(response)
    assert not TOTPDevice.objects.filter(user=publisher).exists()
    assert not StaticToken.objects.filter(device__user=publisher).exists()
    publisher_browser = Client()
    sign_in(publisher_browser, publisher)
    setup = publisher_browser.get(admin_url("index"))
    assert setup["Location"].startswith(url_in("es", "two_factor:setup"))


def test_django_otps_english_device_screens_are_not_in_the_admin():
    from django.contrib import admin
    from django_otp.plugins.otp_static.models import StaticDevice

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)


def test_the_code_screen_never_sends_one_to_another_site(browser, publisher):
    device = enrolled(publisher)
    sign_in(browser, publisher)

    response = browser.post(
        url_in("es", "two_factor:verify"),
        {"otp_token": code_for(device), "next": "https://example.com/es/admin/"},
    )

    assert response["Location"] == admin_url("index")
