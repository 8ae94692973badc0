"""The login lockout in Chromium: the warning before the last attempt, then the lockout page
in the visitor's language and the site's style (cooperation/admin/lockout.py,
rosario_intl/errors.py, templates/lockout.html).

An unknown user name is locked like a real one, so the tests need no account. Each test
takes a name of its own: on PostgreSQL the live server commits the sign-in records on its
own connection, which the test's rollback does not undo (the package's flush does, at the
end), so a name shared between tests would start the next one locked out.
"""

import uuid

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from playwright.sync_api import expect

from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def unknown_user(django_db_blocker):
    username = f"nobody-{uuid.uuid4().hex[:12]}"
    yield username
    with django_db_blocker.unblock():
        AccessAttempt.objects.filter(username=username).delete()
        AccessFailureLog.objects.filter(username=username).delete()


def try_to_sign_in(page, username: str):
    page.fill("#id_username", username)
    page.fill("#id_password", "not-the-password")
    with page.expect_navigation() as navigation:
        page.locator("#login-form [type=submit]").click()
    return navigation.value


@pytest.mark.parametrize(
    ("language", "warning", "heading", "home"),
    [
        (
            "es",
            "Te queda un intento antes de que se bloquee el acceso por 15 minutos.",
            "Demasiados intentos de ingreso",
            "Ir a la página de inicio",
        ),
        (
            "en",
            "You have one attempt left before signing in is blocked for 15 minutes.",
            "Too many sign-in attempts",
            "Go to the home page",
        ),
    ],
)
def test_the_login_warns_before_the_last_attempt_then_shows_the_styled_lockout_page(
    open_page, unknown_user, language, warning, heading, home
):
    page = open_page(url_in(language, "admin:login"))
    for attempt in range(1, 5):
        assert try_to_sign_in(page, unknown_user).status == 200
        warnings = page.locator(".messagelist .warning")
        if attempt < 4:
            expect(warnings).to_have_count(0)
    expect(warnings).to_have_text(warning)

    assert try_to_sign_in(page, unknown_user).status == 429

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    # The site's stylesheet is applied: its header's blue top border and its typeface.
    header = page.locator(".site-header")
    assert header.evaluate("e => getComputedStyle(e).borderTopWidth") == "6px"
    assert "system-ui" in page.evaluate("getComputedStyle(document.body).fontFamily")
    links = page.get_by_role("link")
    expect(links).to_have_count(2)
    expect(page.get_by_role("link", name=home)).to_have_attribute(
        "href", url_in(language, "cooperation:home")
    )
