"""The staff guide inside the admin (cooperation/admin/guide.py, docs/guia-del-personal.md)."""

from pathlib import Path

import lxml.html
import pytest
from django.conf import settings

from .helpers import admin_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["editor", "publisher", "superuser"])
def test_the_admin_index_links_the_guide_and_the_link_answers(request, client, role):
    client.force_login(request.getfixturevalue(role))
    index = lxml.html.fromstring(client.get(admin_url("index")).content.decode())
    links = index.xpath("//div[@id='staff-guide-module']//a/@href")
    assert len(links) == 1

    response = client.get(links[0])

    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    assert page.xpath("//h1/text()") == ["Guía del personal"]
    headings = page.xpath("//div[@id='content-main']//h2/text()")
    assert {"Agregar un programa", "Traducir al inglés", "Publicar"} <= set(headings)
    assert "Historial y cómo volver atrás" in headings


def test_the_guide_is_for_staff_only(client):
    response = client.get(admin_url("index").rstrip("/") + "/guia/")
    assert response.status_code == 302
    assert response["Location"].startswith(admin_url("login"))


def test_the_guide_ships_with_the_code():
    """The Docker image copies the whole checkout but what .dockerignore leaves out."""
    ignored = (Path(settings.BASE_DIR) / ".dockerignore").read_text().split()
    assert "docs" not in ignored
    assert (Path(settings.BASE_DIR) / "docs" / "guia-del-personal.md").is_file()
