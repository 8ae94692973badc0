"""The admin's content form refuses a stale save (cooperation/admin/forms.py)."""

import lxml.html
import pytest
from django.contrib.admin.models import LogEntry

from cooperation import models
from tests import factories
from tests.admin.helpers import change_url, form_data, load_form

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


def test_a_text_over_its_limit_is_refused_with_the_limit_said_rightly(client, editor):
    project = factories.ProjectFactory()
    client.force_login(editor)
    response = client.get(change_url(project))
    page = lxml.html.fromstring(response.content)
    title = page.xpath("//input[@name='title_es']")[0]
    assert "maxlength" not in title.attrib  # the browser would cut a pasted text silently
    assert "Hasta 250 caracteres." in response.content.decode()

    data = form_data(response, models.Project)
    data["title_es"] = ["a" * 251]
    response = client.post(change_url(project), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["title_es"]
    assert errors == ["Como máximo 250 caracteres, por favor (este tiene 251)."]
    data["title_es"] = ["a" * 250]
    assert client.post(change_url(project), data).status_code == 302


def test_line_endings_sent_by_a_browser_are_no_change(client, editor):
    project = factories.ProjectFactory(body_es="Primer párrafo.\n\nSegundo párrafo.")
    client.force_login(editor)
    data = load_form(client, project)
    data["body_es"] = ["Primer párrafo.\r\n\r\nSegundo párrafo."]
    data["title_en"] = ["A new title"]
    assert client.post(change_url(project), data).status_code == 302

    project.refresh_from_db()
    assert project.body_es == "Primer párrafo.\n\nSegundo párrafo."
    logged = LogEntry.objects.filter(object_id=str(project.pk)).latest("action_time")
    assert logged.change_message == '[{"changed": {"fields": ["Title [en]"]}}]'  # no description

    data = load_form(client, project)
    data["body_es"] = ["Primer párrafo.\r\nCambiado."]
    assert client.post(change_url(project), data).status_code == 302
    project.refresh_from_db()
    assert project.body_es == "Primer párrafo.\nCambiado."
