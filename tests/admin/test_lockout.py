"""The login page's warning before the last attempt (cooperation/admin/lockout.py).

The lockout page itself is tested in tests/test_errors.py, the lockout rules in
tests/test_settings.py.
"""

import lxml.html
import pytest
from django.utils import translation

from .helpers import admin_url

WRONG = "not-the-password"
WARNING = {
    "es": "Te queda un intento antes de que se bloquee el acceso por 15 minutos.",
    "en": "You have one attempt left before signing in is blocked for 15 minutes.",
}


def fail(client, username: str, language: str = "es"):
    return client.post(
        admin_url("login", language=language),
        {"username": username, "password": WRONG, "next": admin_url("index", language=language)},
    )


def messages_of(response) -> list[str]:
    page = lxml.html.fromstring(response.content.decode(response.charset))
    return [item.text_content().strip() for item in page.xpath("//ul[@class='messagelist']/li")]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("username", ["admin", "nobody-of-that-name"])
def test_the_failure_before_the_last_one_warns_existing_and_unknown_users_alike(
    client, superuser, settings, username, language
):
    assert settings.AXES_FAILURE_LIMIT == 5
    responses = [fail(client, username, language) for _ in range(4)]

    assert [response.status_code for response in responses] == [200] * 4
    assert [messages_of(response) for response in responses[:3]] == [[], [], []]
    assert messages_of(responses[3]) == [WARNING[language]]
    assert fail(client, username, language).status_code == 429


def test_the_warning_does_not_tell_whether_the_user_exists(client, superuser):
    pages = {}
    for username in ("admin", "nobody-of-that-name"):
        for _ in range(4):
            response = fail(client, username)
        page = lxml.html.fromstring(response.content.decode(response.charset))
        for secret in page.xpath("//input[@name='csrfmiddlewaretoken' or @name='username']"):
            secret.drop_tree()
        pages[username] = lxml.html.tostring(page.body, encoding="unicode")
    assert pages["admin"] == pages["nobody-of-that-name"]


def test_a_successful_sign_in_starts_the_count_again(client, superuser):
    for _ in range(3):
        fail(client, "admin")
    client.post(admin_url("login"), {"username": "admin", "password": "a-long-enough-password"})
    client.logout()
    with translation.override("es"):
        assert [messages_of(fail(client, "admin")) for _ in range(3)] == [[], [], []]
