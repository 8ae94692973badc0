"""Programs, projects and their parts in the admin (cooperation/admin/entries.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cooperation import models, services
from tests import factories
from tests.admin.helpers import (
    add_url,
    change_url,
    changelist_url,
    errors_of,
    form_data,
    load_form,
    office_package,
    public_url,
)

pytestmark = pytest.mark.django_db


def test_search_finds_entries_by_either_language(client, superuser):
    client.force_login(superuser)
    project = factories.ProjectFactory(title_es="Huertas urbanas", title_en="Urban gardens")
    for query in ("huertas", "gardens"):
        response = client.get(changelist_url(models.Project), {"q": query})
        assert list(response.context["cl"].result_list) == [project]


@pytest.mark.parametrize(
    ("name", "content", "valid"),
    [
        ("report.pdf", b"%PDF-1.7\n%...", True),
        ("minutes.docx", office_package("word/document.xml"), True),
        ("budget.xlsx", office_package("xl/workbook.xml"), True),
        ("notes.pdf", b"plain text pretending", False),
        ("page.html", b"%PDF-1.7 <script>alert(1)</script>", False),
        ("minutes.pdf", office_package("word/document.xml"), False),
        ("huge.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), False),
    ],
)
def test_document_uploads_are_checked_by_content(client, superuser, media, name, content, valid):
    project = factories.ProjectFactory()
    client.force_login(superuser)
    data = load_form(client, project)
    data.update(
        {
            "documents-TOTAL_FORMS": ["1"],
            "documents-0-title_es": ["Informe"],
            "documents-0-kind": ["report"],
            "documents-0-date_precision": ["day"],
            "documents-0-version": ["1"],
            "documents-0-project": [str(project.pk)],
            "documents-0-file": SimpleUploadedFile(name, content),
        }
    )
    response = client.post(change_url(project, "en"), data)
    if valid:
        assert response.status_code == 302, errors_of(response)
        assert project.documents.get().file.name.endswith(name.rsplit(".", 1)[1])
    else:
        assert response.status_code == 200
        assert not project.documents.exists()
        assert "file" in str(response.context["inline_admin_formsets"][2].formset.errors)


def test_script_and_event_handlers_written_in_the_admin_never_reach_the_public_page(
    client, superuser
):
    project = factories.ProjectFactory(slug_es="seguro")
    client.force_login(superuser)
    data = load_form(client, project)
    data["body_es"] = [
        "Texto con **formato** y [un enlace](https://rosario.gob.ar).\n\n"
        "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
        '<a href="javascript:alert(1)" onclick="alert(2)">clic</a>'
    ]
    assert client.post(change_url(project), data).status_code == 302
    client.logout()

    content = client.get(public_url(project)).content.decode()

    assert "<strong>formato</strong>" in content
    assert 'href="https://rosario.gob.ar"' in content
    for forbidden in ("<script>alert", "onerror", "onclick", "javascript:"):
        assert forbidden not in content


def new_entry_with_rows(client, model, **fields) -> dict:
    """The add form of ``model`` filled with ``fields`` and one participation, one milestone
    and one document (a PDF), as a browser submits it."""
    data = form_data(client.get(add_url(model)), model)
    partner = factories.PartnerFactory()
    data.update({name: [value] for name, value in fields.items()})
    data.update(
        {
            "participations-TOTAL_FORMS": ["1"],
            "participations-0-partner": [str(partner.pk)],
            "participations-0-role": ["partner"],
            "participations-0-order": ["0"],
            "participations-0-version": ["1"],
            "milestones-TOTAL_FORMS": ["1"],
            "milestones-0-date": ["2024-05-01"],
            "milestones-0-date_precision": ["day"],
            "milestones-0-title_es": ["Firma del acuerdo"],
            "milestones-0-version": ["1"],
            "documents-TOTAL_FORMS": ["1"],
            "documents-0-title_es": ["Informe inicial"],
            "documents-0-kind": ["report"],
            "documents-0-date_precision": ["day"],
            "documents-0-version": ["1"],
            "documents-0-file": SimpleUploadedFile("informe.pdf", b"%PDF-1.7\n%..."),
        }
    )
    return data


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (models.Project, {"title_es": "Proyecto nuevo", "slug_es": "proyecto-nuevo"}),
        (models.Program, {"title_es": "Programa nuevo", "slug_es": "programa-nuevo"}),
    ],
)
def test_a_new_entry_is_saved_with_its_rows_in_one_save(client, editor, media, model, fields):
    client.force_login(editor)
    if model is models.Project:
        fields["program"] = str(factories.ProgramFactory().pk)
    data = new_entry_with_rows(client, model, status="active", **fields)

    response = client.post(add_url(model), data)

    assert response.status_code == 302, errors_of(response)
    entry = model.objects.get(slug_es=fields["slug_es"])
    assert entry.participations.count() == 1
    assert entry.milestones.get().title_es == "Firma del acuerdo"
    assert entry.documents.get().file.name.endswith(".pdf")


def test_a_new_entry_refused_for_another_error_keeps_its_rows_without_a_link_error(
    client, editor, media
):
    client.force_login(editor)
    data = new_entry_with_rows(
        client,
        models.Project,
        program=str(factories.ProgramFactory().pk),
        title_es="Proyecto nuevo",
        slug_es="proyecto-nuevo",
        status="active",
        start_year="2024",
        end_year="2020",  # before the start: refused
    )

    response = client.post(add_url(models.Project), data)

    assert response.status_code == 200
    assert "end_year" in response.context["adminform"].form.errors
    for inline in response.context["inline_admin_formsets"]:
        assert not any(inline.formset.errors), inline.formset.errors
        assert not inline.formset.non_form_errors()


def row_prefix(data: dict, pk: int) -> str:
    """The prefix of an inline row in a loaded form (``milestones-0``), found by its id."""
    return next(k for k, v in data.items() if k.endswith("-id") and v == [str(pk)])[:-3]


def test_a_row_deleted_by_someone_else_while_editing_is_said_and_the_rest_saved(client, editor):
    project = factories.ProjectFactory(title_es="Antes")
    gone = factories.MilestoneFactory(project=project, title_es="Hito ajeno")
    kept = factories.MilestoneFactory(project=project, title_es="Hito propio")
    client.force_login(editor)
    data = load_form(client, project)
    data["title_es"] = ["Después"]
    data[f"{row_prefix(data, gone.pk)}-title_en"] = ["My typed title"]
    data[f"{row_prefix(data, kept.pk)}-title_es"] = ["Hito propio, corregido"]
    # Someone else deletes the first milestone from its own page meanwhile.
    services.history_record_before_deletion(objs=[gone], user=editor)
    gone.delete()

    response = client.post(change_url(project), data, follow=True)

    assert response.redirect_chain, errors_of(response)
    project.refresh_from_db()
    kept.refresh_from_db()
    assert project.title_es == "Después"
    assert kept.title_es == "Hito propio, corregido"
    notes = [str(m) for m in response.context["messages"]]
    note = next(n for n in notes if "Hito ajeno" in n)
    assert "My typed title" in note
    assert "borró" in note


def test_a_row_deleted_by_someone_else_with_another_error_is_not_a_dead_end(client, editor):
    project = factories.ProjectFactory(start_year=2020)
    gone = factories.MilestoneFactory(project=project)
    client.force_login(editor)
    data = load_form(client, project)
    data["end_year"] = ["2010"]  # refused: before the start
    gone.delete()

    response = client.post(change_url(project), data)

    assert response.status_code == 200
    assert "end_year" in response.context["adminform"].form.errors
    again = form_data(response, models.Project)
    again["end_year"] = ["2024"]
    assert client.post(change_url(project), again).status_code == 302


@pytest.mark.parametrize(
    "factory",
    factories.PAGE_ENTRY_FACTORIES,
)
def test_sources_are_edited_inline(client, superuser, factory):
    obj = factory()
    client.force_login(superuser)
    response = client.get(change_url(obj))
    data = form_data(response, type(obj))
    prefix = "cooperation-source-content_type-object_id"
    assert f"{prefix}-TOTAL_FORMS" in data
    data[f"{prefix}-TOTAL_FORMS"] = ["1"]
    data.update(
        {
            f"{prefix}-0-title_es": ["Página de la ciudad"],
            f"{prefix}-0-title_en": ["City page"],
            f"{prefix}-0-url": ["https://example.org/cooperacion"],
            f"{prefix}-0-consulted_on": ["02/05/2024"],
            f"{prefix}-0-order": ["0"],
            # As in the blank row the admin's "add another" copies.
            f"{prefix}-0-version": data[f"{prefix}-__prefix__-version"],
        }
    )
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, errors_of(response)
    (source,) = obj.sources.all()
    assert (source.title_es, source.url) == (
        "Página de la ciudad",
        "https://example.org/cooperacion",
    )
