"""Staff at work in the Spanish admin, in Chromium: recovering a row, creating an entry with
its rows in one save, a row deleted under an open form, the links to the site, long texts,
the lists at 1366 px, asking for a review.

What a test writes goes through the live server and is committed; each test makes its own
program or project under its own names, and the module's accounts and entries are deleted
afterwards, so that the other browser tests find the seed as they expect it.
"""

import datetime

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from cooperation import models
from tests.helpers import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MARK = "Zzstaff"  # in the titles of what the tests make, to delete it afterwards
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def uploads(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def editor_user(staff_account, uploads):
    return staff_account("staff-editor", "editors", first_name="staff-editor")


@pytest.fixture(scope="module")
def publisher_user(staff_account, uploads):
    return staff_account("staff-publisher", "publishers", first_name="staff-publisher")


def make_project(django_db_blocker, key: str):
    """A draft project of the module's own, with two milestones, committed."""
    with django_db_blocker.unblock():
        program, _created = models.Program.objects.get_or_create(
            slug_es="zzstaff-programa", defaults={"title_es": f"{MARK} programa"}
        )
        project = models.Project.objects.create(
            program=program,
            title_es=f"{MARK} proyecto {key}",
            title_en=f"{MARK} project {key}",
            slug_es=f"zzstaff-proyecto-{key}",
            start_year=2020,
            end_year=2022,
        )
        for day, title in ((1, "Hito a borrar"), (2, "Otro hito")):
            models.Milestone.objects.create(
                project=project,
                date=datetime.date(2021, 3, day),
                title_es=f"{MARK} {title} {key}",
                title_en=f"{MARK} {title} {key} (en)",
            )
    return project


@pytest.fixture(scope="module")
def programs(seeded_database, django_db_blocker):
    """Deletes the module's programs and projects afterwards. (The module's fixtures commit:
    a test's own writes stay in its transaction, which the live server does not see.)"""
    yield
    with django_db_blocker.unblock():
        models.Project.objects.filter(title_es__startswith=MARK).delete()
        models.Program.objects.filter(title_es__startswith=MARK).delete()


@pytest.fixture(scope="module")
def project(programs, django_db_blocker):
    return make_project(django_db_blocker, "a")


@pytest.fixture(scope="module")
def second_project(programs, django_db_blocker):
    return make_project(django_db_blocker, "b")


def change_path(obj) -> str:
    return url_in("es", f"admin:cooperation_{obj._meta.model_name}_change", object_id=obj.pk)


def inline_prefix(page, pk: int) -> str:
    """The form prefix of an inline row (``milestones-0``), found by the row's id."""
    name = page.locator(f"input[name$='-id'][value='{pk}']").get_attribute("name")
    return name.removesuffix("-id")


def test_recovering_a_deleted_milestone_leaves_the_project_as_the_other_editor_left_it(
    staff_page, editor_user, publisher_user, project
):
    gone, sibling = project.milestones.order_by("date")
    editor = staff_page(editor_user, change_path(project))
    editor.locator(f"#id_{inline_prefix(editor, gone.pk)}-DELETE").check()
    editor.locator("input[name=_save]").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()

    other = staff_page(publisher_user, change_path(project))
    other.fill("#id_end_year", "2024")
    other.fill("#id_title_en", f"{MARK} project, renamed")
    other.locator("input[name=_save]").click()
    expect(other.locator(".messagelist .success")).to_be_visible()

    editor.goto(url_in("es", "admin:cooperation_milestone_changelist"))
    editor.get_by_role("link", name="Recuperar hitos eliminados").click()
    editor.locator("tr", has_text=gone.title_es).locator("a").first.click()
    editor.locator("input[name=_save]").click()

    success = editor.locator(".messagelist .success")
    expect(success).to_contain_text("Se recuperó")
    expect(success).to_contain_text(gone.title_es)
    expect(editor.locator("#id_end_year")).to_have_value("2024")
    project.refresh_from_db()
    assert (project.end_year, project.title_en) == (2024, f"{MARK} project, renamed")
    assert set(project.milestones.values_list("title_es", flat=True)) == {
        gone.title_es,
        sibling.title_es,
    }
    editor.goto(url_in("es", "admin:cooperation_project_history", object_id=project.pk))
    expect(editor.locator("#change-history tbody tr").first).to_contain_text("Hito a borrar")


def choose(page, select_id: str, typed: str, option: str):
    """Pick ``option`` in the admin's autocomplete (select2) for the select ``select_id``."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_a_new_project_is_saved_with_a_partner_a_milestone_and_a_pdf_in_one_save(
    staff_page, editor_user, project
):
    editor = staff_page(editor_user, url_in("es", "admin:cooperation_project_add"))
    choose(editor, "id_program", MARK, f"{MARK} programa")
    editor.fill("#id_title_es", f"{MARK} proyecto en un solo paso")
    editor.locator("#participations-group .add-row a").click()
    choose(editor, "id_participations-0-partner", "Tur", "Turín")
    editor.select_option("#id_participations-0-role", "partner")
    editor.locator("#milestones-group .add-row a").click()
    editor.fill("#id_milestones-0-date", "01/05/2024")
    editor.fill("#id_milestones-0-title_es", f"{MARK} firma")
    editor.locator("#documents-group .add-row a").click()
    editor.fill("#id_documents-0-title_es", f"{MARK} informe")
    editor.set_input_files(
        "#id_documents-0-file",
        {"name": "informe.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n%..."},
    )
    editor.locator("input[name=_save]").click()

    expect(editor.locator(".messagelist .success")).to_be_visible()
    created = models.Project.objects.get(title_es=f"{MARK} proyecto en un solo paso")
    assert created.participations.get().partner.name_es == "Turín"
    assert created.milestones.get().title_es == f"{MARK} firma"
    assert created.documents.get().file.name.endswith(".pdf")


def test_a_milestone_deleted_by_someone_else_while_editing_is_said_and_the_rest_saved(
    staff_page, editor_user, publisher_user, second_project
):
    gone, kept = second_project.milestones.order_by("date")
    editor = staff_page(editor_user, change_path(second_project))
    editor.fill("#id_title_en", f"{MARK} project b, renamed")
    editor.fill(f"#id_{inline_prefix(editor, kept.pk)}-title_en", "Kept, edited")

    other = staff_page(
        publisher_user, url_in("es", "admin:cooperation_milestone_delete", object_id=gone.pk)
    )
    other.locator("#content form [type=submit]").click()
    expect(other.locator(".messagelist .success")).to_be_visible()

    editor.locator("input[name=_save]").click()

    expect(editor.locator(".messagelist .success")).to_be_visible()
    warning = editor.locator(".messagelist .warning", has_text="borró")
    expect(warning).to_contain_text(gone.title_es)
    expect(editor.locator(".errornote")).to_have_count(0)
    second_project.refresh_from_db()
    assert second_project.title_en == f"{MARK} project b, renamed"
    assert second_project.milestones.get().title_en == "Kept, edited"


def test_view_on_site_of_a_draft_opens_its_preview(staff_page, editor_user, project):
    editor = staff_page(editor_user, change_path(project))
    editor.get_by_role("link", name="Ver en el sitio").click()
    expect(editor.locator(".preview-notice")).to_be_visible()
    expect(editor.locator("h1")).to_contain_text(project.title_es)


def test_a_long_title_is_not_cut_short_and_the_limit_is_said(staff_page, editor_user, project):
    editor = staff_page(editor_user, change_path(project))
    expect(editor.locator("#id_title_en_helptext")).to_contain_text("Hasta 250 caracteres.")
    editor.fill("#id_title_en", "x" * 260)
    expect(editor.locator("#id_title_en")).to_have_value("x" * 260)  # not cut by the browser
    editor.locator("input[name=_save]").click()

    expect(editor.locator(".errorlist").first).to_contain_text(
        "Como máximo 250 caracteres, por favor (este tiene 260)."
    )
    expect(editor.locator("#id_title_en")).to_have_value("x" * 260)


@pytest.mark.parametrize("model", ["program", "project", "partner", "network"])
def test_the_lists_fit_a_1366_pixel_screen(staff_page, publisher_user, model):
    page = staff_page(
        publisher_user, url_in("es", f"admin:cooperation_{model}_changelist"), viewport=LAPTOP
    )
    table = page.locator("#result_list").bounding_box()
    assert table["x"] + table["width"] <= LAPTOP["width"], table
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]


def test_the_review_column_says_which_entries_need_review(staff_page, editor_user):
    page = staff_page(
        editor_user,
        url_in("es", "admin:cooperation_project_changelist") + "?review=needed",
        viewport=LAPTOP,
    )
    cells = page.locator("#result_list td.field-review_state")
    expect(cells.first).to_have_text("Pendiente")
    expect(page.locator("#result_list td.field-review_state img")).to_have_count(0)


def test_an_editor_says_a_draft_is_ready_and_the_publisher_finds_it_waiting(
    staff_page, editor_user, publisher_user, second_project
):
    editor = staff_page(
        editor_user, url_in("es", "admin:cooperation_project_changelist") + f"?q={MARK}"
    )
    editor.locator(f"input[name=_selected_action][value='{second_project.pk}']").check()
    editor.select_option("select[name=action]", "request_review")
    editor.locator("button[name=index]").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("lista para revisar")
    editor.goto(change_path(second_project))
    fieldsets = editor.locator("fieldset h2").all_inner_texts()
    assert fieldsets.index("Publicación") < fieldsets.index("Imagen"), fieldsets

    publisher = staff_page(publisher_user)
    panel = publisher.locator("#awaiting-publication-module")
    expect(panel).to_contain_text("Esperando publicación")
    panel.get_by_role("link", name=second_project.title_es).click()
    expect(publisher.locator("#id_publication")).to_have_value("draft")
    expect(publisher.locator(".field-review_request")).to_contain_text("staff-editor")
