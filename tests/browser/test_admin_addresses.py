"""An editor changes a project's address in the Spanish admin; its old addresses, in both
languages, still lead to the page.

The editor and the project are committed for this module (the live server only sees what
is committed) and deleted afterwards, with the addresses they left, so that the other
browser tests find the seed as they expect it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from cooperation import models
from tests.browser.pages import DESKTOP, TIMEOUT_MS
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

USERNAME, PASSWORD = "browser-addresses", "a-long-enough-password-for-tests"
TITLE_ES = "Zzdirecciones: islas de calor"
OLD_SLUG, NEW_SLUG = "zz-islas-de-calor", "zz-islas-de-calor-urbanas"


@pytest.fixture(scope="module")
def project(seeded_database, django_db_blocker):
    """A published project with a Spanish slug only (its English page answers at it)."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(
            username=USERNAME, password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name="editors"))  # made by a migration
        project = models.Project.objects.create(
            program=models.Program.objects.published().first(),
            title_es=TITLE_ES,
            slug_es=OLD_SLUG,
            publication=models.PublicationStatus.PUBLISHED,
        )
    yield project
    with django_db_blocker.unblock():
        models.SlugHistory.objects.filter(
            object_id=project.pk, content_type__model="project"
        ).delete()
        project.delete()
        user.delete()


def test_an_old_address_redirects_after_the_slug_is_changed_in_the_admin(
    browser, live_server_url, project
):
    old_pages = {
        code: url_in(code, "cooperation:project_detail", slug=OLD_SLUG) for code in ["es", "en"]
    }
    new_page = url_in("es", "cooperation:project_detail", slug=NEW_SLUG)
    visitor = browser.new_context(viewport=DESKTOP, base_url=live_server_url)
    staff = browser.new_context(viewport=DESKTOP, base_url=live_server_url)
    for context in (visitor, staff):
        context.set_default_timeout(TIMEOUT_MS)
    try:
        # A visitor reads both pages first, so that any cache holds them.
        public = visitor.new_page()
        for path in old_pages.values():
            public.goto(path)
            expect(public.locator("h1")).to_have_text(TITLE_ES)

        admin = staff.new_page()
        admin.goto(url_in("es", "admin:index"))
        admin.fill("#id_username", USERNAME)
        admin.fill("#id_password", PASSWORD)
        admin.locator("#login-form [type=submit]").click()
        expect(admin.locator("#site-name")).to_be_visible()
        admin.goto(url_in("es", "admin:cooperation_project_change", object_id=project.pk))
        expect(admin.locator("#id_slug_es")).to_have_value(OLD_SLUG)
        admin.fill("#id_slug_es", NEW_SLUG)
        admin.locator("input[name=_save]").click()
        expect(admin.locator(".messagelist .success")).to_be_visible()

        # The old Spanish address: a permanent redirect, and the browser lands on the page.
        answer = visitor.request.get(old_pages["es"], max_redirects=0)
        assert (answer.status, answer.headers["location"]) == (301, new_page)
        public.goto(old_pages["es"])
        expect(public).to_have_url(live_server_url + new_page)
        expect(public.locator("h1")).to_have_text(TITLE_ES)
        # The English page answered at the Spanish slug: it leads to where it answers now.
        new_english = url_in("en", "cooperation:project_detail", slug=NEW_SLUG)
        answer = visitor.request.get(old_pages["en"], max_redirects=0)
        assert (answer.status, answer.headers["location"]) == (301, new_english)
        public.goto(old_pages["en"])
        expect(public).to_have_url(live_server_url + new_english)
    finally:
        visitor.close()
        staff.close()
