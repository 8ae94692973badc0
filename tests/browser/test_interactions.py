"""Clicking through the site as a visitor would."""

import re
from operator import attrgetter

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The entries: their slugs and URL words both change with the language.
ENTRY_PAGES = [page for page in PAGES if page.slugs and page.status == 200]


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
@pytest.mark.parametrize("site_page", ENTRY_PAGES, ids=attrgetter("name"))
def test_language_switch_leads_to_the_same_entry_in_the_other_language(
    open_page, live_server_url, site_page, language, other
):
    page = open_page(site_page.path(language))
    page.locator(f'header a[hreflang="{other}"]').click()
    expect(page).to_have_url(live_server_url + site_page.path(other))
    expect(page.locator("html")).to_have_attribute("lang", other)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [("es", "cooperacion", "Cooperación"), ("en", "waste", "Waste")],
)
def test_header_search_box_finds_and_highlights(open_page, language, query, expected):
    page = open_page(PAGES[0].path(language))
    page.locator("header input[type=search]").fill(query)
    page.locator("header form[role=search] button").click()
    expect(page.locator("h1")).to_have_count(1)
    # Which result comes first depends on the database's ranking; each one marks the word.
    expect(page.locator(".search-results mark").first).to_have_text(
        re.compile(expected, re.IGNORECASE)
    )
    expect(page.locator(".result-count")).to_contain_text(query)


def test_a_filter_narrows_the_directory_and_keeps_working_without_javascript(
    browser, live_server_url
):
    # Plain GET forms: the filter works with JavaScript turned off.
    context = browser.new_context(java_script_enabled=False, base_url=live_server_url)
    try:
        page = context.new_page()
        page.goto(PAGES[3].path("en"))
        total = page.locator(".cards > *").count()
        # Folded on a list nobody has filtered yet: opened with a click, no script needed.
        expect(page.locator("details.filters")).not_to_have_attribute("open", "")
        page.locator("details.filters summary").click()
        page.locator("select[name=network]").select_option(
            label="ICLEI – Local Governments for Sustainability"
        )
        page.locator(".filters button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"network=iclei"))
        expect(page.locator(".result-count")).to_have_text("2 results")
        assert page.locator(".cards > *").count() == 2 < total
        # Filtered, the list opens its filters at once.
        page.locator("select[name=status]").select_option("active")
        page.locator(".filters button[type=submit]").click()
        expect(page.locator(".result-count")).to_have_text("1 result")
    finally:
        context.close()
