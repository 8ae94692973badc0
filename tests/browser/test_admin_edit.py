"""A staff editor logs in, edits a program's English title and sees it on the public page.

The editor is committed to the database for this module (the live server only sees what is
committed, on PostgreSQL), and the seed title is put back afterwards, so the other browser
tests find the seed as they expect it.
"""

import re

import pytest
from playwright.sync_api import expect

from cooperation import models
from cooperation.seed import content as seed_data
from tests.browser.pages import DESKTOP, TIMEOUT_MS
from tests.browser.staff import sign_in
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEW_TITLE = "Rosario and the UN Global Compact (edited)"
SEED = next(item for item in seed_data.PROGRAMS if item["key"] == "global-compact")
# The Content-Security-Policy forbids inline scripts and styles: the admin must work under it.
CSP_VIOLATION = re.compile(r"Content Security Policy|Refused to", re.IGNORECASE)


@pytest.fixture(scope="module")
def editor_account(staff_account, django_db_blocker):
    yield staff_account("browser-editor", "editors", first_name="Erica")
    with django_db_blocker.unblock():
        program = models.Program.objects.get(slug_es=SEED["slug_es"])
        program.title_en = SEED["title_en"]
        program.save()


def test_editor_changes_the_english_title_and_the_public_page_shows_it(
    browser, live_server_url, editor_account
):
    program = models.Program.objects.get(slug_es=SEED["slug_es"])
    english_page = url_in("en", "cooperation:program_detail", slug=SEED["slug_en"])
    spanish_page = url_in("es", "cooperation:program_detail", slug=SEED["slug_es"])
    visitor = browser.new_context(viewport=DESKTOP, base_url=live_server_url)
    staff = browser.new_context(viewport=DESKTOP, base_url=live_server_url)
    for context in (visitor, staff):
        context.set_default_timeout(TIMEOUT_MS)
    try:
        # A visitor reads the page first, so that any cache holds the old title.
        public = visitor.new_page()
        public.goto(english_page)
        expect(public.locator("h1")).to_have_text(SEED["title_en"])

        admin = staff.new_page()
        problems = []

        def note_policy_violation(message):
            if message.type == "error" and CSP_VIOLATION.search(message.text):
                problems.append(message.text)

        admin.on("pageerror", lambda error: problems.append(str(error)))
        admin.on("console", note_policy_violation)
        sign_in(admin, editor_account)

        admin.goto(url_in("es", "admin:cooperation_program_change", object_id=program.pk))
        expect(admin.locator("#id_title_es")).to_have_value(SEED["title_es"])
        expect(admin.locator("#id_title_en")).to_have_value(SEED["title_en"])
        admin.fill("#id_title_en", NEW_TITLE)
        # The slug is not rewritten from the new title: the page keeps its address.
        expect(admin.locator("#id_slug_en")).to_have_value(SEED["slug_en"])
        admin.locator("input[name=_save]").click()
        expect(admin.locator(".messagelist .success")).to_be_visible()
        assert problems == [], problems

        # At once, for the visitor too: no stale cache.
        public.goto(english_page)
        expect(public.locator("h1")).to_have_text(NEW_TITLE)
        public.goto(spanish_page)
        expect(public.locator("h1")).to_have_text(SEED["title_es"])
    finally:
        visitor.close()
        staff.close()
