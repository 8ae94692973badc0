"""Link preview cards (og:image): one PNG per entry and per page, cached, 404 for drafts."""

import io
import re

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from cooperation import models, og_image, views
from tests import factories
from tests.helpers import url_in
from tests.test_views import DETAIL_PAGES, LIST_PAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]

OTHER_PAGES = [
    "cooperation:partner_map",
    "cooperation:coverage",
    "cooperation:open_data",
    "cooperation:timeline",
]


def image_size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


def og_meta(content: str) -> dict[str, str]:
    tags = re.findall(
        r'<meta (?:property|name)="((?:og:image|twitter:)[^"]*)" content="([^"]*)"', content
    )
    return dict(tags)


@pytest.fixture
def count_renders(monkeypatch):
    """How many cards were drawn (not read from the cache)."""
    drawn = []
    real = og_image.render

    def render(card):
        drawn.append(card)
        return real(card)

    monkeypatch.setattr(og_image, "render", render)
    return drawn


@pytest.mark.parametrize(("model", "name", "slug_es", "slug_en"), DETAIL_PAGES)
@pytest.mark.parametrize("language", ["es", "en"])
def test_each_entry_has_a_1200_by_630_png_card(
    client, seeded, model, name, slug_es, slug_en, language
):
    slug = {"es": slug_es, "en": slug_en}[language]
    page = client.get(url_in(language, name, slug=slug))
    meta = og_meta(page.content.decode())
    image_url = meta["og:image"]
    assert image_url.startswith("http://testserver/")
    response = client.get(image_url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert image_size(response.content) == (og_image.WIDTH, og_image.HEIGHT) == (1200, 630)


def test_card_urls_are_translated(seeded):
    assert url_in("es", "cooperation:project_image", slug="trama") == (
        "/es/proyectos/trama/vista-previa.png"
    )
    assert (
        url_in("en", "cooperation:project_image", slug="trama") == "/en/projects/trama/preview.png"
    )
    assert url_in("es", "cooperation:page_image", page="home") == "/es/vista-previa/home.png"


@pytest.mark.parametrize("name", [*LIST_PAGES, *OTHER_PAGES])
@pytest.mark.parametrize("language", ["es", "en"])
def test_every_page_type_names_its_card_in_the_meta_tags(client, seeded, name, language):
    content = client.get(url_in(language, name)).content.decode()
    meta = og_meta(content)
    assert meta["og:image:width"] == "1200"
    assert meta["og:image:height"] == "630"
    assert meta["og:image:type"] == "image/png"
    assert meta["twitter:card"] == "summary_large_image"
    section = {"es": "Municipalidad de Rosario · Cooperación internacional"}.get(
        language, "City of Rosario · International cooperation"
    )
    assert meta["og:image:alt"].endswith(section)
    response = client.get(meta["og:image"].removeprefix("http://testserver"))
    assert response.status_code == 200
    assert image_size(response.content) == (1200, 630)


@pytest.mark.parametrize(("model", "name", "slug_es", "slug_en"), DETAIL_PAGES)
def test_entry_meta_tags_name_the_kind_and_the_entry(client, seeded, model, name, slug_es, slug_en):
    response = client.get(url_in("es", name, slug=slug_es))
    meta = og_meta(response.content.decode())
    kind = {
        models.Program: "Programa",
        models.Project: "Proyecto",
        models.Partner: "Organización socia",
        models.Network: "Red",
    }[model]
    title = response.context["page_title"]
    assert (
        meta["og:image:alt"]
        == f"{title} · {kind} · Municipalidad de Rosario · Cooperación internacional"
    )
    assert meta["og:image"].endswith(f"/{slug_es}/vista-previa.png")


def test_editing_the_title_changes_the_card(client):
    project = factories.ProjectFactory(title_es="Gestión de residuos")
    url = url_in("es", "cooperation:project_image", slug=project.slug_es)
    before = client.get(url).content
    # Saved as a script would, without raising the version: what is drawn is in the key too.
    project.title_es = "Gestión metropolitana de residuos sólidos"
    project.save()
    after = client.get(url).content
    assert image_size(after) == (1200, 630)
    assert after != before


def test_a_cached_card_is_not_drawn_again(count_renders):
    project = factories.ProjectFactory()
    cache.clear()
    request = RequestFactory().get("/")
    view = views.EntryImageView.as_view(model=models.Project, kind=views.ProjectDetailView.kind)
    with translation.override("es"):
        first = view(request, slug=project.slug_es).content
        second = view(request, slug=project.slug_es).content
    assert first == second
    assert len(count_renders) == 1
    assert count_renders[0].kind == "Proyecto"
    assert count_renders[0].title == project.title_es
    # Another language is another card.
    with translation.override("en"):
        view(request, slug=project.slug_en)
    assert len(count_renders) == 2
    assert count_renders[1].section == "City of Rosario · International cooperation"


def test_only_an_edit_of_what_the_card_shows_draws_it_anew(client, count_renders):
    project = factories.ProjectFactory(title_es="Gestión de residuos")
    url = url_in("es", "cooperation:project_image", slug=project.slug_es)
    client.get(url)
    # An edit the card does not show (a new version of the entry): the same card, not drawn.
    project.summary_es = "Otro resumen"
    project.save()
    client.get(url)
    assert len(count_renders) == 1
    project.title_es = "Gestión metropolitana de residuos"
    project.save()
    client.get(url)
    assert len(count_renders) == 2
    assert count_renders[1].title == "Gestión metropolitana de residuos"


def test_the_code_that_draws_is_in_the_key(count_renders, monkeypatch):
    card = og_image.Card(title="Gestión de residuos", kind="Proyecto", section="Sección")
    og_image.card_png(card)
    og_image.card_png(card)
    monkeypatch.setattr(og_image, "_code", lambda: "another drawing")
    og_image.card_png(card)
    assert len(count_renders) == 2


@pytest.mark.parametrize("name", ["home", "program_list", "project_list", "partner_map"])
def test_cards_of_pages_without_an_entry_are_named_by_their_url_name(client, seeded, name):
    for language, prefix in (("es", "/es/vista-previa/"), ("en", "/en/preview/")):
        url = url_in(language, "cooperation:page_image", page=name)
        assert url == f"{prefix}{name}.png"
        response = client.get(url)
        assert response.status_code == 200
        assert image_size(response.content) == (1200, 630)


@pytest.mark.parametrize(
    "factory", [factories.ProgramFactory, factories.ProjectFactory, factories.PartnerFactory]
)
def test_a_draft_has_no_card(client, admin_client, factory):
    entry = factory(publication=models.PublicationStatus.DRAFT)
    name = f"cooperation:{entry._meta.model_name}_image"
    assert client.get(url_in("es", name, slug=entry.slug_es)).status_code == 404
    # Not even for staff, and its preview page names none.
    assert admin_client.get(url_in("es", name, slug=entry.slug_es)).status_code == 404
    with translation.override("es"):
        preview = admin_client.get(entry.get_absolute_url() + "?preview=1")
    assert preview.status_code == 200
    assert "og:image" not in preview.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/es/proyectos/no-existe/vista-previa.png",
        "/en/projects/no-such-project/preview.png",
        "/es/vista-previa/no-existe.png",
        # Pages that are not a page without an entry: no card of their own here.
        "/es/vista-previa/project_detail.png",
        "/es/vista-previa/feed.png",
        "/es/vista-previa/page_image.png",
        "/en/preview/dataset_csv.png",
    ],
)
def test_unknown_cards_are_404(client, seeded, path):
    assert client.get(path).status_code == 404


def test_a_long_title_still_fits(count_renders):
    card = og_image.Card(title="Cooperación descentralizada " * 12, kind="Programa", section="S")
    assert image_size(og_image.render(card)) == (1200, 630)


def test_without_dejavu_pillows_own_font_draws_the_text_without_accents(monkeypatch, tmp_path):
    monkeypatch.setattr(og_image, "FONT_DIR", tmp_path)
    og_image._font.cache_clear()
    try:
        assert og_image._drawable("Gestión de residuos · Año") == "Gestion de residuos - Ano"
        card = og_image.Card(title="Gestión de residuos", kind="Proyecto", section="Sección")
        assert image_size(og_image.render(card)) == (1200, 630)
    finally:
        og_image._font.cache_clear()


def test_the_home_page_is_titled_by_the_sections_own_title_and_so_is_its_card(client, db):
    section = models.SectionText.load()
    section.title_es = "Rosario en el mundo"
    section.save()
    content = client.get(url_in("es", "cooperation:home")).content.decode()
    assert "<title>Rosario en el mundo" in content
    assert og_meta(content)["og:image:alt"].startswith("Rosario en el mundo · ")
    drawn = []
    original = og_image.render
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(og_image, "render", lambda card: drawn.append(card) or original(card))
        client.get(og_meta(content)["og:image"])
    assert [card.title for card in drawn] == ["Rosario en el mundo"]
