"""The staff's admin (cooperation/admin.py): both languages, roles, drafts, history, no lost edits.

Forms are submitted the way a browser would: the change page is fetched, every field of its
form is read back from the HTML (``form_data``) and posted with the changes a test makes.
"""

import datetime
import importlib
import io
import os
import zipfile
from html.parser import HTMLParser

import pytest
from django.apps import apps as django_apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image
from reversion.models import Version

from cooperation import admin as cooperation_admin
from cooperation import models
from cooperation.services import version_claim
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-password"
DRAFT, PUBLISHED = models.PublicationStatus.DRAFT, models.PublicationStatus.PUBLISHED
ROLE_MIGRATION = importlib.import_module("cooperation.migrations.0004_editor_and_publisher_groups")
ADMIN_MODELS = [model for model in admin.site._registry if model._meta.app_label == "cooperation"]


# Helpers --------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """The name/value pairs a browser would submit from the form with the given id."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, False
        self.pairs: list[tuple[str, str]] = []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif not self.inside:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.pairs.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "first": None}
            self.select["chosen"] = False
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if "selected" in attrs:
                self.pairs.append((self.select["name"], value))
                self.select["chosen"] = True
            elif self.select["first"] is None:
                self.select["first"] = value
        elif tag == "textarea" and attrs.get("name"):
            self.textarea, self.text = attrs["name"], []

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.pairs.append((self.textarea, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            select = self.select
            if not select["multiple"] and not select["chosen"] and select["first"] is not None:
                self.pairs.append((select["name"], select["first"]))
            self.select = None


def form_data(response, model) -> dict[str, list[str]]:
    reader = _FormReader(f"{model._meta.model_name}_form")
    reader.feed(response.content.decode())
    assert reader.pairs, "no form on the page"
    data: dict[str, list[str]] = {}
    for name, value in reader.pairs:
        data.setdefault(name, []).append(value)
    return data


def admin_url(name: str, *args, language: str = "es") -> str:
    with translation.override(language):
        return reverse(f"admin:{name}", args=args)


def url_name(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def change_url(obj, language: str = "es") -> str:
    return admin_url(f"cooperation_{obj._meta.model_name}_change", obj.pk, language=language)


def add_url(model, language: str = "es") -> str:
    return admin_url(f"cooperation_{model._meta.model_name}_add", language=language)


def changelist_url(model, language: str = "es") -> str:
    return admin_url(f"cooperation_{model._meta.model_name}_changelist", language=language)


def public_url(obj, language: str = "es") -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def load_form(client, obj) -> dict[str, list[str]]:
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response, type(obj))


def png_bytes(size=(4, 4), *, noise: bool = False) -> bytes:
    if noise:  # Random pixels do not compress: a large file from a modest image.
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, "steelblue")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def office_package(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<document/>")
    return buffer.getvalue()


def errors_of(response) -> str:
    adminform = response.context["adminform"]
    return str(adminform.form.errors) + str(response.context.get("inline_admin_formsets", ""))


@pytest.fixture(autouse=True)
def roles(db):
    """The groups made by migration 0004 (a flush, as after the browser tests, empties them)."""
    if Group.objects.filter(name__in=ROLE_MIGRATION.GROUPS).count() < len(ROLE_MIGRATION.GROUPS):
        ROLE_MIGRATION.create_groups(django_apps, schema_editor=None)


@pytest.fixture
def make_staff(django_user_model):
    def make(username: str, *groups: str, **extra):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, is_staff=True, **extra
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def editor(make_staff):
    return make_staff("edith", "editors", first_name="Edith", last_name="Ramos")


@pytest.fixture
def publisher(make_staff):
    return make_staff("pablo", "publishers", first_name="Pablo", last_name="Sosa")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# Every model, both languages -------------------------------------------------------------


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.model_name)
def test_every_change_form_shows_both_languages(client, seeded, superuser, model):
    client.force_login(superuser)
    obj = model.objects.first()
    response = client.get(change_url(obj))
    assert response.status_code == 200
    content = response.content.decode()
    for name in cooperation_admin.translated_fields(model):
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
    if cooperation_admin.EnglishTranslationFilter in model_admin.list_filter:
        assert client.get(changelist_url(model), {"english": "missing"}).status_code == 200


@pytest.mark.parametrize("model", [models.Program, models.Project])
def test_entry_filters_by_year_and_kind_of_partner(client, superuser, model):
    client.force_login(superuser)
    factory = factories.ProgramFactory if model is models.Program else factories.ProjectFactory
    old = factory(title_es="Antiguo", start_year=2010, end_year=2012)
    current = factory(title_es="Vigente", start_year=2020, end_year=None)
    attached = {"program": current, "project": None} if model is models.Program else {}
    factories.ParticipationFactory(
        partner__kind=models.PartnerKind.UNIVERSITY, **({"project": current} | attached)
    )

    listed = client.get(changelist_url(model), {"year": "2011"}).context["cl"].result_list
    assert list(listed) == [old]
    listed = client.get(changelist_url(model), {"partner_kind": "university"}).context["cl"]
    assert list(listed.result_list) == [current]


def test_search_finds_entries_by_either_language(client, superuser):
    client.force_login(superuser)
    project = factories.ProjectFactory(title_es="Huertas urbanas", title_en="Urban gardens")
    for query in ("huertas", "gardens"):
        response = client.get(changelist_url(models.Project), {"q": query})
        assert list(response.context["cl"].result_list) == [project]


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


def test_admin_speaks_the_language_of_its_address(client, superuser):
    client.force_login(superuser)
    spanish = client.get(admin_url("index", language="es")).content.decode()
    english = client.get(admin_url("index", language="en")).content.decode()
    assert "Sitio administrativo" in spanish and "Acciones recientes" in spanish
    assert "Site administration" in english and "Recent actions" in english


# Roles -----------------------------------------------------------------------------------


def test_migration_creates_the_two_roles():
    editors = set(Group.objects.get(name="editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="publishers").permissions.values_list("codename", flat=True)
    )
    assert {"add_project", "change_project", "view_project", "change_contactsettings"} <= editors
    assert not {code for code in editors if code.startswith(("publish_", "delete_"))}
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


def test_staff_without_a_group_sees_nothing_to_edit(client, make_staff):
    project = factories.ProjectFactory()
    client.force_login(make_staff("nadie"))
    index = client.get(admin_url("index"))
    assert index.status_code == 200
    assert index.context["app_list"] == []
    assert "No cuenta con permiso para ver ni editar nada" in index.content.decode()
    assert client.get(change_url(project)).status_code == 403
    assert client.get(changelist_url(models.Project)).status_code == 403
    assert client.get(admin_url("auth_user_changelist")).status_code == 403


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


# Preview of drafts -----------------------------------------------------------------------


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


# History and recovery --------------------------------------------------------------------


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


# No lost edits ---------------------------------------------------------------------------


def test_second_editor_is_refused_and_told_what_changed(client, editor, publisher):
    program = factories.ProgramFactory(title_en="Global Compact", summary_es="Resumen")
    first, second = client, type(client)()
    first.force_login(editor)
    second.force_login(publisher)
    first_form = load_form(first, program)
    second_form = load_form(second, program)

    first_form.update(title_en=["UN Global Compact"])
    assert first.post(change_url(program), first_form).status_code == 302
    second_form.update(summary_es=["Otro resumen"])
    response = second.post(change_url(program, "en"), second_form)

    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Edith Ramos" in message
    assert "“Global Compact” → “UN Global Compact”" in message
    assert "[en]" in message  # the changed field is named with its language
    program.refresh_from_db()
    assert program.title_en == "UN Global Compact"
    assert program.summary_es == "Resumen"
    assert program.version == 2


def test_a_save_that_loses_the_race_is_refused_not_written(client, editor, monkeypatch):
    project = factories.ProjectFactory(title_en="Before")
    client.force_login(editor)
    data = load_form(client, project)
    data.update(title_en=["Mine"])
    # Another editor's save lands in the instant between this form's check and its save:
    # the form is checked against the row as it was read just before.
    models.Project.objects.filter(pk=project.pk).update(title_en="Theirs", version=2)
    stale = {"read": True}
    get_object = cooperation_admin.ProjectAdmin.get_object

    def read_before_their_save(self, request, object_id, from_field=None):
        obj = get_object(self, request, object_id, from_field)
        if stale["read"] and obj is not None:
            obj.version, obj.title_en = 1, "Before"
        return obj

    def claim(obj, *, expected):
        stale["read"] = False
        return version_claim(obj, expected=expected)

    monkeypatch.setattr(cooperation_admin.ProjectAdmin, "get_object", read_before_their_save)
    monkeypatch.setattr(cooperation_admin, "version_claim", claim)
    response = client.post(change_url(project), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    project.refresh_from_db()
    assert (project.title_en, project.version) == ("Theirs", 2)


def test_inline_rows_are_guarded_too(client, editor, publisher):
    milestone = factories.MilestoneFactory(title_es="Hito")
    project = milestone.project
    client.force_login(editor)
    standalone = load_form(client, milestone)
    other = type(client)()
    other.force_login(publisher)
    page = load_form(other, project)
    page.update({"milestones-0-title_es": ["Hito desde el proyecto"]})
    assert other.post(change_url(project), page).status_code == 302

    standalone.update(title_es=["Hito suelto"])
    response = client.post(change_url(milestone), standalone)
    assert response.status_code == 200
    milestone.refresh_from_db()
    assert milestone.title_es == "Hito desde el proyecto"


# Translation status ----------------------------------------------------------------------


def test_missing_english_filter(client, editor):
    complete = factories.ProjectFactory()
    untitled = factories.ProjectFactory(title_en=None, slug_en=None)
    blank_body = factories.ProjectFactory(body_es="Texto", body_en="")
    client.force_login(editor)

    missing = client.get(changelist_url(models.Project), {"english": "missing"})
    done = client.get(changelist_url(models.Project), {"english": "complete"})

    assert set(missing.context["cl"].result_list) == {untitled, blank_body}
    assert set(done.context["cl"].result_list) == {complete}
    assert "Missing English" in client.get(changelist_url(models.Project, "en")).content.decode()


def test_change_form_marks_missing_english(client, editor):
    project = factories.ProjectFactory(body_es="Texto", body_en="")
    client.force_login(editor)
    response = client.get(change_url(project, "en"))
    content = response.content.decode()
    assert "English is missing for: description." in content
    assert "Missing: this text has no English translation yet." in content


# Images and files ------------------------------------------------------------------------


def test_image_without_description_is_refused(client, superuser, media):
    partner = factories.PartnerFactory()
    client.force_login(superuser)
    data = load_form(client, partner)
    data["logo"] = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post(change_url(partner), data)
    assert response.status_code == 200
    assert "logo_alt_es" in response.context["adminform"].form.errors

    data["logo"] = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    data["logo_alt_es"] = ["Escudo de la ciudad"]
    assert client.post(change_url(partner), data).status_code == 302
    partner.refresh_from_db()
    assert partner.logo.name.startswith("partners/logo")


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


# Singletons, audit -----------------------------------------------------------------------


@pytest.mark.parametrize("model", [models.SectionText, models.ContactSettings])
def test_single_entries_open_directly_and_cannot_be_added_twice(client, editor, model):
    obj = model.load()
    client.force_login(editor)
    response = client.get(changelist_url(model))
    assert response.status_code == 302
    assert response["Location"] == change_url(obj)
    assert client.get(add_url(model)).status_code == 403
    assert client.post(add_url(model), {}).status_code == 403
    assert model.objects.count() == 1


def test_index_shows_recent_changes_by_everyone(client, editor, publisher):
    project = factories.ProjectFactory(title_es="Proyecto editado")
    client.force_login(publisher)
    data = load_form(client, project)
    data.update(title_en=["Edited"])
    client.post(change_url(project), data)

    client.force_login(editor)
    content = client.get(admin_url("index", language="en")).content.decode()
    assert "Recent changes by everyone" in content
    assert "Pablo Sosa" in content


def test_recent_changes_hidden_from_staff_without_content_permissions(
    client, make_staff, superuser
):
    project = factories.ProjectFactory()
    client.force_login(superuser)
    client.post(change_url(project), load_form(client, project))
    client.force_login(make_staff("nadie"))
    content = client.get(admin_url("index", language="en")).content.decode()
    assert "Recent changes by everyone" not in content


# Rich text -------------------------------------------------------------------------------


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


# Freshness -------------------------------------------------------------------------------

REVIEWABLE = [
    (models.Program, factories.ProgramFactory),
    (models.Project, factories.ProjectFactory),
    (models.Partner, factories.PartnerFactory),
    (models.Network, factories.NetworkFactory),
]


@pytest.mark.parametrize(("model", "factory"), REVIEWABLE)
def test_needs_review_filter_and_column(client, editor, settings, model, factory):
    settings.REVIEW_INTERVAL_DAYS = 30
    today = timezone.localdate()
    never = factory()
    stale = factory(reviewed_at=today - datetime.timedelta(days=31))
    fresh = factory(reviewed_at=today - datetime.timedelta(days=30))
    client.force_login(editor)
    response = client.get(changelist_url(model), {"review": "needed"})
    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {never, stale}
    response = client.get(changelist_url(model), {"review": "done"})
    assert set(response.context["cl"].result_list) == {fresh}
    assert "column-needs_review" in response.content.decode()


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


def test_reviewed_at_keep_status_and_place_are_on_the_change_forms(client, superuser):
    client.force_login(superuser)
    project = factories.ProjectFactory()
    partner = factories.PartnerFactory()
    assert "reviewed_at" in load_form(client, project)
    # An unticked checkbox sends nothing: look for the field itself.
    assert 'name="keep_status"' in client.get(change_url(project)).content.decode()
    partner_form = load_form(client, partner)
    assert {"reviewed_at", "city_es", "city_en", "latitude", "longitude"} <= set(partner_form)
    partner_form.update(latitude=["45.0703"], longitude=[""])
    response = client.post(change_url(partner), partner_form)
    assert response.status_code == 200
    assert "Indicá la latitud y la longitud, o ninguna de las dos." in errors_of(response)
