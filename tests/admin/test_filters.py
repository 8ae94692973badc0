"""The list pages' filters (cooperation/admin/filters.py)."""

import datetime

import pytest
from django.utils import timezone

from cooperation import models
from tests import factories
from tests.admin.helpers import (
    REVIEWABLE,
    changelist_url,
)

pytestmark = pytest.mark.django_db


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
    assert response.content.decode().count('<td class="field-review_state">Pendiente</td>') == 2
    response = client.get(changelist_url(model), {"review": "done"})
    assert set(response.context["cl"].result_list) == {fresh}
    content = response.content.decode()
    assert '<td class="field-review_state">Al día</td>' in content
    assert "Pendiente" not in content
