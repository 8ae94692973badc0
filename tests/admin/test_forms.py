"""The admin's content form refuses a stale save (cooperation/admin/forms.py)."""

import pytest

from tests import factories
from tests.admin.helpers import (
    change_url,
    load_form,
)

pytestmark = pytest.mark.django_db


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
