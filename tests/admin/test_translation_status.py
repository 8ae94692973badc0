"""Which texts lack English, the entry's rows included (cooperation/admin/translation_status.py)."""

import pytest
from django.utils import translation

from cooperation import models
from cooperation.admin.translation_status import (
    english_missing,
    english_missing_q,
    english_missing_summary,
    rows_missing_english,
)
from tests import factories

from .helpers import change_url

pytestmark = pytest.mark.django_db


def test_english_missing_in_memory_and_in_the_database_agree():
    complete = factories.ProjectFactory()
    blank_body = factories.ProjectFactory(body_es="Texto", body_en="")
    no_spanish_either = factories.ProjectFactory(body_es="", body_en="")

    assert english_missing(complete) == []
    assert english_missing(blank_body) == ["body"]
    assert "body" not in english_missing(no_spanish_either)
    lacking = models.Project.objects.filter(english_missing_q(models.Project))
    assert set(lacking) == {
        p for p in (complete, blank_body, no_spanish_either) if english_missing(p)
    }


def test_the_summary_counts_the_entrys_rows_that_lack_english():
    project = factories.ProjectFactory(body_es="Texto", body_en="")
    other = factories.ProjectFactory()
    factories.MilestoneFactory.create_batch(2, project=project, title_en="")
    factories.MilestoneFactory(project=project)  # complete
    factories.MilestoneFactory(project=other, title_en="")  # another entry's
    factories.DocumentFactory(project=project, title_en="")
    factories.ParticipationFactory(project=project, note_es="Nota", note_en="")
    factories.ParticipationFactory(project=project, note_es="", note_en="")  # nothing to translate

    counts = dict(rows_missing_english(project))
    assert counts == {models.Milestone: 2, models.Document: 1, models.Participation: 1}
    with translation.override("en"):
        assert english_missing_summary(project) == (
            "description, 1 participant note, 2 milestones, 1 document"
        )
    with translation.override("es"):
        assert english_missing_summary(other) == "1 hito"
    assert english_missing_summary(factories.ProjectFactory()) == ""


def test_the_change_form_banner_counts_rows_too(client, editor):
    project = factories.ProjectFactory(body_es="Texto", body_en="")
    factories.MilestoneFactory.create_batch(2, project=project, title_en="")
    factories.DocumentFactory(project=project, title_en="")
    factories.ParticipationFactory(project=project, note_es="Nota", note_en="")
    client.force_login(editor)

    content = client.get(change_url(project)).content.decode()

    assert "Faltan en inglés: descripción, 1 nota de participante, 2 hitos, 1 documento." in content


def test_no_banner_when_the_entry_and_its_rows_are_complete(client, editor):
    project = factories.ProjectFactory()
    factories.MilestoneFactory(project=project)
    client.force_login(editor)

    assert "Faltan en inglés" not in client.get(change_url(project)).content.decode()
