"""The admin's index, header and single entries (cooperation/admin/site.py, templates/admin)."""

import pytest

from cooperation import models
from tests import factories
from tests.admin.helpers import (
    add_url,
    admin_url,
    change_url,
    changelist_url,
    load_form,
)

pytestmark = pytest.mark.django_db


def test_admin_speaks_the_language_of_its_address(client, superuser):
    client.force_login(superuser)
    spanish = client.get(admin_url("index", language="es")).content.decode()
    english = client.get(admin_url("index", language="en")).content.decode()
    assert "Sitio administrativo" in spanish and "Acciones recientes" in spanish
    assert "Site administration" in english and "Recent actions" in english


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


def test_the_whatsapp_field_says_whose_line_the_default_is(client, superuser):
    client.force_login(superuser)
    models.ContactSettings.load()
    content = client.get(change_url(models.ContactSettings.load())).content.decode()
    assert "MuniBot" in content


def test_staff_fill_in_the_offices_details_in_both_languages(client, superuser):
    settings = models.ContactSettings.load()
    client.force_login(superuser)
    content = client.get(change_url(settings)).content.decode()
    for field in [
        "office_name_es",
        "office_name_en",
        "email",
        "phone",
        "postal_address_es",
        "postal_address_en",
        "opening_hours_es",
        "opening_hours_en",
    ]:
        assert f'name="{field}"' in content, field
    data = load_form(client, settings)
    data.update(
        phone=["+54 341 000-0000"],
        opening_hours_es=["Lunes a viernes"],
        opening_hours_en=["Monday to Friday"],
    )
    response = client.post(change_url(settings), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    settings.refresh_from_db()
    assert settings.phone == "+54 341 000-0000"
    assert (settings.opening_hours_es, settings.opening_hours_en) == (
        "Lunes a viernes",
        "Monday to Friday",
    )
