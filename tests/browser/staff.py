"""Staff in the browser tests: signing in to the Spanish admin as a user would."""

from playwright.sync_api import expect

from tests.helpers import url_in

PASSWORD = "a-long-enough-password-for-tests"


def sign_in(page, user) -> None:
    """Through the login form: the password, then, for an account that must pass the second
    step, one of its recovery codes (a code from the app is accepted once per 30 seconds;
    tests/browser/test_two_factor.py signs in with the app's codes)."""
    page.goto(url_in("es", "admin:index"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    if user.recovery_codes is not None:
        page.fill("#id_otp_token", next(user.recovery_codes))
        page.locator("#two-factor-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()
