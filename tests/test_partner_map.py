import gzip
import itertools
import math
import re
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from cooperation import map_projection, models, partner_map

PATH = re.compile(r"M(-?[\d.]+) (-?[\d.]+)l([-\d. ]*)z")
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The absolute points of a path written as the build script writes them."""
    found = []
    for x, y, relative in PATH.findall(d):
        x, y = float(x), float(y)
        ring = [(x, y)]
        deltas = [float(n) for n in NUMBER.findall(relative)]
        for dx, dy in zip(deltas[::2], deltas[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        found.append(ring)
    return found


def inside(point, d: str) -> bool:
    """Even-odd rule over every ring of a country."""
    px, py = point
    crossings = 0
    for ring in rings(d):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def country(iso: str) -> dict:
    return next(c for c in partner_map.world()["countries"] if c["iso"] == iso)


# The projection -------------------------------------------------------------------------


def test_projection_puts_the_crop_and_greenwich_where_the_view_box_says():
    x, _y = map_projection.project(0, 0)
    assert x == pytest.approx(map_projection.WIDTH / 2)
    assert map_projection.project(0, -180)[0] == pytest.approx(0)
    assert map_projection.project(0, 180)[0] == pytest.approx(map_projection.WIDTH)
    assert map_projection.project(map_projection.NORTH, 0)[1] == pytest.approx(0)
    assert map_projection.project(map_projection.SOUTH, 0)[1] == pytest.approx(
        map_projection.HEIGHT, abs=0.5
    )
    # Equal Earth's published proportions: the whole world is 2.05 times as wide as high.
    full_height = map_projection.project(-90, 0)[1] - map_projection.project(90, 0)[1]
    assert map_projection.WIDTH / full_height == pytest.approx(2.0546, abs=1e-3)


def test_projection_keeps_areas_true():
    def cell_area(south: float) -> float:
        corners = [
            map_projection.project(lat, lon)
            for lat, lon in ((south, 0), (south, 10), (south + 10, 10), (south + 10, 0))
        ]
        return abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in itertools.pairwise(corners + corners[:1])
            )
            / 2
        )

    def sphere_area(south: float) -> float:
        return math.sin(math.radians(south + 10)) - math.sin(math.radians(south))

    ratio = cell_area(0) / cell_area(60)
    assert ratio == pytest.approx(sphere_area(0) / sphere_area(60), rel=0.01)


@pytest.mark.parametrize(
    ("place", "latitude", "longitude", "iso"),
    [
        ("Rosario", "-32.9468", "-60.6393", "AR"),
        ("Turin", "45.0703", "7.6869", "IT"),
        ("Rio de Janeiro", "-22.9068", "-43.1729", "BR"),
        ("Tokyo", "35.6762", "139.6503", "JP"),
        ("Berlin", "52.5200", "13.4050", "DE"),
    ],
)
def test_a_city_falls_inside_its_country_as_the_committed_geometry_draws_it(
    place, latitude, longitude, iso
):
    point = map_projection.project(Decimal(latitude), Decimal(longitude))
    assert inside(point, country(iso)["d"]), place


def test_svg_coordinates_are_strings_with_one_decimal_in_any_language():
    with translation.override("es"):
        assert partner_map.project(Decimal("45.0703"), Decimal("7.6869")) == ("518.3", "82.3")


# The geometry file ------------------------------------------------------------------------


def test_geometry_file_is_what_the_projection_and_the_page_expect():
    data = partner_map.world()
    assert (data["width"], data["height"]) == (map_projection.WIDTH, map_projection.HEIGHT)
    assert "Natural Earth" in data["source"] and "public domain" in data["source"]
    assert "world-atlas 2.0.2" in data["source"]
    assert re.fullmatch(r"[0-9a-f]{64}", data["source_sha256"])
    assert "Equal Earth" in data["projection"]
    countries = data["countries"]
    assert 170 <= len(countries) <= 177
    codes = [c["iso"] for c in countries if c["iso"]]
    assert len(codes) == len(set(codes)) >= 170
    assert "AQ" not in codes  # Antarctica is left out
    for c in countries:
        assert c["name_es"] and c["name_en"], c
        assert PATH.sub("", c["d"]) == "", c["iso"]
        for ring in rings(c["d"]):
            assert len(ring) >= 3
            for x, y in ring:
                # Drawn within the map, give or take the crop's edge and the curved sides.
                assert -1 <= x <= data["width"] + 1 and -60 <= y <= data["height"] + 60
        cx, cy = c["centroid"]
        assert 0 <= cx <= data["width"] and 0 <= cy <= data["height"]
    assert (country("JP")["name_es"], country("DE")["name_es"]) == ("Japón", "Alemania")
    # Compact enough to go inline on every visit.
    assert len(partner_map.DATA.read_bytes()) < 80_000


def test_geometry_file_is_in_whole_units():
    # About a pixel on a wide screen and on a phone; the path data is most of what the browser
    # parses and styles on the map page, and tenths made it twice as long.
    for c in partner_map.world()["countries"]:
        assert "." not in c["d"], c["iso"]


def test_country_centroid_lies_inside_the_country():
    for iso in ("AR", "BR", "DE", "IT", "JP", "FR", "US"):
        assert inside(country(iso)["centroid"], country(iso)["d"]), iso


# Places and countries --------------------------------------------------------------------


def test_a_partner_country_is_matched_in_either_language_whatever_the_accents():
    def partner(es, en=""):
        return models.Partner(country_es=es, country_en=en)

    assert partner_map.country_of(partner("Japón"))["iso"] == "JP"
    assert partner_map.country_of(partner("", "Germany"))["iso"] == "DE"
    assert partner_map.country_of(partner("japon"))["iso"] == "JP"
    assert partner_map.country_of(partner("Estados Unidos"))["iso"] == "US"
    assert partner_map.country_of(partner("Atlántida", "Atlantis")) is None


def build(**fields) -> models.Partner:
    defaults = {"name": "Org", "slug": "org", "country_es": "", "country_en": ""}
    return models.Partner(**(defaults | fields))


def test_world_map_places_cities_exactly_and_countries_at_their_centre_and_lists_the_rest():
    turin = build(
        name="Turín", country_es="Italia", latitude=Decimal("45.07"), longitude=Decimal("7.69")
    )
    jica = build(name="JICA", country_es="Japón", country_en="Japan")
    network = build(name="Metropolis")
    nowhere = build(name="Org", country_es="Atlántida")
    with translation.override("es"):
        drawn = partner_map.world_map([turin, jica, network, nowhere])
    assert drawn["placed"] == [turin, jica]
    assert drawn["approximate"] == [jica]
    assert drawn["unplaced"] == [network, nowhere]
    assert drawn["shaded"] == ["Italia", "Japón"]
    wide = {d.place.partners[0].name: d for d in drawn["views"][0]["places"] if d.place.partners}
    assert (float(wide["Turín"].x), float(wide["Turín"].y)) == pytest.approx(
        map_projection.project(45.07, 7.69), abs=0.05
    )
    assert [float(wide["JICA"].x), float(wide["JICA"].y)] == country("JP")["centroid"]
    assert wide["JICA"].place.approximate and not wide["Turín"].place.approximate


def test_partners_at_one_place_share_its_point_and_rosario_leads_its_own():
    unr = build(name="UNR", latitude=Decimal("-32.9468"), longitude=Decimal("-60.6393"))
    bmu = build(name="BMU", country_es="Alemania")
    iki = build(name="IKI", country_es="Alemania")
    drawn = partner_map.world_map([unr, bmu, iki])
    places = drawn["views"][0]["places"]
    assert len(places) == 2
    rosario, germany = places
    assert [row.text for row in rosario.rows] == [["Rosario"], ["UNR"]]
    assert rosario.rows[0].partner is None
    assert [row.partner for row in germany.rows] == [bmu, iki]


def test_a_long_name_shows_its_acronym_and_the_link_names_both():
    bmu = build(
        name="Ministerio Federal de Medio Ambiente de Alemania",
        acronym="BMU",
        country_es="Alemania",
    )
    with translation.override("es"):
        row = partner_map.world_map([bmu])["views"][0]["places"][1].rows[0]
    assert row.text == ["BMU"]
    assert row.accessible_name.startswith("BMU: Ministerio Federal")
    assert row.accessible_name.endswith("ubicación aproximada: centro del país")


@pytest.mark.parametrize("view", partner_map.VIEWS, ids=lambda view: view.name)
def test_every_label_is_a_tap_target_of_24_px_where_its_layout_is_shown(view):
    # The wide layout from 60em (a map at least 928 px wide), the narrow one on phones
    # of 375 px (343 px wide) and up.
    shown_width = 928 if view is partner_map.WIDE else 343
    scale = shown_width / view.box[2]
    assert view.row * scale >= 24


@pytest.mark.django_db
@pytest.mark.parametrize("view", range(len(partner_map.VIEWS)))
def test_labels_do_not_cover_one_another_or_leave_the_map(seeded, view):
    with translation.override("en"):
        drawn = partner_map.world_map(list(models.Partner.objects.published()))
    layout = drawn["views"][view]
    x0, y0, width, height = layout["view"].box
    boxes = [item.box for item in layout["places"]]
    for bx, by, bw, bh in boxes:
        assert x0 <= bx and bx + bw <= x0 + width and y0 <= by and by + bh <= y0 + height
    for a, b in itertools.combinations(boxes, 2):
        assert not partner_map._overlaps(a, b), (a, b)


# The page ---------------------------------------------------------------------------------


def map_page(client, language: str) -> str:
    with translation.override(language):
        return client.get(reverse("cooperation:partner_map")).content.decode()


def svgs(content: str) -> dict[str, str]:
    return dict(
        re.findall(r'<svg class="world-map world-map--(\w+)".*?>(.*?)</svg>', content, re.S)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "en"])
def test_every_public_partner_with_a_place_is_a_labelled_link_in_both_layouts(
    client, seeded, language
):
    content = map_page(client, language)
    with translation.override(language):
        public = list(models.Partner.objects.published())
        placed = [p for p in public if p.has_location or partner_map.country_of(p)]
        expected = sorted(p.get_absolute_url() for p in placed)
    assert len(placed) == 10  # 5 cities and 5 organizations known by their country only
    layouts = svgs(content)
    assert set(layouts) == {"wide", "narrow"}
    for svg in layouts.values():
        links = re.findall(
            r'<a class="map-label" href="([^"]+)" aria-label="([^"]+)" lang="\w+">'
            r"<rect [^>]+/><text>(?: ?<tspan [^>]+>[^<]+</tspan>)+</text></a>",
            svg,
        )
        assert sorted(href for href, _name in links) == expected
        assert all(name for _href, name in links)
        assert "Rosario</tspan>" in svg


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "en"])
def test_each_labels_accessible_name_contains_its_visible_text(client, seeded, language):
    # WCAG 2.5.3 (label in name): someone who says "Fundación Sol Naciente" to a voice
    # control must reach the link; a label on two lines must not read "FundaciónSol".
    page = lxml.html.fromstring(map_page(client, language))
    labels = page.xpath('//a[@class="map-label"]')
    assert labels
    for label in labels:
        visible = " ".join(label.xpath("string(.//*[local-name()='text'])").split())
        assert visible.lower() in label.get("aria-label").lower(), visible


@pytest.mark.django_db
def test_shaded_countries_are_exactly_those_with_partners(client, seeded):
    content = map_page(client, "es")
    with_partners = {
        partner_map.country_of(p)["iso"]
        for p in models.Partner.objects.published()
        if partner_map.country_of(p)
    }
    assert with_partners == {"AR", "BR", "DE", "IT", "JP"}
    for drawn in svgs(content).values():
        shaded = set(re.findall(r'<path class="map-shaded" d="([^"]+)"/>', drawn))
        assert shaded == {country(iso)["d"] for iso in with_partners}
    # Said in words too: the legend names them.
    assert "Países con socios: Alemania, Argentina, Brasil, Italia, Japón" in content


@pytest.mark.django_db
def test_countries_without_partners_are_one_path_in_each_layout(client, seeded):
    # Each path is styled and laid out: 170 of them made the style recalculation the map
    # page's one long task on a phone (Lighthouse's total blocking time). The countries
    # without partners are subpaths of one path; each layout draws them itself, with no
    # <use> of a shared sprite (whose copy the browser builds and styles in a second pass).
    content = map_page(client, "es")
    assert "<use" not in content
    shaded = {"AR", "BR", "DE", "IT", "JP"}
    drawn = svgs(content)
    assert set(drawn) == {"wide", "narrow"}
    for layout in drawn.values():
        # The sphere, the land, the shaded countries; the marks and arrows are in their group.
        world = re.search(r'<g class="map-world" aria-hidden="true">(.*?)</g>', layout).group(1)
        assert world.count("<path") == 1 + 1 + 5
        land = re.search(r'<path class="map-land" d="([^"]+)"/>', world).group(1)
        for c in partner_map.world()["countries"]:
            assert (c["d"] in land) == (c["iso"] not in shaded), c["name_en"]


@pytest.mark.django_db
def test_organizations_without_a_place_are_listed_not_drawn(client, seeded):
    content = map_page(client, "en")
    drawn = "".join(svgs(content).values())
    listed = content[content.index('id="unlocated-title"') : content.index("</section>")]
    nowhere = [p for p in models.Partner.objects.published() if not p.country and not p.latitude]
    assert len(nowhere) == 7
    for partner in nowhere:
        with translation.override("en"):
            url = partner.get_absolute_url()
        assert url not in drawn
        assert url in listed
    assert "ubicación aproximada" not in content
    assert content.count("(approximate location: the centre of the country)") == 5


@pytest.mark.django_db
def test_map_page_weighs_under_its_budget(client, seeded):
    html = map_page(client, "es").encode()
    css = Path(finders.find("css/site.css")).read_bytes()
    transferred = len(gzip.compress(html)) + len(gzip.compress(css))
    assert transferred <= 120_000
    # Both layouts draw the countries; gzip sends the second copy of the path data for
    # almost nothing (the budget above is of the compressed page).
    assert html.count(b'class="map-shaded"') == 10
    assert len(gzip.compress(html)) < 16_000
