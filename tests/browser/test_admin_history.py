"""An editor reads a project's history in the Spanish admin: the change in Spanish, two
versions compared, and the restore form that does not look like the edit form.

The editor and the project are committed for this module (the live server only sees what
is committed) and deleted afterwards, so that the other browser tests find the seed as
they expect it.
"""

import pytest
from playwright.sync_api import expect

from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def project(staff_project):
    return staff_project(
        title_es="Zzhistoria: islas de calor",
        title_en="Heat islands",
        slug_es="zz-historia-islas-de-calor",
        slug_en="zz-history-heat-islands",
    )


@pytest.fixture(scope="module")
def editor(staff_account):
    return staff_account("browser-history", "editors", first_name="Hilda")


def test_the_history_reads_in_spanish_compares_and_restores(staff_page, editor, project):
    admin = staff_page(
        editor, url_in("es", "admin:cooperation_project_change", object_id=project.pk)
    )
    edit_buttons = admin.locator(".submit-row input[name=_save]")
    expect(edit_buttons.first).to_have_value("Guardar")
    expect(admin.locator("#restore-banner")).to_have_count(0)
    admin.fill("#id_title_en", "Urban heat islands")
    admin.locator("input[name=_save]").click()
    expect(admin.locator(".messagelist .success")).to_be_visible()

    admin.goto(url_in("es", "admin:cooperation_project_history", object_id=project.pk))
    history = admin.locator("#change-history")
    expect(history).to_contain_text("Modificado Título [inglés].")
    expect(history).not_to_contain_text("Title [en]")
    expect(history).to_contain_text(" de ")  # "1 de diciembre de 2026 a las 10:30"

    admin.get_by_role("link", name="Comparar con la versión anterior").click()
    comparison = admin.locator("#version-comparison")
    expect(comparison.locator("tbody tr")).to_have_count(1)
    expect(comparison.locator("tbody th")).to_have_text("Título [inglés]")
    expect(comparison.locator("del")).to_have_text("Heat islands")
    expect(comparison.locator("ins")).to_have_text("Urban heat islands")

    admin.get_by_role("link", name="Ver la versión anterior, para restaurarla").click()
    expect(admin.locator("#restore-banner")).to_contain_text("Estás viendo la versión del")
    expect(admin.locator("#restore-banner")).to_contain_text("guardá para restaurarla")
    expect(admin.locator("#id_title_en")).to_have_value("Heat islands")
    button = admin.locator(".submit-row input[name=_save]")
    expect(button).to_have_count(1)
    expect(button).to_have_value("Restaurar esta versión")
    button.click()
    expect(admin.locator(".messagelist .success")).to_be_visible()
    project.refresh_from_db()
    assert project.title_en == "Heat islands"
