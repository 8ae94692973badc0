"""An editor changes a project's address in the Spanish admin; its old addresses, in both
languages, still lead to the page.

The editor and the project are committed for this module (the live server only sees what
is committed) and deleted afterwards, with the addresses they left, so that the other
browser tests find the seed as they expect it.
"""

import pytest
from playwright.sync_api import expect

from cooperation import models
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE_ES = "Zzdirecciones: islas de calor"
OLD_SLUG, NEW_SLUG = "zz-islas-de-calor", "zz-islas-de-calor-urbanas"


@pytest.fixture(scope="module")
def project(staff_project):
    """A published project with a Spanish slug only (its English page answers at it)."""
    return staff_project(
        title_es=TITLE_ES, slug_es=OLD_SLUG, publication=models.PublicationStatus.PUBLISHED
    )


@pytest.fixture(scope="module")
def editor(staff_account):
    return staff_account("browser-addresses", "editors")


def test_an_old_address_redirects_after_the_slug_is_changed_in_the_admin(
    open_page, staff_page, editor, live_server_url, project
):
    old_pages = {
        code: url_in(code, "cooperation:project_detail", slug=OLD_SLUG) for code in ["es", "en"]
    }
    new_page = url_in("es", "cooperation:project_detail", slug=NEW_SLUG)
    # A visitor reads both pages first, so that any cache holds them.
    public = open_page(old_pages["es"])
    expect(public.locator("h1")).to_have_text(TITLE_ES)
    public.goto(old_pages["en"])
    expect(public.locator("h1")).to_have_text(TITLE_ES)

    admin = staff_page(
        editor, url_in("es", "admin:cooperation_project_change", object_id=project.pk)
    )
    expect(admin.locator("#id_slug_es")).to_have_value(OLD_SLUG)
    admin.fill("#id_slug_es", NEW_SLUG)
    admin.locator("input[name=_save]").click()
    expect(admin.locator(".messagelist .success")).to_be_visible()

    # The old Spanish address: a permanent redirect, and the browser lands on the page.
    answer = public.request.get(old_pages["es"], max_redirects=0)
    assert (answer.status, answer.headers["location"]) == (301, new_page)
    public.goto(old_pages["es"])
    expect(public).to_have_url(live_server_url + new_page)
    expect(public.locator("h1")).to_have_text(TITLE_ES)
    # The English page answered at the Spanish slug: it leads to where it answers now.
    new_english = url_in("en", "cooperation:project_detail", slug=NEW_SLUG)
    answer = public.request.get(old_pages["en"], max_redirects=0)
    assert (answer.status, answer.headers["location"]) == (301, new_english)
    public.goto(old_pages["en"])
    expect(public).to_have_url(live_server_url + new_english)
