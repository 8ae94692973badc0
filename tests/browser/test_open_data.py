"""The open data page on a phone (templates/cooperation/open_data.html): the dictionary
folded, its column names whole."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.pages import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _path(language: str, fragment: str = "") -> str:
    with translation.override(language):
        return reverse("cooperation:open_data") + fragment


OPEN_ALL = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
HEIGHT = "() => document.documentElement.scrollHeight"
# Column names laid out on more than one line: broken in the middle of the word.
BROKEN_NAMES = """() => [...document.querySelectorAll('.dictionary-table th code')]
  .filter((code) => code.getClientRects().length > 1)
  .map((code) => code.textContent)"""


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_folded_page_is_much_shorter_on_a_phone(open_page, language):
    page = open_page(_path(language), viewport=PHONE)
    folded = page.evaluate(HEIGHT)
    page.evaluate(OPEN_ALL)
    unfolded = page.evaluate(HEIGHT)
    # About 15,000 px on a phone with the dictionary inline.
    assert folded < 7000, folded
    assert folded < unfolded / 2, (folded, unfolded)


@pytest.mark.parametrize("language", ["es", "en"])
def test_column_names_are_never_broken_mid_word(open_page, language):
    page = open_page(_path(language), viewport=PHONE)
    page.evaluate(OPEN_ALL)
    assert page.locator(".dictionary-table th code").count() > 50
    assert page.evaluate(BROKEN_NAMES) == []
    # The wide tables scroll in their own box, the page does not.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_link_to_a_table_opens_its_columns(open_page):
    page = open_page(_path("es"), viewport=PHONE)
    details = page.locator("details:has(#columns-projects-title)")
    expect(details).not_to_have_attribute("open", "")
    page.locator('a[href="#columns-projects"]').click()
    expect(details).to_have_attribute("open", "")
    expect(page.locator("#columns-projects-title")).to_be_in_viewport()
    expect(page.locator("#columns-projects code").first).to_be_visible()
