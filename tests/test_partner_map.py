import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation import models, partner_map
from tests import factories


def map_url(language: str) -> str:
    with translation.override(language):
        return reverse("cooperation:partner_map")


def test_equirectangular_projection_of_the_corners_and_the_centre():
    assert partner_map.project(90, -180) == ("0.0", "0.0")
    assert partner_map.project(-90, 180) == ("1000.0", "500.0")
    assert partner_map.project(0, 0) == ("500.0", "250.0")
    # Turin: north-east of the centre.
    x, y = partner_map.project(Decimal("45.0703"), Decimal("7.6869"))
    assert (float(x), float(y)) == pytest.approx((521.4, 124.8), abs=0.1)


def test_world_map_draws_a_graticule_and_one_point_per_partner():
    partners = [models.Partner(latitude=Decimal("-22.9068"), longitude=Decimal("-43.1729"))]
    drawn = partner_map.world_map(partners)
    assert len(drawn["meridians"]) == 13
    assert len(drawn["parallels"]) == 6  # every 30 degrees but the equator, drawn apart
    assert drawn["equator"] == "250.0"
    assert [(p.x, p.y) for p in drawn["points"]] == [partner_map.project(-22.9068, -43.1729)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "en"])
def test_map_page_links_located_partners_and_lists_the_others(client, seeded, language):
    response = client.get(map_url(language))
    assert response.status_code == 200
    content = response.content.decode()
    svg = re.search(r"<svg class=\"world-map\".*?</svg>", content, re.S).group(0)
    assert 'role="group"' in svg and 'aria-labelledby="map-title map-desc"' in svg
    assert "style=" not in content
    with translation.override(language):
        located = models.Partner.objects.exclude(latitude=None)
        turin = models.Partner.objects.get(slug_es="turin").get_absolute_url()
        jica = models.Partner.objects.get(slug_es="jica").get_absolute_url()
    assert located.count() == 5
    assert svg.count('class="map-point"') == 5
    assert f'<a class="map-point" href="{turin}"><title>' in svg
    assert "Rosario</text>" in svg
    # JICA's seat is not given by the seed page: listed, not drawn.
    assert jica not in svg
    places = content[content.index('id="places-title"') : content.index("</section>")]
    assert jica in places and turin in places
    assert 'id="unlocated-title"' in places
    assert places.count("<li><a href=") == models.Partner.objects.filter(latitude=None).count()


@pytest.mark.django_db
def test_numbers_in_the_svg_are_never_localized(client, db):
    factories.PartnerFactory(latitude=Decimal("-22.9068"), longitude=Decimal("-43.1729"))
    content = client.get(map_url("es")).content.decode()
    assert re.search(r'<circle cx="\d+\.\d" cy="\d+\.\d" r="6"/>', content)


@pytest.mark.django_db
def test_drafts_never_appear_on_the_map(client, db):
    draft = factories.PartnerFactory(
        publication=models.PublicationStatus.DRAFT,
        latitude=Decimal("10"),
        longitude=Decimal("10"),
        name_es="Socio en borrador",
        name_en="Draft partner",
    )
    unlocated_draft = factories.PartnerFactory(
        publication=models.PublicationStatus.DRAFT, name_en="Unlocated draft"
    )
    shown = factories.PartnerFactory(latitude=Decimal("10"), longitude=Decimal("20"))
    content = client.get(map_url("en")).content.decode()
    assert shown.name_en in content
    for partner in (draft, unlocated_draft):
        assert partner.name_en not in content
        assert partner.slug_en not in content
    assert content.count('class="map-point"') == 1


@pytest.mark.django_db
def test_map_is_in_the_sitemap_and_linked_from_the_partner_list(client, db):
    assert map_url("en") in client.get("/sitemap.xml").content.decode()
    with translation.override("en"):
        partner_list = reverse("cooperation:partner_list")
    assert f'href="{map_url("en")}"' in client.get(partner_list).content.decode()
