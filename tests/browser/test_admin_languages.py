"""The admin's forms in Chromium: each translated field's Spanish and English side by side on
a laptop screen, stacked on a narrow one (cooperation/admin/languages.py,
templates/admin/includes/fieldset.html, static/css/admin.css); and every form and list as
wide as a 1366 px screen at most, never scrolling sideways."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cooperation import models
from cooperation.admin.site import SingletonAdmin
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LAPTOP = {"width": 1366, "height": 768}
SMALL_LAPTOP = {"width": 1280, "height": 800}
NARROW = {"width": 900, "height": 900}


@pytest.fixture(scope="module")
def superuser(staff_account):
    return staff_account("languages-admin", "superuser")


@pytest.fixture
def admin_page(staff_page, superuser):
    """``admin_page(path, viewport)``: the admin page at ``path``, signed in."""

    def open_page(path, viewport):
        page = staff_page(superuser, path, viewport=viewport)
        expect(page.locator("#user-tools")).to_be_visible()
        return page

    return open_page


@pytest.fixture
def project_form(admin_page):
    def open_form(viewport):
        with translation.override("es"):
            project = models.Project.objects.order_by("pk").first()
            return admin_page(
                reverse("admin:cooperation_project_change", args=[project.pk]), viewport
            )

    return open_form


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


# Every model of the portal in the admin: its change form (of the first entry), its add form
# and its list; the single entries (site settings) have neither an add form nor a list.
ADMIN_MODELS = [
    model
    for model in apps.get_app_config("cooperation").get_models()
    if admin.site.is_registered(model)
]
SCREENS = [
    (model._meta.model_name, view)
    for model in ADMIN_MODELS
    for view in ("change", "add", "changelist")
    if view == "change" or not isinstance(admin.site.get_model_admin(model), SingletonAdmin)
]
# What sticks out on the right, to say why a page is too wide.
OVERFLOWING = """(width) => [...document.querySelectorAll("body *")]
    .filter(element => element.getBoundingClientRect().right > width && !element.children.length)
    .slice(0, 10)
    .map(element => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`)"""


def screen_path(model_name: str, view: str) -> str:
    model = apps.get_model("cooperation", model_name)
    kwargs = {}
    if view == "change":
        kwargs["object_id"] = model._default_manager.order_by("pk").first().pk
    return url_in("es", f"admin:cooperation_{model_name}_{view}", **kwargs)


def assert_fits(page, viewport):
    width = viewport["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (scroll_width, page.evaluate(OVERFLOWING, width))


@pytest.mark.parametrize(("model_name", "view"), SCREENS)
def test_every_admin_form_and_list_fits_a_1366_pixel_screen(admin_page, model_name, view):
    page = admin_page(screen_path(model_name, view), LAPTOP)
    if view == "add":
        # A row in each inline (a new entry's sources, participations...), as an editor adds
        # them: an empty table is narrower than a filled one.
        for add_row in page.locator(".inline-group .add-row a").all():
            add_row.click()
    assert_fits(page, LAPTOP)


@pytest.mark.parametrize("model_name", ["program", "project", "partner", "network"])
def test_the_entries_forms_with_their_sources_fit_a_1280_pixel_screen(admin_page, model_name):
    page = admin_page(screen_path(model_name, "change"), SMALL_LAPTOP)
    expect(page.locator("#cooperation-source-content_type-object_id-0")).to_be_visible()
    assert_fits(page, SMALL_LAPTOP)
