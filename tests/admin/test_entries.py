"""Programs, projects and their parts in the admin (cooperation/admin/entries.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cooperation import models
from tests import factories
from tests.admin.helpers import (
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


@pytest.mark.parametrize(
    "factory",
    [
        factories.ProgramFactory,
        factories.ProjectFactory,
        factories.PartnerFactory,
        factories.NetworkFactory,
    ],
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
