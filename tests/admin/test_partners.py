"""Partners and networks in the admin (cooperation/admin/partners.py)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories
from tests.admin.helpers import (
    change_url,
    errors_of,
    load_form,
    png_bytes,
)

pytestmark = pytest.mark.django_db


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
    # partners/<random part>/logo.png (cooperation/models/uploads.py)
    assert re.fullmatch(r"partners/[A-Za-z0-9_-]{22}/logo\.png", partner.logo.name)


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
