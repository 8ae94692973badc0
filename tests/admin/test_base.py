"""The admins every content model builds on (cooperation/admin/base.py): both languages on
every form, roles and publication, links to the public pages, history and restore, no lost
edits, upload checks, review."""

import datetime

import lxml.html
import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from cooperation import models, services
from cooperation.admin import entries, filters, translation_status
from cooperation.admin.base import PUBLICATION_FIELDSET
from tests import factories
from tests.admin.helpers import (
    DRAFT,
    PUBLISHED,
    REVIEWABLE,
    add_url,
    admin_url,
    change_url,
    changelist_url,
    errors_of,
    form_data,
    load_form,
    png_bytes,
    public_url,
    url_name,
)

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [model for model in admin.site._registry if model._meta.app_label == "cooperation"]


# Every model, both languages -----------------------------------------------------------


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.model_name)
def test_every_change_form_shows_both_languages(client, seeded, superuser, model):
    client.force_login(superuser)
    obj = model.objects.first()
    response = client.get(change_url(obj))
    assert response.status_code == 200
    content = response.content.decode()
    for name in translation_status.translated_fields(model):
        for language in ("es", "en"):
            assert f'name="{name}_{language}"' in content, f"{name}_{language}"
    assert 'name="version"' in content
    if model in (models.Program, models.Project):
        # The blank row each inline adds from (its fields are those of every row).
        for inline_field in ("participations-__prefix__-note", "milestones-__prefix__-title"):
            assert f'name="{inline_field}_es"' in content
            assert f'name="{inline_field}_en"' in content


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.model_name)
def test_every_list_page_searches_and_filters(client, seeded, superuser, model):
    client.force_login(superuser)
    model_admin = admin.site._registry[model]
    response = client.get(changelist_url(model), follow=True)
    assert response.status_code == 200
    if model_admin.search_fields:
        assert client.get(changelist_url(model), {"q": "rosario"}).status_code == 200
    if filters.EnglishTranslationFilter in model_admin.list_filter:
        assert client.get(changelist_url(model), {"english": "missing"}).status_code == 200


def test_change_form_marks_missing_english(client, editor):
    project = factories.ProjectFactory(body_es="Texto", body_en="")
    client.force_login(editor)
    response = client.get(change_url(project, "en"))
    content = response.content.decode()
    assert "Missing in English: description." in content
    assert "Missing: this text has no English translation yet." in content


# Roles ---------------------------------------------------------------------------------


def test_migration_creates_the_two_roles():
    editors = set(Group.objects.get(name="editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="publishers").permissions.values_list("codename", flat=True)
    )
    assert {"add_project", "change_project", "view_project", "change_contactsettings"} <= editors
    assert not {code for code in editors if code.startswith("publish_")}
    # Of deleting, only the rows of an entry (recoverable one by one).
    assert {code for code in editors if code.startswith("delete_")} == {
        "delete_participation",
        "delete_milestone",
        "delete_document",
    }
    assert publishers - editors == {
        "publish_program",
        "publish_project",
        "publish_partner",
        "publish_network",
    }
    for group in ("editors", "publishers"):
        assert (
            not Group.objects.get(name=group)
            .permissions.exclude(content_type__app_label="cooperation")
            .exists()
        )


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editors_and_publishers_cannot_touch_users_or_groups(request, client, role):
    client.force_login(request.getfixturevalue(role))
    index = client.get(admin_url("index"))
    assert index.status_code == 200
    apps = {app["app_label"] for app in index.context["app_list"]}
    assert apps == {"cooperation"}
    for name in ("auth_user_changelist", "auth_group_changelist", "auth_user_add"):
        assert client.get(admin_url(name)).status_code == 403


def test_editor_cannot_publish_even_with_a_forged_form(client, editor):
    project = factories.ProjectFactory(publication=DRAFT, title_es="Borrador")
    client.force_login(editor)
    response = client.get(change_url(project))
    assert 'name="publication"' not in response.content.decode()  # shown read-only
    data = form_data(response, models.Project)
    data.update(
        title_es=["Borrador corregido"], publication=[PUBLISHED], publish_at_0=[""], _save=["1"]
    )

    response = client.post(change_url(project), data)

    assert response.status_code == 302, errors_of(response)
    project.refresh_from_db()
    assert project.title_es == "Borrador corregido"
    assert project.publication == DRAFT


def test_editor_cannot_unpublish_with_a_forged_form(client, editor):
    project = factories.ProjectFactory(publication=PUBLISHED)
    client.force_login(editor)
    data = load_form(client, project)
    data.update(publication=[DRAFT])
    assert client.post(change_url(project), data).status_code == 302
    project.refresh_from_db()
    assert project.publication == PUBLISHED


def test_what_an_editor_adds_is_a_draft(client, editor):
    program = factories.ProgramFactory()
    client.force_login(editor)
    data = form_data(client.get(add_url(models.Project)), models.Project)
    data.update(
        program=[str(program.pk)],
        title_es=["Nuevo"],
        slug_es=["nuevo"],
        status=["active"],
        publication=[PUBLISHED],
    )
    response = client.post(add_url(models.Project), data)
    assert response.status_code == 302, errors_of(response)
    assert models.Project.objects.get(slug_es="nuevo").publication == DRAFT


def test_editor_cannot_use_the_publish_action(client, editor):
    project = factories.ProjectFactory(publication=DRAFT)
    client.force_login(editor)
    response = client.get(changelist_url(models.Project))
    assert "publish_selected" not in response.content.decode()
    client.post(
        changelist_url(models.Project),
        {"action": "publish_selected", "_selected_action": [project.pk]},
    )
    project.refresh_from_db()
    assert project.publication == DRAFT


def test_editor_cannot_delete(client, editor):
    project = factories.ProjectFactory()
    client.force_login(editor)
    url = admin_url("cooperation_project_delete", project.pk)
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert models.Project.objects.filter(pk=project.pk).exists()


def test_publisher_can_publish_and_unpublish(client, publisher):
    project = factories.ProjectFactory(publication=DRAFT)
    client.force_login(publisher)
    data = load_form(client, project)
    assert data["publication"] == [DRAFT]
    data.update(publication=[PUBLISHED])
    assert client.post(change_url(project), data).status_code == 302
    project.refresh_from_db()
    assert project.publication == PUBLISHED

    client.post(
        changelist_url(models.Project),
        {"action": "unpublish_selected", "_selected_action": [project.pk]},
    )
    project.refresh_from_db()
    assert project.publication == DRAFT
    assert project.version == 3
    assert LogEntry.objects.filter(object_id=str(project.pk), user=publisher).count() == 2


# Public pages and the preview of drafts ------------------------------------------------


def test_list_shows_english_status_and_both_public_pages(client, superuser):
    client.force_login(superuser)
    project = factories.ProjectFactory(slug_es="huertas", slug_en="gardens")
    content = client.get(changelist_url(models.Project)).content.decode()
    assert 'href="/es/proyectos/huertas/"' in content
    assert 'href="/en/projects/gardens/"' in content
    assert "icon-yes.svg" in content
    content = client.get(change_url(project)).content.decode()
    assert 'href="/en/projects/gardens/"' in content


def test_draft_links_open_the_preview(client, superuser):
    client.force_login(superuser)
    project = factories.ProjectFactory(slug_es="borrador", publication=DRAFT)
    hidden = factories.ProjectFactory(slug_es="oculto", program__publication=DRAFT)
    content = client.get(change_url(project)).content.decode()
    assert 'href="/es/proyectos/borrador/?preview=1"' in content
    content = client.get(change_url(hidden)).content.decode()
    assert 'href="/es/proyectos/oculto/?preview=1"' in content
    assert client.get("/es/proyectos/oculto/?preview=1").status_code == 200


@pytest.mark.parametrize(
    "factory",
    [factories.ProgramFactory, factories.ProjectFactory, factories.PartnerFactory],
)
def test_view_on_site_opens_the_preview_of_a_draft_and_the_page_of_a_public_entry(
    client, editor, factory
):
    draft, public = factory(publication=DRAFT), factory(publication=PUBLISHED)
    client.force_login(editor)
    for obj, expected in ((draft, "?preview=1"), (public, "")):
        page = lxml.html.fromstring(client.get(change_url(obj)).content)
        link = page.xpath("//a[@class='viewsitelink']/@href")[0]
        assert link == public_url(obj) + expected
        response = client.get(link, follow=True)
        assert response.status_code == 200
        assert ("preview-notice" in response.content.decode()) == (obj is draft)


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (factories.ProgramFactory, "title_es"),
        (factories.ProjectFactory, "title_es"),
        (factories.PartnerFactory, "name_es"),
    ],
)
def test_staff_preview_a_draft_with_a_banner(client, editor, factory, field):
    draft = factory(publication=DRAFT)
    url = public_url(draft) + "?preview=1"
    assert client.get(url).status_code == 404  # anonymous
    client.force_login(editor)
    assert client.get(public_url(draft)).status_code == 404  # no preview asked for

    response = client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert getattr(draft, field) in content
    assert 'class="notice preview-notice"' in content
    assert '<meta name="robots" content="noindex">' in content
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_network_draft_preview(client, editor):
    network = factories.NetworkFactory(publication=DRAFT)
    client.force_login(editor)
    response = client.get(public_url(network, "en") + "?preview=1")
    assert response.status_code == 200
    assert "preview-notice" in response.content.decode()


def test_preview_needs_the_change_permission(client, make_staff):
    draft = factories.ProjectFactory(publication=DRAFT)
    client.force_login(make_staff("nadie"))
    assert client.get(public_url(draft) + "?preview=1").status_code == 404


def test_published_page_is_not_a_preview(client, editor):
    project = factories.ProjectFactory(publication=PUBLISHED)
    client.force_login(editor)
    response = client.get(public_url(project, "en") + "?preview=1")
    assert response.status_code == 200
    assert "preview-notice" not in response.content.decode()


def test_drafts_appear_nowhere_public(client):
    marker = "Zzdraftmarker"
    network = factories.NetworkFactory(
        publication=DRAFT,
        organization__publication=DRAFT,
        organization__name_es=f"{marker} red",
        organization__name_en=marker,
    )
    program = factories.ProgramFactory(
        publication=DRAFT, title_es=f"{marker} programa", network=network
    )
    project = factories.ProjectFactory(title_es=f"{marker} proyecto", program=program)
    factories.MilestoneFactory(project=project, title_es=f"{marker} hito")
    factories.PartnerFactory(publication=DRAFT, name_es=f"{marker} socio")
    names = ["home", "program_list", "project_list", "partner_list", "network_list", "timeline"]
    for language in ("es", "en"):
        pages = [url_name(language, f"cooperation:{name}") for name in names] + ["/sitemap.xml"]
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            assert marker.lower() not in response.content.decode().lower(), page
        search = client.get(url_name(language, "cooperation:search"), {"q": marker})
        assert search.context["results"] == []
        for draft in (network, program, project):
            assert client.get(public_url(draft, language)).status_code == 404


# History and recovery ------------------------------------------------------------------


def test_an_edit_is_kept_with_who_and_when(client, editor):
    project = factories.ProjectFactory(title_en="Heat islands")
    client.force_login(editor)
    data = load_form(client, project)
    data.update(title_en=["Urban heat islands"])
    assert client.post(change_url(project), data).status_code == 302

    versions = Version.objects.get_for_object(project)
    assert versions.count() == 2  # the state before the first change, and the change
    latest = versions.first()
    assert latest.revision.user == editor
    assert latest.revision.date_created is not None
    assert latest.field_dict["title_en"] == "Urban heat islands"
    assert versions.last().field_dict["title_en"] == "Heat islands"
    history = client.get(admin_url("cooperation_project_history", project.pk))
    assert "Edith Ramos" in history.content.decode() or "edith" in history.content.decode()


def test_reverting_restores_the_earlier_title_and_inlines(client, superuser):
    project = factories.ProjectFactory(title_es="Título original")
    factories.MilestoneFactory(project=project, title_es="Hito original")
    client.force_login(superuser)
    data = load_form(client, project)
    data.update({"title_es": ["Título cambiado"], "milestones-0-title_es": ["Hito cambiado"]})
    assert client.post(change_url(project), data).status_code == 302
    project.refresh_from_db()
    assert (project.title_es, project.version) == ("Título cambiado", 2)

    original = Version.objects.get_for_object(project).last()
    revert_url = admin_url("cooperation_project_revision", project.pk, original.pk)
    revert_form = client.get(revert_url)
    assert revert_form.status_code == 200
    data = form_data(revert_form, models.Project)
    assert data["title_es"] == ["Título original"]
    assert data["version"] == ["2"]  # the current version, not the restored one's

    warning = [str(m) for m in revert_form.context["messages"]]
    assert any("se reemplaza por la del" in m and "título [es]" in m for m in warning), warning

    assert client.post(revert_url, data).status_code == 302

    project.refresh_from_db()
    assert project.title_es == "Título original"
    assert project.milestones.get().title_es == "Hito original"
    assert project.version == 3


def test_editor_reverting_keeps_the_publication_state(client, editor, publisher):
    project = factories.ProjectFactory(publication=PUBLISHED)
    client.force_login(publisher)
    data = load_form(client, project)  # version 1 recorded as published
    data.update(publication=[DRAFT])
    client.post(change_url(project), data)

    client.force_login(editor)
    published_version = Version.objects.get_for_object(project).last()
    revert_url = admin_url("cooperation_project_revision", project.pk, published_version.pk)
    data = form_data(client.get(revert_url), models.Project)
    assert client.post(revert_url, data).status_code == 302
    project.refresh_from_db()
    assert project.publication == DRAFT


def test_a_deleted_project_can_be_recovered(client, superuser):
    project = factories.ProjectFactory(title_es="Borrado por error")
    factories.ParticipationFactory(project=project)
    factories.MilestoneFactory(project=project, title_es="Su hito")
    client.force_login(superuser)
    data = load_form(client, project)  # the history starts when the entry is first opened
    data.update(title_en=["Deleted by mistake"])
    assert client.post(change_url(project), data).status_code == 302
    pk = project.pk
    delete_url = admin_url("cooperation_project_delete", pk)
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not models.Project.objects.filter(pk=pk).exists()

    recover_list = client.get(admin_url("cooperation_project_recoverlist"))
    assert recover_list.status_code == 200
    assert "Borrado por error" in recover_list.content.decode()
    deleted = Version.objects.get_deleted(models.Project).get(object_id=str(pk))
    recover_url = admin_url("cooperation_project_recover", deleted.pk)
    data = form_data(client.get(recover_url), models.Project)
    response = client.post(recover_url, data)

    assert response.status_code == 302, errors_of(response)
    recovered = models.Project.objects.get(pk=pk)
    assert recovered.title_en == "Deleted by mistake"
    assert recovered.milestones.get().title_es == "Su hito"
    assert recovered.participations.count() == 1
    assert recovered.version > 2


def test_an_entry_deleted_without_ever_being_edited_can_be_recovered(client, superuser):
    project = factories.ProjectFactory(title_es="Nunca editado")
    factories.MilestoneFactory(project=project)
    client.force_login(superuser)
    client.post(
        changelist_url(models.Project),
        {"action": "delete_selected", "_selected_action": [project.pk], "post": "yes"},
    )
    assert not models.Project.objects.filter(pk=project.pk).exists()

    deleted = Version.objects.get_deleted(models.Project).get(object_id=str(project.pk))
    assert deleted.revision.user == superuser
    recover_url = admin_url("cooperation_project_recover", deleted.pk)
    response = client.post(recover_url, form_data(client.get(recover_url), models.Project))

    assert response.status_code == 302, errors_of(response)
    assert models.Project.objects.get(pk=project.pk).milestones.count() == 1


def test_recovering_a_deleted_milestone_leaves_its_project_alone(
    client, superuser, editor, publisher
):
    project = factories.ProjectFactory(end_year=2022, title_en="Old title")
    gone = factories.MilestoneFactory(project=project, title_es="Hito borrado")
    sibling = factories.MilestoneFactory(project=project, title_en="Sibling")
    client.force_login(superuser)
    data = load_form(client, project)
    row = next(k for k, v in data.items() if k.endswith("-id") and v == [str(gone.pk)])
    data[row.replace("-id", "-DELETE")] = ["on"]
    response = client.post(change_url(project), data)
    assert response.status_code == 302, errors_of(response)
    assert not models.Milestone.objects.filter(pk=gone.pk).exists()
    # Another editor then changes the project and the other milestone.
    client.force_login(publisher)
    data = load_form(client, project)
    sibling_row = next(k for k, v in data.items() if k.endswith("-id") and v == [str(sibling.pk)])
    data.update({"end_year": ["2024"], "title_en": ["New title"]})
    data[sibling_row.replace("-id", "-title_en")] = ["Sibling, edited"]
    assert client.post(change_url(project), data).status_code == 302

    client.force_login(editor)
    recover_list = client.get(admin_url("cooperation_milestone_recoverlist"))
    assert "Hito borrado" in recover_list.content.decode()
    deleted = Version.objects.get_deleted(models.Milestone).get(object_id=str(gone.pk))
    recover_url = admin_url("cooperation_milestone_recover", deleted.pk)
    response = client.post(recover_url, form_data(client.get(recover_url), models.Milestone))

    assert response.status_code == 302, errors_of(response)
    assert response.url == change_url(project)
    project.refresh_from_db()
    sibling.refresh_from_db()
    assert (project.end_year, project.title_en) == (2024, "New title")
    assert sibling.title_en == "Sibling, edited"
    assert models.Milestone.objects.get(pk=gone.pk).title_es == "Hito borrado"
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert "Hito borrado" in message and "recuperó" in message
    latest = Version.objects.get_for_object(project).first()
    assert "Hito borrado" in latest.revision.comment
    assert latest.field_dict["end_year"] == 2024
    assert Version.objects.get_for_object(project).filter(revision=latest.revision).exists()


def test_recovering_a_milestone_of_a_deleted_project_says_what_to_do(client, superuser):
    project = factories.ProjectFactory(title_es="Proyecto borrado")
    milestone = factories.MilestoneFactory(project=project)
    client.force_login(superuser)
    load_form(client, project)  # the history starts
    client.post(admin_url("cooperation_project_delete", project.pk), {"post": "yes"})
    deleted = Version.objects.get_deleted(models.Milestone).get(object_id=str(milestone.pk))

    response = client.get(admin_url("cooperation_milestone_recover", deleted.pk), follow=True)

    content = response.content.decode()
    assert "Proyecto borrado" in content and "Recuperá primero el proyecto" in content
    assert not models.Milestone.objects.filter(pk=milestone.pk).exists()


# No lost edits -------------------------------------------------------------------------


def test_a_save_that_loses_the_race_is_refused_not_written(client, editor, monkeypatch):
    project = factories.ProjectFactory(title_en="Before")
    client.force_login(editor)
    data = load_form(client, project)
    data.update(title_en=["Mine"])
    # Another editor's save lands in the instant between this form's check and its save:
    # the form is checked against the row as it was read just before.
    models.Project.objects.filter(pk=project.pk).update(title_en="Theirs", version=2)
    stale = {"read": True}
    get_object = entries.ProjectAdmin.get_object
    version_claim = services.version_claim

    def read_before_their_save(self, request, object_id, from_field=None):
        obj = get_object(self, request, object_id, from_field)
        if stale["read"] and obj is not None:
            obj.version, obj.title_en = 1, "Before"
        return obj

    def claim(*, obj, expected):
        stale["read"] = False
        return version_claim(obj=obj, expected=expected)

    monkeypatch.setattr(entries.ProjectAdmin, "get_object", read_before_their_save)
    monkeypatch.setattr(services, "version_claim", claim)
    response = client.post(change_url(project), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    project.refresh_from_db()
    assert (project.title_en, project.version) == ("Theirs", 2)


# Images --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("fake.png", b"this is text, not an image", "not a JPEG, PNG or WebP image"),
        ("big.png", png_bytes((1000, 1000), noise=True), "the largest allowed is 2"),
        ("picture.jpg", None, "but its name ends in"),
    ],
)
def test_bad_image_uploads_are_refused_with_a_clear_message(
    client, superuser, media, name, content, expected
):
    project = factories.ProjectFactory()
    client.force_login(superuser)
    data = load_form(client, project)
    data["image"] = SimpleUploadedFile(name, content or png_bytes())
    data["image_alt_es"] = ["Una foto"]
    response = client.post(change_url(project, "en"), data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("image", []))
    assert expected in errors


# Review --------------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "factory"), REVIEWABLE)
def test_editor_marks_entries_as_reviewed_today(client, editor, model, factory):
    entries = [factory(), factory(reviewed_at=datetime.date(2020, 1, 1))]
    client.force_login(editor)
    response = client.post(
        changelist_url(model),
        {"action": "mark_reviewed", "_selected_action": [entry.pk for entry in entries]},
    )
    assert response.status_code == 302
    for entry in entries:
        entry.refresh_from_db()
        assert entry.reviewed_at == timezone.localdate()
        assert entry.version == 2
    assert LogEntry.objects.filter(user=editor).count() == 2


# The publishing workflow ---------------------------------------------------------------


def test_publication_comes_right_after_the_main_fields(client, editor):
    client.force_login(editor)
    for obj in (factories.ProjectFactory(), factories.PartnerFactory()):
        names = [name for name, _options in admin.site._registry[type(obj)].get_fieldsets(None)]
        assert names[1] == PUBLICATION_FIELDSET[0], names
        content = client.get(change_url(obj)).content.decode()
        assert content.index("<h2") < content.index("Publicación") < content.index("Revisión")


def waiting_panel(client) -> str:
    """The text of the admin index's "Waiting for publication" panel."""
    page = lxml.html.fromstring(client.get(admin_url("index")).content.decode())
    return page.xpath("//div[@id='awaiting-publication-module']")[0].text_content()


def test_an_editor_says_a_draft_is_ready_and_publishers_find_it_waiting(client, editor, publisher):
    draft = factories.ProjectFactory(publication=DRAFT, title_es="Listo para revisar")
    factories.ProjectFactory(publication=DRAFT, title_es="Todavía no")
    client.force_login(editor)
    response = client.post(
        changelist_url(models.Project),
        {"action": "request_review", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "se marcó como lista para revisar" in response.content.decode()
    assert "awaiting-publication-module" not in client.get(admin_url("index")).content.decode()
    content = client.get(change_url(draft)).content.decode()
    assert "Edith Ramos" in content  # who said it is ready, in the Publication fieldset

    client.force_login(publisher)
    index = waiting_panel(client)
    assert "Esperando publicación" in index
    assert "Listo para revisar" in index and "Todavía no" not in index
    waiting = client.get(changelist_url(models.Project), {"workflow": "waiting"})
    assert list(waiting.context["cl"].result_list) == [draft]

    client.post(
        changelist_url(models.Project),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    index = waiting_panel(client)
    assert "Listo para revisar" not in index
    assert "No hay nada esperándote." in index


def test_an_editor_deletes_a_milestone_added_by_mistake(client, editor):
    project = factories.ProjectFactory()
    mistake = factories.MilestoneFactory(project=project, title_es="Por error")
    client.force_login(editor)
    data = load_form(client, project)
    row = next(k for k, v in data.items() if k.endswith("-id") and v == [str(mistake.pk)])
    data[row.replace("-id", "-DELETE")] = ["on"]
    assert client.post(change_url(project), data).status_code == 302
    assert not project.milestones.exists()
    assert Version.objects.get_deleted(models.Milestone).filter(object_id=str(mistake.pk))
