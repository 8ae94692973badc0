"""Two editors on one entry (cooperation/admin/conflicts.py): different fields are merged,
a same field is refused with both values shown."""

import pytest
from django.contrib.messages import get_messages
from django.forms import modelform_factory
from reversion import create_revision
from reversion.models import Version

from cooperation import models, services
from cooperation.admin.forms import ContentAdminForm
from tests import factories
from tests.admin.helpers import change_url, errors_of, form_data, load_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(client, editor, publisher):
    first, second = client, type(client)()
    first.force_login(editor)
    second.force_login(publisher)
    return first, second


def test_changes_to_different_fields_are_merged_and_said(two_editors):
    first, second = two_editors
    program = factories.ProgramFactory(
        title_en="Global Compact", summary_es="Resumen", end_year=2022
    )
    first_form, second_form = load_form(first, program), load_form(second, program)
    first_form.update(title_en=["UN Global Compact"], end_year=["2024"])
    assert first.post(change_url(program), first_form).status_code == 302

    second_form.update(summary_es=["Otro resumen"])
    response = second.post(change_url(program), second_form)

    assert response.status_code == 302, errors_of(response)
    program.refresh_from_db()
    assert (program.title_en, program.end_year) == ("UN Global Compact", 2024)
    assert program.summary_es == "Otro resumen"
    assert program.version == 3
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Se combinaron tus cambios con los de Edith Ramos" in said


def test_merged_rows_keep_both_changes(two_editors):
    first, second = two_editors
    project = factories.ProjectFactory()
    milestone = factories.MilestoneFactory(project=project, title_es="Hito", title_en="")
    first_form, second_form = load_form(first, project), load_form(second, project)
    first_form["milestones-0-title_es"] = ["Hito corregido"]
    assert first.post(change_url(project), first_form).status_code == 302

    second_form["milestones-0-title_en"] = ["Milestone"]
    response = second.post(change_url(project), second_form)

    assert response.status_code == 302, errors_of(response)
    milestone.refresh_from_db()
    assert (milestone.title_es, milestone.title_en) == ("Hito corregido", "Milestone")


def test_a_same_field_is_refused_with_both_values_and_what_was_typed_kept(two_editors):
    first, second = two_editors
    program = factories.ProgramFactory(title_en="Global Compact", summary_es="Resumen")
    first_form, second_form = load_form(first, program), load_form(second, program)
    first_form.update(title_en=["UN Global Compact"], summary_es=["Resumen nuevo"])
    assert first.post(change_url(program), first_form).status_code == 302

    second_form.update(title_en=["The Global Compact"])
    response = second.post(change_url(program, "en"), second_form)

    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Edith Ramos" in message
    assert "“UN Global Compact”" in message and "“The Global Compact”" in message
    assert "[en]" in message  # the field is named with its language
    program.refresh_from_db()
    assert (program.title_en, program.version) == ("UN Global Compact", 2)
    # The form shown again keeps what this editor typed, holds the other editor's other
    # change, and is at the stored version: saving it again keeps both.
    again = form_data(response, models.Program)
    assert again["title_en"] == ["The Global Compact"]
    assert again["summary_es"] == ["Resumen nuevo"]
    assert again["version"] == ["2"]
    assert second.post(change_url(program), again).status_code == 302
    program.refresh_from_db()
    assert (program.title_en, program.summary_es) == ("The Global Compact", "Resumen nuevo")


def test_a_stale_form_whose_version_is_not_in_the_history_is_refused(two_editors):
    _first, second = two_editors
    program = factories.ProgramFactory(title_en="Before")
    form = load_form(second, program)
    Version.objects.get_for_object(program).delete()
    models.Program.objects.filter(pk=program.pk).update(title_en="Elsewhere", version=5)
    form.update(summary_es=["Mío"])
    response = second.post(change_url(program), form)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()


def test_reconcile_merges_a_stale_form_into_the_stored_row():
    program = factories.ProgramFactory(title_en="Before", summary_es="Resumen")
    services.history_ensure_started(obj=program)
    form_class = modelform_factory(
        models.Program, form=ContentAdminForm, fields=["title_en", "summary_es"]
    )
    theirs = models.Program.objects.get(pk=program.pk)
    theirs.title_en = "Theirs"
    services.version_claim(obj=theirs, expected=1)
    with create_revision():
        theirs.save()

    form = form_class(
        data={"title_en": "Before", "summary_es": "Mío", "version": "1"},
        instance=models.Program.objects.get(pk=program.pk),
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["version"] == 2
    assert form.merge_note
    saved = form.save()
    assert (saved.title_en, saved.summary_es) == ("Theirs", "Mío")
