"""Contact and sharing where the reader is, on a phone; and what a page looks like printed."""

from operator import attrgetter

import pytest
from playwright.sync_api import expect

from tests.browser.pages import LANGUAGES, PAGES, PHONE
from tests.browser.test_pages import axe_report, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The pages of a program, a project or an organization (a theme's page lists entries).
ENTRY_KINDS = {"program_detail", "project_detail", "partner_detail"}
ENTRY_PAGES = [page for page in PAGES if page.url_name in ENTRY_KINDS and page.status == 200]
WRITE = {"es": "Escribinos por WhatsApp", "en": "Write to us on WhatsApp"}
SHARE = {"es": "Compartir por WhatsApp", "en": "Share on WhatsApp"}
COPY = {"es": "Copiar enlace", "en": "Copy link"}
COPIED = {"es": "Enlace copiado", "en": "Link copied"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("site_page", ENTRY_PAGES, ids=attrgetter("name"))
def test_contact_and_sharing_are_on_the_first_screen_of_a_phone(open_page, site_page, language):
    page = open_page(site_page.path(language), viewport=PHONE)
    header = page.locator("article .entry-header")
    for name in (WRITE[language], SHARE[language], COPY[language]):
        link = header.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], f"{name!r} is below the first screen"
        assert box["height"] >= 24, f"{name!r} is a small tap target"
    violations = axe_violations(page)
    assert not violations, axe_report(violations)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_pages_contact_block_is_on_the_first_screen_of_a_phone(open_page, language):
    page = open_page(PAGES[0].path(language), viewport=PHONE)
    link = page.locator(".intro").get_by_role("link", name=WRITE[language], exact=True)
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_link_copies_the_pages_address(browser, live_server_url, language):
    project = next(page for page in ENTRY_PAGES if page.name == "project_detail")
    context = browser.new_context(viewport=PHONE, base_url=live_server_url)
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server_url)
        page = context.new_page()
        page.goto(project.path(language))
        page.get_by_role("link", name=COPY[language], exact=True).click()
        expect(page.get_by_role("status")).to_have_text(COPIED[language])
        # The page stays where it was, and the clipboard holds its address.
        assert page.url == live_server_url + project.path(language)
        assert page.evaluate("navigator.clipboard.readText()") == page.url
    finally:
        context.close()


def test_copy_link_without_javascript_leads_to_the_page_itself(browser, live_server_url):
    project = next(page for page in ENTRY_PAGES if page.name == "project_detail")
    context = browser.new_context(java_script_enabled=False, base_url=live_server_url)
    try:
        page = context.new_page()
        page.goto(project.path("es"))
        link = page.get_by_role("link", name=COPY["es"], exact=True)
        expect(link).to_have_attribute("href", live_server_url + project.path("es"))
    finally:
        context.close()


@pytest.mark.parametrize(
    "site_page",
    [page for page in PAGES if page.name in {"home", "project_list", "project_detail", "search"}],
    ids=attrgetter("name"),
)
def test_a_printed_page_has_no_search_or_buttons_and_gives_its_address(open_page, site_page):
    page = open_page(site_page.path("es"))
    printed = page.locator(".print-address")
    expect(printed).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("header input[type=search]")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(printed).to_be_visible()
    expect(printed).to_contain_text(page.url.split("?")[0])
    buttons = page.locator("main .action-link, main button").all()
    assert buttons, "each of these pages has a button or an action link to hide"
    for button in buttons:
        expect(button).to_be_hidden()
    # The footer: dark on white.
    colours = page.evaluate(
        """() => {
          const footer = document.querySelector(".site-footer");
          const style = getComputedStyle(footer);
          return [style.color, style.backgroundColor];
        }"""
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    # Its WhatsApp link prints as text that says where to write.
    whatsapp = page.locator("footer .whatsapp-link")
    expect(whatsapp).to_be_visible()
    after = whatsapp.evaluate("link => getComputedStyle(link, '::after').content")
    assert after == '": wa.me/5493415440147"'
    assert whatsapp.evaluate("link => getComputedStyle(link).backgroundColor") in (
        "rgba(0, 0, 0, 0)",
        "rgb(255, 255, 255)",
    )
