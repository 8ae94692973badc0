"""A publisher's first sign-in in the Spanish admin, in Chromium: the password, setting up the
authenticator app from the page (the key read off it, the code computed as the app would),
the recovery codes, the admin; then signing in again with the password and a code.

The account is committed for the module (the live server sees only what is committed) and
deleted afterwards, with its devices.
"""

import re
from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.pages import DESKTOP, TIMEOUT_MS
from tests.browser.staff import PASSWORD
from tests.browser.test_pages import AXE_OPTIONS, axe_report
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The Content-Security-Policy forbids inline scripts and styles: these pages must hold to it.
CSP_VIOLATION = re.compile(r"Content Security Policy|Refused to", re.IGNORECASE)


@pytest.fixture(scope="module")
def publisher_account(staff_account):
    return staff_account("browser-publisher", "publishers", enrolled=False, first_name="Paula")


def assert_accessible(page) -> None:
    # Django's own breadcrumbs (on every admin page) fail axe's link-in-text-block rule: the
    # two-factor screens are checked, not the admin's frame.
    context = {"exclude": [[".breadcrumbs"]]}
    violations = Axe().run(page, context=context, options=AXE_OPTIONS).response["violations"]
    assert not violations, axe_report(violations)


def sign_in_with_password(page) -> None:
    page.goto(url_in("es", "admin:index"))
    page.fill("#id_username", "browser-publisher")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()


def test_a_publisher_sets_up_the_app_and_signs_in_with_its_codes(
    browser, live_server_url, publisher_account
):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server_url)
    context.set_default_timeout(TIMEOUT_MS)
    problems = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on(
            "console",
            lambda message: (
                problems.append(message.text)
                if message.type == "error" and CSP_VIOLATION.search(message.text)
                else None
            ),
        )

        # The password leads to setting up the app, and nowhere else.
        sign_in_with_password(page)
        expect(page).to_have_url(re.compile(re.escape(url_in("es", "two_factor:setup"))))
        expect(page.locator("body")).to_contain_text("Escaneá este código QR con la aplicación.")
        expect(page.locator("svg.two-factor-qr")).to_be_visible()
        assert_accessible(page)
        page.goto(url_in("es", "admin:cooperation_program_changelist"))
        expect(page).to_have_url(re.compile(re.escape(url_in("es", "two_factor:setup"))))

        # The app is given the key by hand and shows a code.
        secret = page.locator("#two-factor-secret").inner_text()
        key = b32decode(secret.replace(" ", ""))
        page.fill("#id_otp_token", f"{totp(key):06d}")
        page.locator("#two-factor-form [type=submit]").click()

        # Ten recovery codes, shown once; then the admin page last asked for.
        expect(page.locator("#recovery-codes code")).to_have_count(10)
        assert_accessible(page)
        expect(page.locator(".messagelist")).to_contain_text(
            "La verificación en dos pasos está activada en tu cuenta."
        )
        page.get_by_role("link", name="Seguir al panel de administración").click()
        programs = url_in("es", "admin:cooperation_program_changelist")
        expect(page).to_have_url(re.compile(re.escape(programs) + "$"))
        expect(page.locator("#user-tools")).to_be_visible()

        # Next time: the password, then the code the app shows (the next one: a code is
        # accepted once).
        page.locator("#logout-form button").click()
        sign_in_with_password(page)
        expect(page).to_have_url(re.compile(re.escape(url_in("es", "two_factor:verify"))))
        expect(page.locator("body")).to_contain_text(
            "Ingresá el código de 6 dígitos de tu aplicación."
        )
        accepted = {totp(key, drift=steps) for steps in (0, 1, 2)}
        page.fill(
            "#id_otp_token", next(f"{n:06d}" for n in (0, 111111, 222222) if n not in accepted)
        )
        page.locator("#two-factor-form [type=submit]").click()
        expect(page.locator(".errornote")).to_contain_text("El código no es válido")
        assert_accessible(page)
        # django-otp makes one wait a second after a wrong code.
        page.wait_for_timeout(1_100)
        page.fill("#id_otp_token", f"{totp(key, drift=1):06d}")
        page.locator("#two-factor-form [type=submit]").click()
        expect(page).to_have_url(re.compile(re.escape(url_in("es", "admin:index")) + "$"))
        expect(page.locator("#user-tools")).to_be_visible()
        assert problems == [], problems
    finally:
        context.close()
