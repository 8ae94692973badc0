"""The history in the reader's language, two versions compared, and a restore form that
does not look like the edit form (cooperation/admin/history.py and ContentAdmin)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import template_localtime
from reversion.models import Version

from cooperation import models
from tests import factories
from tests.admin.helpers import admin_url, change_url, errors_of, form_data, load_form

pytestmark = pytest.mark.django_db


def edited(client, project, **changes) -> None:
    """Save ``project``'s change form with ``changes``, as a browser would."""
    data = load_form(client, project)
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(change_url(project), data)
    assert response.status_code == 302, errors_of(response)


def history_of(client, project, language: str = "es") -> str:
    response = client.get(admin_url("cooperation_project_history", project.pk, language=language))
    assert response.status_code == 200
    return response.content.decode()


def test_the_history_names_the_fields_and_dates_in_spanish(client, editor):
    project = factories.ProjectFactory(title_en="Heat islands")
    client.force_login(editor)
    edited(client, project, title_en="Urban heat islands", summary_es="Otro resumen.")

    content = history_of(client, project)
    assert "Título [inglés]" in content and "Resumen [español]" in content
    assert "Title [en]" not in content and "[es]" not in content
    latest = Version.objects.get_for_object(project).first()
    with translation.override("es"):
        moment = date_format(template_localtime(latest.revision.date_created), "DATETIME_FORMAT")
    assert moment in content and " de " in moment  # "1 de diciembre de 2026 a las 10:30"
    assert "Edith Ramos" in content
    # The same line, read in the English admin: in English.
    assert "Title [English]" in history_of(client, project, "en")


def test_a_list_action_and_a_row_change_read_in_spanish(client, publisher):
    project = factories.ProjectFactory(publication=models.PublicationStatus.DRAFT)
    factories.ParticipationFactory(
        project=project, partner__name_es="Turín", role=models.ParticipationRole.LEAD
    )
    client.force_login(publisher)
    load_form(client, project)  # the history starts
    response = client.post(
        admin_url("cooperation_project_changelist"),
        {"action": "publish_selected", "_selected_action": [project.pk]},
    )
    assert response.status_code == 302
    data = load_form(client, project)
    data["participations-0-role"] = [models.ParticipationRole.FUNDER]
    assert client.post(change_url(project), data).status_code == 302

    content = history_of(client, project)
    assert "Modificado Publicación." in content
    # The row's role and field, in Spanish: not "Funder", not "Role".
    assert "Cambios en Rol para participación “Turín · Financiadora · " in content, content


def test_two_versions_are_compared_field_by_field_in_each_language(client, editor):
    project = factories.ProjectFactory(title_es="Islas de calor", title_en="Heat islands")
    client.force_login(editor)
    edited(client, project, title_en="Urban heat islands")
    history = history_of(client, project)
    assert "Comparar con la versión anterior" in history
    newer, older = Version.objects.get_for_object(project)[:2]
    compare_url = admin_url("cooperation_project_compare", project.pk, older.pk, newer.pk)
    assert compare_url in history

    response = client.get(compare_url)
    assert response.status_code == 200
    assert response.context["rows"] == [("Título [inglés]", "Heat islands", "Urban heat islands")]
    content = response.content.decode()
    assert "Qué cambió de la versión del" in content
    assert "<del>Heat islands</del>" in content and "<ins>Urban heat islands</ins>" in content
    # Asked the other way round, still from the older to the newer.
    reverse_url = admin_url("cooperation_project_compare", project.pk, newer.pk, older.pk)
    assert client.get(reverse_url).context["rows"] == response.context["rows"]


def test_comparing_versions_of_another_entry_is_not_found(client, editor):
    project, other = factories.ProjectFactory(), factories.ProjectFactory()
    client.force_login(editor)
    edited(client, other, title_en="Changed")
    newer, older = Version.objects.get_for_object(other)[:2]
    url = admin_url("cooperation_project_compare", project.pk, older.pk, newer.pk)
    assert client.get(url).status_code == 404


def test_comparing_needs_the_permission_to_see_the_entry(client, editor, make_staff):
    project = factories.ProjectFactory()
    client.force_login(editor)
    edited(client, project, title_en="Changed")
    newer, older = Version.objects.get_for_object(project)[:2]
    client.force_login(make_staff("nobody"))
    url = admin_url("cooperation_project_compare", project.pk, older.pk, newer.pk)
    assert client.get(url).status_code == 403


def test_the_restore_form_says_which_version_it_shows_and_what_saving_does(client, editor):
    project = factories.ProjectFactory(title_es="Título original")
    client.force_login(editor)
    edit_form = client.get(change_url(project)).content.decode()
    edited(client, project, title_es="Título cambiado")
    original = Version.objects.get_for_object(project).last()

    response = client.get(admin_url("cooperation_project_revision", project.pk, original.pk))
    content = response.content.decode()
    with translation.override("es"):
        moment = date_format(template_localtime(original.revision.date_created), "DATETIME_FORMAT")
    assert f"Estás viendo la versión del {moment} — guardá para restaurarla." in content
    assert 'value="Restaurar esta versión"' in content
    assert 'value="Guardar"' not in content
    # The edit form has neither.
    assert "Estás viendo la versión" not in edit_form
    assert 'value="Guardar"' in edit_form and "Restaurar esta versión" not in edit_form

    # Its button restores, as before.
    data = form_data(response, models.Project)
    assert client.post(admin_url("cooperation_project_revision", project.pk, original.pk), data)
    project.refresh_from_db()
    assert project.title_es == "Título original"


def test_the_recover_form_says_it_recovers_a_deleted_entry(client, superuser):
    project = factories.ProjectFactory(title_es="Borrado por error")
    client.force_login(superuser)
    load_form(client, project)  # the history starts
    client.post(admin_url("cooperation_project_delete", project.pk), {"post": "yes"})
    deleted = Version.objects.get_deleted(models.Project).get(object_id=str(project.pk))

    content = client.get(admin_url("cooperation_project_recover", deleted.pk)).content.decode()
    assert "de una entrada borrada — guardá para recuperarla." in content
    assert 'value="Recuperar esta versión"' in content


def test_the_history_reads_the_versions_once_however_many_there_are(client, editor):
    project = factories.ProjectFactory()
    client.force_login(editor)
    for summary in ("Uno.", "Dos.", "Tres."):
        edited(client, project, summary_es=summary)
    with CaptureQueriesContext(connection) as queries:
        history_of(client, project)
    version_reads = [q for q in queries if 'FROM "reversion_version"' in q["sql"]]
    assert len(version_reads) == 1, [q["sql"] for q in version_reads]
