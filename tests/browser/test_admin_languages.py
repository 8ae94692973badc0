"""The admin's change forms in Chromium: each translated field's Spanish and English side by
side on a laptop screen, stacked on a narrow one (cooperation/admin/languages.py,
templates/admin/includes/fieldset.html, static/css/admin.css)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cooperation import models
from tests.browser.pages import TIMEOUT_MS
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

USERNAME, PASSWORD = "languages-admin", "a-long-enough-password-for-tests"
LAPTOP = {"width": 1366, "height": 768}
NARROW = {"width": 900, "height": 900}


@pytest.fixture(scope="module")
def account(seeded_database, django_db_blocker):
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(USERNAME, "", PASSWORD)
        project = models.Project.objects.order_by("pk").first()
    yield project
    with django_db_blocker.unblock():
        user.delete()


@pytest.fixture
def project_form(browser, live_server_url, account):
    contexts = []

    def open_form(viewport):
        context = browser.new_context(viewport=viewport, base_url=live_server_url)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.goto(url_in("es", "admin:index"))
        page.fill("#id_username", USERNAME)
        page.fill("#id_password", PASSWORD)
        page.locator("#login-form [type=submit]").click()
        expect(page.locator("#site-name")).to_be_visible()
        with translation.override("es"):
            page.goto(reverse("admin:cooperation_project_change", args=[account.pk]))
        return page

    yield open_form
    for context in contexts:
        context.close()


def test_at_1366_pixels_the_spanish_and_english_title_are_on_one_row(project_form):
    page = project_form(LAPTOP)
    spanish, english = page.locator("#id_title_es"), page.locator("#id_title_en")
    es, en = spanish.bounding_box(), english.bounding_box()

    assert es["y"] == en["y"], (es, en)
    assert es["x"] + es["width"] <= en["x"], (es, en)
    assert en["x"] + en["width"] <= LAPTOP["width"]
    # Each input is named by its language, and the pair by the field.
    expect(page.get_by_role("group", name="Título").first.get_by_label("Español")).to_have_id(
        "id_title_es"
    )
    expect(page.get_by_role("group", name="Título").first.get_by_label("Inglés")).to_have_id(
        "id_title_en"
    )
    # The milestones' titles too (a stacked inline).
    first = page.locator("#milestones-0 .translated-row.field-title_es")
    boxes = [first.locator(f"input[name$='title_{code}']").bounding_box() for code in ("es", "en")]
    assert boxes[0]["y"] == boxes[1]["y"]
    assert boxes[1]["x"] + boxes[1]["width"] <= LAPTOP["width"]


def test_on_a_narrow_screen_the_languages_are_stacked(project_form):
    page = project_form(NARROW)
    es = page.locator("#id_title_es").bounding_box()
    en = page.locator("#id_title_en").bounding_box()
    assert en["y"] > es["y"] + es["height"] - 1, (es, en)
