import datetime
import html
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cooperation import models, selectors, views
from tests import factories
from tests.helpers import url_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]

OTHER = {"es": "en", "en": "es"}
LIST_PAGES = [
    "cooperation:home",
    "cooperation:program_list",
    "cooperation:project_list",
    "cooperation:partner_list",
    "cooperation:network_list",
    "cooperation:timeline",
    "cooperation:search",
]
# (model, url name, Spanish slug, English slug) of seed entries.
DETAIL_PAGES = [
    (models.Program, "cooperation:program_detail", "pacto-global", "global-compact"),
    (
        models.Project,
        "cooperation:project_detail",
        "gestion-metropolitana-de-residuos-solidos",
        "metropolitan-solid-waste-management",
    ),
    (models.Partner, "cooperation:partner_detail", "turin", "turin"),
    # An organization that is a network: its one page shows the membership too.
    (models.Partner, "cooperation:partner_detail", "mercociudades", "mercocities"),
]


def language_switch(content: str) -> tuple[str, str]:
    match = re.search(r'class="language-switch" href="([^"]+)" hreflang="(\w+)"', content)
    assert match, "no language switch on the page"
    return match.group(1), match.group(2)


def whatsapp_link(content: str) -> tuple[str, str]:
    match = re.search(r'href="(https://wa\.me/[^"]+)"', content)
    assert match, "no WhatsApp link on the page"
    parts = urlsplit(html.unescape(match.group(1)))
    return parts.path.strip("/"), parse_qs(parts.query)["text"][0]


def assert_common(response, language: str, title: str) -> None:
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in content
    number, message = whatsapp_link(content)
    assert number == "5493415440147"
    assert title in message
    assert ("les escribo" in message) == (language == "es")


@pytest.mark.parametrize("name", LIST_PAGES)
@pytest.mark.parametrize("language", ["es", "en"])
def test_list_pages_in_both_languages(client, seeded, name, language):
    response = client.get(url_in(language, name))
    title = response.context["page_title"]
    assert_common(response, language, title)
    href, hreflang = language_switch(response.content.decode())
    assert (href, hreflang) == (url_in(OTHER[language], name), OTHER[language])


@pytest.mark.parametrize(("model", "name", "slug_es", "slug_en"), DETAIL_PAGES)
@pytest.mark.parametrize("language", ["es", "en"])
def test_detail_pages_in_both_languages(client, seeded, model, name, slug_es, slug_en, language):
    slugs = {"es": slug_es, "en": slug_en}
    response = client.get(url_in(language, name, slug=slugs[language]))
    assert_common(response, language, response.context["page_title"])
    href, hreflang = language_switch(response.content.decode())
    assert (href, hreflang) == (
        url_in(OTHER[language], name, slug=slugs[OTHER[language]]),
        OTHER[language],
    )
    assert client.get(href).status_code == 200


def test_translated_urls():
    assert url_in("es", "cooperation:project_list") == "/es/proyectos/"
    assert url_in("en", "cooperation:project_list") == "/en/projects/"
    assert url_in("es", "cooperation:partner_list") == "/es/socios/"
    assert url_in("es", "cooperation:network_list") == "/es/redes/"


def test_root_leads_to_spanish_home(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.parametrize(
    "path",
    [
        "/es/proyectos/no-existe/",
        "/en/projects/no-such-project/",
        "/es/projects/metropolitan-solid-waste-management/",
        "/fr/",
        "/es/programas/pacto-global/extra/",
    ],
)
def test_unknown_addresses_are_404_in_the_visitors_language(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    assert "wa.me/5493415440147" in content


def test_english_slug_in_spanish_url_is_404(client, seeded):
    assert client.get("/es/proyectos/metropolitan-solid-waste-management/").status_code == 404


# Contact up front and sharing ----------------------------------------------------------

TEXTS = {
    "es": ("Escribinos por WhatsApp", "Compartir por WhatsApp", "Copiar enlace"),
    "en": ("Write to us on WhatsApp", "Share on WhatsApp", "Copy link"),
}


def cls(name: str) -> str:
    """An XPath test for an element with the class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def wa_text(href: str) -> str:
    return parse_qs(urlsplit(href).query)["text"][0]


def canonical(tree) -> str:
    return tree.xpath('//link[@rel="canonical"]/@href')[0]


@pytest.mark.parametrize(("model", "name", "slug_es", "slug_en"), DETAIL_PAGES)
@pytest.mark.parametrize("language", ["es", "en"])
def test_entry_pages_offer_contact_and_sharing_under_the_title(
    client, seeded, model, name, slug_es, slug_en, language
):
    slug = {"es": slug_es, "en": slug_en}[language]
    response = client.get(url_in(language, name, slug=slug))
    tree = lxml.html.fromstring(response.content)
    title, address = response.context["page_title"], canonical(tree)
    assert address == f"http://testserver{url_in(language, name, slug=slug)}"
    write, share, copy = TEXTS[language]
    # In the entry's header, right under its title: not only in the footer.
    header = tree.xpath(f"//article//header[{cls('entry-header')}]")[0]
    contact = header.xpath(f".//*[{cls('contact-block')}]//a[{cls('whatsapp-button')}]")[0]
    assert contact.text_content().strip() == write
    assert contact.get("href").startswith("https://wa.me/5493415440147?text=")
    message = wa_text(contact.get("href"))
    assert title in message and message.endswith(address)
    share_link, copy_link = header.xpath(f".//*[{cls('share-block')}]//a")
    assert share_link.text_content().strip() == share
    assert share_link.get("href").startswith("https://wa.me/?text=")
    assert wa_text(share_link.get("href")) == f"{title} {address}"
    # Without JavaScript, "copy link" is a plain link to the page's own address.
    assert copy_link.text_content().strip() == copy
    assert copy_link.get("href") == address
    assert tree.xpath('//script[@src="/static/js/share.js"]')
    assert not tree.xpath("//script[not(@src) and not(@type='application/ld+json')]")
    # The footer stays, with the same message.
    footer_link = tree.xpath(f"//footer//a[{cls('whatsapp-link')}]")[0]
    assert footer_link.get("href") == contact.get("href")


@pytest.mark.parametrize("language", ["es", "en"])
def test_home_page_has_the_contact_block_near_the_top(client, seeded, language):
    response = client.get(url_in(language, "cooperation:home"))
    tree = lxml.html.fromstring(response.content)
    link = tree.xpath(
        f"//*[{cls('intro')}]//*[{cls('contact-block')}]//a[{cls('whatsapp-button')}]"
    )[0]
    assert link.text_content().strip() == TEXTS[language][0]
    assert wa_text(link.get("href")).endswith(canonical(tree))


def test_the_offices_details_are_shown_only_once_staff_fill_them_in(client, seeded):
    path = url_in("es", "cooperation:project_detail", slug="trama")
    content = client.get(path).content.decode()
    # The seed gives none: no empty phone, e-mail, address or hours.
    for absent in ["tel:", "mailto:", "postal-address", "Horario de atención", "Teléfono"]:
        assert absent not in content, absent
    settings = models.ContactSettings.load()
    settings.office_name_es = "Dirección de Relaciones Internacionales"
    settings.email = "oficina@example.org"
    settings.phone = "+54 341 000-0000"
    settings.postal_address_es = "Calle 123\nRosario"
    settings.postal_address_en = "123 Street\nRosario"
    settings.opening_hours_es = "Lunes a viernes"
    settings.opening_hours_en = "Monday to Friday"
    settings.save()
    tree = lxml.html.fromstring(client.get(path).content)
    block = tree.xpath(f"//header[{cls('entry-header')}]//*[{cls('contact-block')}]")[0]
    assert block.xpath('.//a[@href="tel:+543410000000"]')[0].text_content() == (
        "Teléfono: +54 341 000-0000"
    )
    assert block.xpath('.//a[@href="mailto:oficina@example.org"]')
    footer = tree.xpath("//footer//address")[0]
    assert "Dirección de Relaciones Internacionales" in footer.text_content()
    assert footer.xpath(f".//*[{cls('postal-address')}]")[0].text_content() == "Calle 123Rosario"
    assert footer.xpath(f".//*[{cls('postal-address')}]/br")
    assert "Horario de atención: Lunes a viernes" in " ".join(footer.text_content().split())
    assert footer.xpath('.//a[@href="tel:+543410000000"]')
    english = lxml.html.fromstring(
        client.get(url_in("en", "cooperation:project_detail", slug="trama")).content
    )
    footer = english.xpath("//footer//address")[0]
    assert "Opening hours: Monday to Friday" in " ".join(footer.text_content().split())
    assert footer.xpath(f".//*[{cls('postal-address')}]")[0].text_content() == "123 StreetRosario"
    # The office's name has no English yet: shown in Spanish, and marked so.
    assert footer.xpath('.//p[@lang="es"]')[0].text == "Dirección de Relaciones Internacionales"


@pytest.mark.parametrize("name", [*LIST_PAGES, "cooperation:partner_map", "cooperation:coverage"])
def test_every_page_holds_its_address_for_print(client, seeded, name):
    tree = lxml.html.fromstring(client.get(url_in("es", name)).content)
    printed = tree.xpath(f"//main//p[{cls('print-address')}]")[0]
    assert printed.get("hidden") is not None  # shown by print.css only
    assert printed.text_content().endswith(canonical(tree).split("?")[0])


@pytest.mark.parametrize(("model", "name", "slug_es", "slug_en"), DETAIL_PAGES)
def test_entry_pages_hold_their_address_for_print(client, seeded, model, name, slug_es, slug_en):
    tree = lxml.html.fromstring(client.get(url_in("en", name, slug=slug_en)).content)
    printed = tree.xpath(f"//main//p[{cls('print-address')}]")[0]
    assert printed.text_content() == f"Address of this page: {canonical(tree)}"


def test_every_page_links_the_print_stylesheet(client, seeded):
    tree = lxml.html.fromstring(client.get(url_in("es", "cooperation:home")).content)
    assert tree.xpath('//link[@rel="stylesheet"][@media="print"]/@href') == [
        "/static/css/print.css"
    ]


def test_drafts_are_not_shown(client, db):
    draft = factories.ProjectFactory(publication=models.PublicationStatus.DRAFT)
    response = client.get(url_in("es", "cooperation:project_list"))
    assert draft.title_es not in response.content.decode()
    assert (
        client.get(url_in("es", "cooperation:project_detail", slug=draft.slug_es)).status_code
        == 404
    )


def test_project_of_a_draft_program_is_not_shown(client, db):
    project = factories.ProjectFactory(program__publication=models.PublicationStatus.DRAFT)
    assert (
        client.get(url_in("es", "cooperation:project_detail", slug=project.slug_es)).status_code
        == 404
    )


def test_program_page_lists_its_published_subprograms_only(client, db):
    parent = factories.ProgramFactory()
    published = factories.ProgramFactory(parent=parent)
    draft = factories.ProgramFactory(parent=parent, publication=models.PublicationStatus.DRAFT)
    other = factories.ProgramFactory()
    # Only English slugs, so that the Spanish fallback of the lookup is exercised as well.
    no_english = factories.ProgramFactory(parent=parent, slug_en=None)
    for language in ("es", "en"):
        slug = getattr(parent, f"slug_{language}")
        content = client.get(url_in(language, "cooperation:program_detail", slug=slug))
        content = content.content.decode()
        assert getattr(published, f"title_{language}") in content
        assert getattr(no_english, f"title_{language}") in content
        assert getattr(draft, f"title_{language}") not in content
        assert getattr(other, f"title_{language}") not in content
    # A subprogram's page is its own, without its parent's other subprograms.
    content = client.get(url_in("es", "cooperation:program_detail", slug=published.slug_es))
    assert published.title_es in content.content.decode()
    assert no_english.title_es not in content.content.decode()
    # The page of a draft program is a 404 even though it has a published subprogram.
    parent.publication = models.PublicationStatus.DRAFT
    parent.save()
    assert (
        client.get(url_in("es", "cooperation:program_detail", slug=parent.slug_es)).status_code
        == 404
    )


def test_english_page_without_english_text_says_so(client, db):
    project = factories.ProjectFactory(title_en="", slug_en=None, summary_en="", body_es="Texto")
    response = client.get(url_in("en", "cooperation:project_detail", slug=project.slug_es))
    content = response.content.decode()
    assert response.status_code == 200
    assert "not been translated into English" in content
    assert f'lang="es">{project.title_es}' in content.replace("\n", "")


def test_seed_facts_on_pages(client, seeded):
    content = client.get("/es/programas/pacto-global/").content.decode()
    for fragment in ["800 participantes", "20 provincias", "47 empresas", "Pablo Javkin"]:
        assert fragment in content
    content = client.get("/en/programs/global-compact/").content.decode()
    for fragment in ["800 participants", "20 provinces", "47 companies", "Pablo Javkin"]:
        assert fragment in content


def test_metropolis_project_lists_its_partners_with_roles(client, seeded):
    content = client.get("/en/projects/metropolitan-solid-waste-management/").content.decode()
    for name in ["Turin", "Rio de Janeiro", "Belo Horizonte", "Santa Fe"]:
        assert name in content
    assert "Collaborating non-member" in content
    assert "/en/partners/national-university-of-rosario/" in content


def test_timeline_is_in_date_order(client, seeded):
    response = client.get(url_in("en", "cooperation:timeline"))
    dates = [m.date for m in response.context["milestones"]]
    assert dates == sorted(dates)
    assert dates[0].year == 2014


WAYS_AND_ARGENTINE = {
    "es": (
        ["Gobiernos locales y regionales de otros países", "Organismos internacionales",
         "Gobiernos nacionales"],
        "Y con organizaciones de la Argentina",
        "Red Argentina del Pacto Global (Red de empresas y organizaciones)",
    ),
    "en": (
        ["Local and regional governments from foreign countries", "International organizations",
         "National governments"],
        "And with organizations in Argentina",
        "Argentine Network for the Global Compact (Network of companies and organizations)",
    ),
}  # fmt: skip
ARGENTINE = {"Santa Fe", "Universidad Nacional de Rosario", "Fundación Sol Naciente",
             "Red Argentina del Pacto Global"}  # fmt: skip


@pytest.mark.parametrize("language", ["es", "en"])
def test_home_groups_partners_by_what_they_are_and_where(client, seeded, language):
    response = client.get(f"/{language}/")
    ways = {str(row.way.key): {p.name_es for p in row.partners} for row in response.context["ways"]}
    assert not ways["decentralized"] & ARGENTINE
    assert ways["decentralized"] >= {"Turín", "Río de Janeiro", "Belo Horizonte", "Metropolis"}
    assert "Iniciativa Internacional de Protección del Clima" in ways["national"]
    assert "Agencia de Cooperación Internacional del Japón" in ways["national"]
    assert {p.name_es for p in response.context["argentine_partners"]} == ARGENTINE
    titles, argentine_heading, business_network = WAYS_AND_ARGENTINE[language]
    page = lxml.html.fromstring(response.content.decode())
    assert [h.text_content() for h in page.xpath("//article[@class='way']/h3")] == titles
    (heading,) = page.xpath("//h3[@id='argentine-partners-title']")
    assert heading.text_content() == argentine_heading
    argentine = heading.getnext().text_content()
    with translation.override(language):
        for name in ARGENTINE:
            shown = models.Partner.objects.get(name_es=name).name
            assert shown in argentine
            for way in page.xpath("//article[@class='way']"):
                assert shown not in way.text_content()
    assert business_network in " ".join(argentine.split())


@pytest.mark.parametrize(
    ("language", "argentine", "foreign", "kind"),
    [
        ("es", "Organizaciones de la Argentina",
         "Organizaciones de otros países y organismos internacionales",
         "Red de empresas y organizaciones"),
        ("en", "Organizations in Argentina",
         "Organizations of other countries and international organizations",
         "Network of companies and organizations"),
    ],
)  # fmt: skip
def test_partner_list_puts_argentine_organizations_apart(
    client, seeded, language, argentine, foreign, kind
):
    content = client.get(url_in(language, "cooperation:partner_list")).content.decode()
    page = lxml.html.fromstring(content)
    headings = page.xpath("//h2")
    assert [h.text_content() for h in headings[:2]] == [argentine, foreign]
    in_argentina = headings[0].getnext().text_content()
    abroad = headings[1].getnext().text_content()
    for slug in ["santa-fe", "universidad-nacional-de-rosario", "fundacion-sol-naciente",
                 "red-argentina-del-pacto-global"]:  # fmt: skip
        partner = models.Partner.objects.get(slug_es=slug)
        with translation.override(language):
            assert partner.name in in_argentina and partner.name not in abroad
    assert kind in in_argentina
    assert "Red de ciudades" not in in_argentina and "Network of cities" not in in_argentina
    with translation.override(language):
        iki = models.Partner.objects.get(acronym_es="IKI")
    assert iki.name in abroad
    assert ("Programa de financiamiento" if language == "es" else "Funding program") in abroad


def test_project_list_does_not_say_all_partners_are_foreign(client, seeded):
    assert "socios de otros países" not in client.get("/es/proyectos/").content.decode()
    assert "other countries" not in client.get("/en/projects/").content.decode()


def test_home_figures_are_computed_from_the_data(client, seeded):
    figures = client.get("/es/").context["figures"]
    assert figures == {
        "programs": models.Program.objects.count(),
        "projects": models.Project.objects.count(),
        "partners": models.Partner.objects.count(),
        "countries": 5,  # Argentina, Germany, Japan, Italy, Brazil
    }


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_both_languages_with_alternates(client, seeded):
    content = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/es/proyectos/trama/</loc>" in content
    assert "<loc>http://testserver/en/projects/trama/</loc>" in content
    assert 'hreflang="x-default" href="http://testserver/es/proyectos/trama/"' in content
    factories.ProjectFactory(slug_es="borrador", publication=models.PublicationStatus.DRAFT)
    assert "borrador" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?status=active&network=iclei",
        "?status=unknown&network=iclei",
        "?theme=gestion-de-residuos&partner=turin&year=2022&sdg=11&kind=city",
        "?status=completed&status=active",
    ],
)
def test_directory_filters_by_get_parameters(client, seeded, query):
    response = client.get("/es/proyectos/" + query)
    assert response.status_code == 200
    assert response.context["paginator"].count >= 1
    assert "resultado" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?status=nope",
        "?sdg=99",
        "?year=abc",
        "?partner=%00",
        "?theme=" + "x" * 5000,
        "?kind=<script>",
    ],
)
def test_unknown_filter_values_give_an_empty_result_not_an_error(client, seeded, query):
    response = client.get("/es/programas/" + query)
    assert response.status_code == 200
    assert response.context["paginator"].count == 0
    content = response.content.decode()
    assert "valores que no reconocemos" in content
    assert "<script>" not in content
    # The control whose value was not taken points to the message, which is on the page.
    tree = lxml.html.fromstring(content)
    (invalid,) = tree.xpath('//*[@aria-invalid="true"]')
    assert invalid.get("name") == query[1:].partition("=")[0]
    (message,) = tree.xpath(f'//*[@id="{invalid.get("aria-describedby")}"]')
    assert "valores que no reconocemos" in message.text_content()


def test_result_count_is_shown(client, seeded):
    content = client.get("/en/projects/?network=iclei").content.decode()
    assert "2 results" in content


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "99999999999999999999"])
def test_bad_page_numbers_are_404(client, seeded, page):
    assert client.get(f"/es/proyectos/?page={page}").status_code == 404


def test_the_last_page_is_the_last_numbered_page(client, seeded, make_data_tenfold):
    make_data_tenfold()
    last = -(-models.Project.objects.published().count() // views.PAGE_SIZE)
    assert last > 1

    def cards(query):
        response = client.get(f"/es/proyectos/?{query}")
        assert response.status_code == 200, query
        return re.findall(r'class="card-title"><a href="([^"]+)"', response.content.decode())

    assert cards("page=last") == cards(f"page={last}") != []
    assert cards("page=last&network=iclei") == cards("network=iclei")


@pytest.mark.parametrize(
    ("path", "spanish", "english"),
    [
        ("/es/proyectos/?page=2", "/es/proyectos/?page=2", "/en/projects/?page=2"),
        # Filtered, then paged: the page number joins the filters (it used to make a second
        # "?", an address that names another page).
        (
            "/es/proyectos/?kind=city&page=2&utm_source=x",
            "/es/proyectos/?kind=city&page=2",
            "/en/projects/?kind=city&page=2",
        ),
        ("/en/projects/?kind=city", "/es/proyectos/?kind=city", "/en/projects/?kind=city"),
    ],
)
def test_a_later_page_names_itself_with_its_number_and_its_filters(
    client, seeded, make_data_tenfold, path, spanish, english
):
    make_data_tenfold()
    tree = lxml.html.fromstring(client.get(path).content)
    links = {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath('//link[@rel="alternate"][@hreflang][not(@type)]')
    }
    origin = "http://testserver"
    assert canonical(tree) == origin + (spanish if path.startswith("/es/") else english)
    assert {code: links[code] for code in ("es", "en", "x-default")} == {
        "es": origin + spanish,
        "en": origin + english,
        "x-default": origin + spanish,
    }
    # The address printed and sent on WhatsApp is this very page too.
    printed = tree.xpath(f"//main//p[{cls('print-address')}]")[0].text_content()
    assert printed.endswith(canonical(tree))
    footer_link = tree.xpath(f"//footer//a[{cls('whatsapp-link')}]")[0]
    assert wa_text(footer_link.get("href")).endswith(canonical(tree))
    # The language switch leads to the list's first page: each language orders by its titles.
    switch = tree.xpath('//a[@class="language-switch"]/@href')[0]
    assert "page=" not in switch


def test_the_grown_data_is_what_the_query_count_tests_need(seeded, make_data_tenfold):
    before = {model: model.objects.count() for model in (models.Project, models.Participation)}
    version = models.ContentVersion.objects.get().version
    make_data_tenfold()
    assert models.Project.objects.count() == before[models.Project] + 70
    assert models.Participation.objects.count() == before[models.Participation] + 210
    assert models.Project.objects.published().count() > 70
    assert models.ContentVersion.objects.get().version > version


# Each count includes the page cache's one query for the content version.
PINNED = [
    ("/es/", 8),
    # The lists: the page's keys with the total, then the entries of the cards not kept.
    ("/es/programas/", 8),
    ("/es/proyectos/", 8),
    ("/es/socios/", 4),
    # The map's Spanish address ("mapa/") comes with the translations: the English one here.
    ("/en/map/", 3),
    ("/es/redes/", 4),
    ("/es/linea-de-tiempo/", 3),
    # A search: one statement for its results.
    ("/es/buscar/?q=residuos", 3),
    ("/es/temas/", 3),
    ("/es/ods/", 3),
    ("/es/temas/gestion-de-residuos/", 6),
    ("/en/sdgs/11/", 6),
    # Detail pages: one query more each for their sources.
    ("/es/programas/pacto-global/", 10),
    ("/es/proyectos/trama/", 9),
    ("/es/socios/turin/", 5),
    # A network's page: three more, for its programs, their projects and its sources.
    ("/es/socios/mercociudades/", 8),
]


@pytest.mark.parametrize(("path", "queries"), PINNED)
def test_query_count_is_pinned_and_does_not_grow(
    client, seeded, django_assert_num_queries, make_data_tenfold, path, queries
):
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    make_data_tenfold()
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


# After a first page: what does not change between requests of a version (the contact
# settings, the directory filters' choices) comes from the fragment cache
# (cooperation/fragments.py). So another page, or another filter combination, each a miss of
# the page cache, reads less: a directory list only the version and its page's keys with the
# total, and the entries of the cards not kept.
PINNED_WARM = [
    # Every card kept from the first list: the version and the page's keys.
    ("/es/programas/", "/es/programas/?kind=city", 2),
    # The same filters as the form sends them, empty fields and all: another address, every
    # card kept.
    (
        "/es/proyectos/?status=active&sdg=11",
        "/es/proyectos/?status=active&theme=&sdg=11&partner=&kind=&network=&year=",
        2,
    ),
    # No project's card kept yet: their entries are read too.
    ("/es/programas/", "/es/proyectos/?sdg=11", 3),
    ("/es/proyectos/", "/es/", 7),
    ("/es/", "/es/programas/pacto-global/", 9),
    ("/es/", "/es/proyectos/trama/", 8),
    ("/es/", "/es/socios/turin/", 4),
    ("/es/", "/es/buscar/?q=residuos", 2),
]


@pytest.mark.parametrize(("first", "path", "queries"), PINNED_WARM)
def test_a_page_after_the_first_reads_what_is_kept_from_the_fragment_cache(
    client, seeded, django_assert_num_queries, make_data_tenfold, first, path, queries
):
    client.get(first)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    make_data_tenfold()  # a new version: both pages are misses again
    client.get(first)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def structured_data(content: str) -> dict:
    import json

    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_home_describes_the_city_as_a_government_organization(client, seeded):
    data = structured_data(client.get("/en/").content.decode())
    assert data["@type"] == "GovernmentOrganization"
    assert data["contactPoint"]["url"] == "https://wa.me/5493415440147"
    # The office's details only once staff fill them in: the seed gives none.
    assert not {"telephone", "email"} & set(data["contactPoint"])
    assert "streetAddress" not in data["address"]


def test_home_describes_the_offices_details_once_filled_in(client, seeded):
    settings = models.ContactSettings.load()
    settings.phone = "+54 341 000-0000"
    settings.email = "oficina@example.org"
    settings.postal_address_es = "Calle 123\nRosario"
    settings.save()
    data = structured_data(client.get("/es/").content.decode())
    assert data["contactPoint"]["telephone"] == "+54 341 000-0000"
    assert data["contactPoint"]["email"] == "oficina@example.org"
    assert data["address"]["streetAddress"] == "Calle 123, Rosario"


def test_project_page_describes_the_project_with_funders_and_members(client, seeded):
    data = structured_data(
        client.get("/en/projects/metropolitan-solid-waste-management/").content.decode()
    )
    assert data["@type"] == "Project"
    assert data["foundingDate"] == "2021"
    assert [org["name"] for org in data["funder"]] == ["Metropolis"]
    assert "Turin" in [org["name"] for org in data["member"]]


@pytest.mark.parametrize(
    ("status", "dissolution"),
    [
        (models.CooperationStatus.COMPLETED, "2023"),
        (models.CooperationStatus.UNKNOWN, None),
        (models.CooperationStatus.PLANNED, None),
    ],
)
def test_an_end_year_is_a_dissolution_date_only_when_the_entry_is_completed(
    client, db, status, dissolution
):
    factories.ProjectFactory(slug_es="x", start_year=2021, end_year=2023, status=status)
    data = structured_data(client.get("/es/proyectos/x/").content.decode())
    assert data.get("dissolutionDate") == dissolution


def test_a_status_not_published_is_said_plainly(client, db):
    factories.ProjectFactory(
        slug_es="x",
        slug_en="x",
        status=models.CooperationStatus.UNKNOWN,
        start_year=2019,
        end_year=2020,
    )
    factories.ProjectFactory(
        slug_es="y",
        slug_en="y",
        status=models.CooperationStatus.ACTIVE,
        status_confirmed_on=datetime.date(2022, 1, 1),
    )
    page = client.get("/es/proyectos/x/").content.decode()
    assert "Sin información publicada" in page
    assert "Finalizado" not in page
    assert "Status" in client.get("/en/projects/x/").content.decode()
    assert "No published information" in client.get("/en/projects/x/").content.decode()
    assert "En curso, según información de 2022" in client.get("/es/proyectos/y/").content.decode()
    listing = client.get("/es/proyectos/?status=unknown").content.decode()
    assert "/es/proyectos/x/" in listing and "/es/proyectos/y/" not in listing


def test_structured_data_cannot_close_its_script_element(client, db):
    factories.ProjectFactory(slug_es="x", summary_es="</script><script>alert(1)</script>")
    content = client.get("/es/proyectos/x/").content.decode()
    assert "<script>alert(1)" not in content
    assert structured_data(content)["description"] == "</script><script>alert(1)</script>"


def test_an_uploaded_image_is_shown_with_its_text_alternative(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = factories.ProjectFactory(slug_es="con-imagen", image_alt_es="Reunión en Turín")
    project.image.save("foto.png", ContentFile(b"not decoded here"), save=True)
    content = client.get("/es/proyectos/con-imagen/").content.decode()
    assert 'alt="Reunión en Turín"' in content
    assert project.image.url in content


def test_entries_without_an_image_get_a_panel_of_their_kind_with_its_themes(
    client, db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    theme = factories.ThemeFactory(name_es="Gestión de residuos")
    project = factories.ProjectFactory(slug_es="sin-imagen")
    project.themes.add(theme)
    pictured = factories.ProjectFactory(slug_es="con-imagen", image_alt_es="Reunión en Turín")
    pictured.image.save("foto.png", ContentFile(b"not decoded here"), save=True)
    partner = factories.PartnerFactory(kind="national")

    def header(url):
        page = lxml.html.fromstring(client.get(url).content)
        return page.xpath("//header[contains(@class, 'entry-header')]")[0]

    plain = header("/es/proyectos/sin-imagen/")
    assert plain.get("class").split() == [
        "entry-header",
        "entry-header--project",
        "entry-header--plain",
    ]
    # The panel says what the entry is and what it is about, in words.
    eyebrow = " ".join(plain.xpath("string(.//p[@class='eyebrow'])").split())
    assert eyebrow == "Proyecto · Gestión de residuos"
    assert "entry-header--plain" not in header("/es/proyectos/con-imagen/").get("class")
    with translation.override("es"):
        organization = header(partner.get_absolute_url())
        kind = partner.get_kind_display()
    assert "entry-header--plain" in organization.get("class")
    assert kind in organization.xpath("string(.//p[@class='eyebrow'])")
    # Cards carry their kind in a band of its colour, named in words.
    with translation.override("es"):
        cards = lxml.html.fromstring(client.get(reverse("cooperation:project_list")).content)
    card = cards.xpath("//article[contains(@class, 'card')]")[0]
    assert card.get("class") == "card card--project"
    assert card.xpath("string(p[@class='card-kind'])") == "Proyecto"


def test_detail_pages_show_when_they_were_last_reviewed(client, db):
    import datetime

    reviewed = datetime.date(2025, 3, 14)
    project = factories.ProjectFactory(reviewed_at=reviewed)
    partner = factories.PartnerFactory(reviewed_at=reviewed)
    network = factories.NetworkFactory(reviewed_at=reviewed)
    for obj in (project, project.program, partner, network):
        with translation.override("en"):
            content = client.get(obj.get_absolute_url()).content.decode()
        shown = "Information updated as of" in content and '<time datetime="2025-03-14">' in content
        assert shown == (obj is not project.program), obj


def test_detail_pages_name_their_sources_and_the_date_of_their_information(client, db):
    project = factories.ProjectFactory()
    partner = factories.PartnerFactory()
    network = factories.NetworkFactory()
    for obj in (project, project.program, partner, network):
        obj.sources.create(
            title_es="Página de la ciudad",
            title_en="City page",
            url="https://example.org/cooperacion",
            consulted_on=datetime.date(2024, 5, 2),
        )
    unlinked = factories.ProjectFactory(program=project.program)
    unlinked.sources.create(title_es="Informe sin dirección", title_en="Report without address")
    for obj in (project, project.program, partner, network):
        with translation.override("es"):
            content = client.get(obj.get_absolute_url()).content.decode()
        assert "Fuente" in content, obj
        assert '<a href="https://example.org/cooperacion" rel="external" lang="es">' in content
        assert "Información actualizada al" in content
        assert '<time datetime="2024-05-02">2 de mayo de 2024</time>' in content
    with translation.override("en"):
        content = client.get(unlinked.get_absolute_url()).content.decode()
    assert "Source" in content and "Report without address" in content
    assert "Information updated as of" not in content
    # A review is newer knowledge than the day a source was consulted.
    project.reviewed_at = datetime.date(2025, 1, 3)
    project.save()
    with translation.override("en"):
        content = client.get(project.get_absolute_url()).content.decode()
    assert '<time datetime="2025-01-03">' in content


def test_an_ended_entry_is_shown_as_completed_unless_kept(client, db):
    from django.utils import timezone

    last_year = timezone.localdate().year - 1
    ended = factories.ProjectFactory(start_year=2019, end_year=last_year)
    kept = factories.ProjectFactory(
        program=ended.program, start_year=2019, end_year=last_year, keep_status=True
    )
    with translation.override("en"):
        ended_page = client.get(ended.get_absolute_url()).content.decode()
        kept_page = client.get(kept.get_absolute_url()).content.decode()
        listing = client.get(reverse("cooperation:project_list")).content.decode()
    assert '<span class="status status-completed">Completed</span>' in ended_page
    assert '<span class="status status-active">Ongoing</span>' in kept_page
    cards = listing.split('<article class="card card--project">')[1:]
    (ended_card,) = [card for card in cards if ended.title_en in card]
    (kept_card,) = [card for card in cards if kept.title_en in card]
    assert "status-completed" in ended_card and "status-active" in kept_card


def test_chosen_filters_stay_selected_in_the_form(client, seeded):
    content = client.get("/en/projects/?network=iclei&sdg=7&status=completed").content.decode()
    assert '<option value="iclei" selected>' in content
    assert '<option value="7" selected>' in content
    assert '<option value="completed" selected>' in content
    assert '<option value="active" selected>' not in content


@pytest.mark.parametrize(
    ("path", "title"), [("/es/", "Error del servidor"), ("/en/", "Server error")]
)
def test_a_view_that_raises_gives_the_standalone_500_page(db, path, title, monkeypatch):
    def broken():
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "home_get", broken)
    response = Client(raise_request_exception=False).get(path)
    content = response.content.decode()
    assert response.status_code == 500
    assert title in content
    assert f'<html lang="{path[1:3]}">' in content
    assert "RuntimeError" not in content
    assert "no-cache" in response["Cache-Control"]


def test_every_page_and_the_standalone_ones_link_the_typographic_favicon(client, db, monkeypatch):
    mark = (Path(settings.BASE_DIR) / "static" / "img" / "logo-mark.svg").read_text()
    # The wordmark's initial drawn in the site's blue, in strokes: no globe, no emblem, and no
    # <text>, which each visitor's fonts would draw differently. Tiny: it comes with every page.
    assert len(mark.encode()) < 512
    assert set(re.findall(r"<(\w+)", mark)) == {"svg", "rect", "path"}
    assert 'fill="#0b4f8a"' in mark
    icon = '<link rel="icon" href="/static/img/logo-mark.svg" type="image/svg+xml">'
    assert icon in client.get(url_in("es", "cooperation:home")).content.decode()

    def broken():
        raise RuntimeError("a bug")

    # The 500 page too, its address without the static manifest (which may be what broke).
    monkeypatch.setattr(selectors, "home_get", broken)
    cache.clear()  # the page cache holds the page just rendered
    response = Client(raise_request_exception=False).get("/es/")
    assert response.status_code == 500
    assert icon in response.content.decode()


def test_every_page_links_the_map_coverage_and_open_data_from_its_footer(client, db):
    for language in ("es", "en"):
        content = client.get(url_in(language, "cooperation:home")).content.decode()
        footer = content[content.index('<footer class="site-footer">') :]
        for name in ("cooperation:open_data", "cooperation:partner_map", "cooperation:coverage"):
            assert f'href="{url_in(language, name)}"' in footer, name


@pytest.mark.parametrize(
    ("language", "city", "section", "link"),
    [
        (
            "es",
            "Municipalidad de Rosario",
            "Cooperación internacional",
            "Sitio de la Municipalidad de Rosario",
        ),
        (
            "en",
            "City of Rosario",
            "International cooperation",
            "The City of Rosario&#x27;s website",
        ),
    ],
)
def test_every_page_names_the_city_and_links_its_main_site(
    client, db, settings, language, city, section, link
):
    settings.CITY_SITE_URL = "https://city.example/"
    page = lxml.html.fromstring(client.get(url_in(language, "cooperation:project_list")).content)
    (wordmark,) = page.xpath('//header//a[@class="site-name"]')
    assert wordmark.xpath('string(span[@class="site-name-city"])').strip() == city
    assert wordmark.xpath('string(span[@class="site-name-section"])').strip() == section
    (city_link,) = page.xpath('//footer//a[@href="https://city.example/"]')
    assert city_link.text_content() == html.unescape(link)


def test_an_empty_city_site_setting_hides_the_link(client, db, settings):
    settings.CITY_SITE_URL = ""
    content = client.get(url_in("es", "cooperation:home")).content.decode()
    assert "Sitio de la Municipalidad de Rosario" not in content


def test_partner_page_shows_its_city_and_links_the_map_when_located(client, db):
    from decimal import Decimal

    located = factories.PartnerFactory(
        city_es="Turín", city_en="Turin", latitude=Decimal("45.07"), longitude=Decimal("7.69")
    )
    unlocated = factories.PartnerFactory(city_es="", city_en="")
    map_link = f'href="{url_in("es", "cooperation:partner_map")}"'
    content = client.get(url_in("es", "cooperation:partner_detail", slug=located.slug_es))
    facts = content.content.decode().split('id="facts-title"')[1].split("</section>")[0]
    assert "Turín" in facts
    assert map_link in facts
    content = client.get(url_in("es", "cooperation:partner_detail", slug=unlocated.slug_es))
    facts = content.content.decode().split('id="facts-title"')[1].split("</section>")[0]
    assert "Ciudad" not in facts
    assert map_link not in facts


# The partner map page ---------------------------------------------------------------


def map_url(language: str) -> str:
    with translation.override(language):
        return reverse("cooperation:partner_map")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "en"])
def test_map_page_links_placed_partners_and_lists_the_others(client, seeded, language):
    response = client.get(map_url(language))
    assert response.status_code == 200
    content = response.content.decode()
    svg = re.search(r"<svg class=\"world-map world-map--wide\".*?</svg>", content, re.S).group(0)
    assert 'role="group"' in svg and 'aria-labelledby="map-title-wide map-desc-wide"' in svg
    assert "style=" not in content and "<script" not in content.split("</footer>")[0]
    with translation.override(language):
        turin = models.Partner.objects.get(slug_es="turin").get_absolute_url()
        jica = models.Partner.objects.get(slug_es="jica").get_absolute_url()
        metropolis = models.Partner.objects.get(slug_es="metropolis").get_absolute_url()
    # Turin where it is; JICA, whose seat the seed does not give, at the centre of Japan.
    assert svg.count('class="map-label"') == 10
    assert f'<a class="map-label" href="{turin}"' in svg
    assert f'<a class="map-label" href="{jica}"' in svg
    assert metropolis not in svg
    places = content[content.index('id="places-title"') : content.index("</section>")]
    assert jica in places and turin in places and metropolis in places
    unplaced = places[places.index('id="unlocated-title"') :]
    assert unplaced.count("<li><a href=") == 7  # the international bodies
    assert metropolis in unplaced and jica not in unplaced


@pytest.mark.django_db
def test_numbers_in_the_svg_are_never_localized(client, db):
    factories.PartnerFactory(latitude=Decimal("-22.9068"), longitude=Decimal("-43.1729"))
    content = client.get(map_url("es")).content.decode()
    assert re.search(r'<circle class="map-dot" cx="\d+\.\d" cy="\d+\.\d" r="4.5"/>', content)
    assert not re.search(r'(?:x|y|width|height|r)="-?\d+,\d', content)


@pytest.mark.django_db
def test_drafts_never_appear_on_the_map(client, db):
    # The seed's partners as drafts too: the map shows only this test's published one.
    models.Partner.objects.update(publication=models.PublicationStatus.DRAFT)
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
    assert content.count('class="map-label"') == 2  # one in each layout


@pytest.mark.django_db
def test_map_is_in_the_sitemap_and_linked_from_the_partner_list(client, db):
    assert map_url("en") in client.get("/sitemap.xml").content.decode()
    with translation.override("en"):
        partner_list = reverse("cooperation:partner_list")
    assert f'href="{map_url("en")}"' in client.get(partner_list).content.decode()


# The SDG and theme coverage page: counts from published entries only, an accessible chart.


def row_counts(content: str, label: str) -> tuple[int, int, int]:
    """(programs, projects, total) in the table row whose header holds ``label``."""
    match = re.search(
        re.escape(label) + r"</(?:a|span)><svg[^>]*>.*?</svg></th>\s*"
        r'<td class="number">(\d+)</td>\s*<td class="number">(\d+)</td>\s*'
        r'<td class="number coverage-count">(\d+)</td>',
        content,
    )
    assert match, f"no row for {label}"
    return tuple(int(number) for number in match.groups())


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_sdg_and_theme_has_a_row_with_its_counts(client, seeded, language):
    response = client.get(url_in(language, "cooperation:coverage"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    with translation.override(language):
        for sdg in models.SustainableDevelopmentGoal.objects.all():
            programs = models.Program.objects.published().filter(sdgs=sdg).count()
            projects = selectors.project_list().filter(sdgs=sdg).count()
            assert row_counts(content, str(sdg)) == (programs, projects, programs + projects)
        for theme in models.Theme.objects.all():
            programs = models.Program.objects.published().filter(themes=theme).count()
            projects = selectors.project_list().filter(themes=theme).count()
            assert row_counts(content, theme.name) == (programs, projects, programs + projects)
    assert models.SustainableDevelopmentGoal.objects.count() == 17
    assert content.count('<th scope="row">') == 17 + models.Theme.objects.count()


def test_each_goal_lists_the_entries_that_address_it(client, seeded):
    content = client.get(url_in("en", "cooperation:coverage")).content.decode()
    sdg = models.SustainableDevelopmentGoal.objects.get(number=11)
    section = content[content.index(f'<h3 id="sdg-{sdg.pk}"') :]
    section = section[: section.index("</section>")]
    for project in selectors.project_list().filter(sdgs=sdg):
        assert f'href="{url_in("en", "cooperation:project_detail", slug=project.slug_en)}"' in (
            section
        )
    assert "Co-Creation of a Sustainable Model" in section


def without_themes_and_sdgs() -> None:
    """The seed's themes and SDGs deleted (their entries stay): only a test's own count."""
    models.Theme.objects.all().delete()
    models.SustainableDevelopmentGoal.objects.all().delete()


def test_drafts_are_not_counted_or_listed(client, db):
    without_themes_and_sdgs()
    sdg = factories.SDGFactory(number=11)
    theme = factories.ThemeFactory(name_en="Waste")
    visible = factories.ProjectFactory(title_en="Visible project")
    draft = factories.ProjectFactory(
        title_en="Draft project", publication=models.PublicationStatus.DRAFT
    )
    hidden_program = factories.ProgramFactory(
        title_en="Draft program", publication=models.PublicationStatus.DRAFT
    )
    of_hidden_program = factories.ProjectFactory(
        program=hidden_program, title_en="Project of a draft program"
    )
    for entry in (visible, draft, hidden_program, of_hidden_program):
        entry.sdgs.set([sdg])
        entry.themes.set([theme])
    content = client.get(url_in("en", "cooperation:coverage")).content.decode()
    with translation.override("en"):
        assert row_counts(content, str(sdg)) == (0, 1, 1)
    assert row_counts(content, "Waste") == (0, 1, 1)
    assert "Visible project" in content
    for hidden in ("Draft project", "Draft program", "Project of a draft program"):
        assert hidden not in content


def test_bars_are_svg_attributes_scaled_to_the_largest_total(client, db):
    without_themes_and_sdgs()
    sdg_a, sdg_b = factories.SDGFactory(number=7), factories.SDGFactory(number=13)
    for _ in range(3):
        factories.ProjectFactory().sdgs.add(sdg_a)
    factories.ProgramFactory().sdgs.add(sdg_a)
    factories.ProjectFactory().sdgs.add(sdg_b)
    content = client.get(url_in("en", "cooperation:coverage")).content.decode()
    bars = re.findall(
        r'<rect class="bar-programs" width="(\d+)" height="20"/>'
        r'<rect class="bar-projects" x="(\d+)" width="(\d+)" height="20"/>',
        content,
    )
    # SDG 7: one program and three projects, the largest; SDG 13: one project.
    assert bars[:2] == [("250", "250", "750"), ("0", "0", "250")]
    # A strict Content-Security-Policy forbids inline styles: none on the page.
    assert "style=" not in content


def test_the_chart_is_hidden_from_screen_readers_and_the_table_is_not(client, seeded):
    content = client.get(url_in("es", "cooperation:coverage")).content.decode()
    assert content.count('<svg class="coverage-bar"') == content.count(
        'aria-hidden="true" focusable="false"><rect class="bar-track"'
    )
    assert '<caption id="sdg-caption">' in content
    assert '<th scope="col" class="number">' in content


def test_coverage_query_count_is_pinned_and_does_not_grow(
    client, seeded, django_assert_num_queries, make_data_tenfold
):
    path = url_in("es", "cooperation:coverage")
    with django_assert_num_queries(8):
        assert client.get(path).status_code == 200
    make_data_tenfold()
    with django_assert_num_queries(8):
        assert client.get(path).status_code == 200


# Hostile input -----------------------------------------------------------------------
# Every public URL, in both languages, against what bots and attackers send.
#
# Whatever arrives (bad page numbers, unknown filter values, SQL and script, NUL bytes,
# 20,000-character queries, broken UTF-8, repeated parameters, unusual methods, a foreign Host),
# the answer is never a 5xx, never shows a traceback and never reflects markup unescaped.
#
# Each test loads the seed once and sends one family of variants to every URL, then reports
# all the URLs that misbehaved at once. The Django test client runs the whole middleware stack.


HOSTILE_LANGUAGES = ["es", "en"]
HOSTILE_LIST_PAGES = [
    "cooperation:program_list",
    "cooperation:project_list",
    "cooperation:partner_list",
    "cooperation:network_list",
]
FILTERED_LISTS = ["cooperation:program_list", "cooperation:project_list"]
HOSTILE_OTHER_PAGES = ["cooperation:home", "cooperation:search", "cooperation:timeline"]
DETAIL_SELECTORS = [
    selectors.program_list,
    selectors.project_list,
    selectors.partner_list,
    selectors.network_list,
]

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOADS = {
    "script": SCRIPT,
    "attribute": ATTRIBUTE,
    "sql": "' OR '1'='1'; DROP TABLE cooperation_project; --",
    "nul": "a\x00b",
    "20,000 characters": SCRIPT * 800,
}
# Never to be found as such in a page; escaped, they are harmless text.
UNESCAPED = [SCRIPT, ATTRIBUTE, "<img src=x"]
LEAKS = ["Traceback", "OperationalError", "ProgrammingError", "DataError", "ValueError"]


@pytest.fixture
def lenient_client():
    # Errors become the 500 page, as in production, instead of being raised in the test.
    return Client(raise_request_exception=False)


@pytest.fixture
def public_urls(seeded):
    """Every public URL: home, lists, one detail page of each kind, search, timeline."""
    result = {"/sitemap.xml", "/robots.txt"}
    for language in HOSTILE_LANGUAGES:
        with translation.override(language):
            result.update(reverse(name) for name in [*HOSTILE_LIST_PAGES, *HOSTILE_OTHER_PAGES])
            for selector in DETAIL_SELECTORS:
                entry = selector().first()
                assert entry is not None, f"the seed has no published {selector.__name__}"
                result.add(entry.get_absolute_url())
    return sorted(result)


def list_urls(names=HOSTILE_LIST_PAGES):
    urls = []
    for language in HOSTILE_LANGUAGES:
        with translation.override(language):
            urls.extend(reverse(name) for name in names)
    return urls


def problems(response, label: str) -> list[str]:
    """What is wrong with ``response``, if anything, each line naming ``label``."""
    found = []
    if response.status_code >= 500:
        found.append(f"{label}: status {response.status_code}")
    body = response.content.decode("utf-8", errors="replace")
    found += [f"{label}: shows {leak!r}" for leak in LEAKS if leak in body]
    found += [f"{label}: reflects {text!r} unescaped" for text in UNESCAPED if text in body]
    return found


def assert_no_problems(found: list[str]):
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:40])


BAD_PAGES = ["0", "-1", "abc", "1.5", "99999999999999999999", "last", "2\x00", SCRIPT]
BAD_FILTERS = [
    ("status", "nope"),
    ("theme", "../../etc/passwd"),
    ("sdg", "999"),
    ("sdg", "-1"),
    ("partner", "no-such-partner"),
    ("kind", "alien"),
    ("network", "x" * 300),
    ("year", "abc"),
    ("year", "99999999999999999999"),
    ("year", "1e400"),
]
BROKEN_PATHS = [
    "/es/proyectos/%ff%fe/",
    "/en/projects/%ff%fe/",
    "/es/%ff/",
    "/en/%c0%af/",
    "/%ff%fe",
    "/es/programas/%ed%a0%80/",
    "/es/buscar/%00/",
    "/en/search/%00",
    "/es/socios/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
    "/en/partners/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/",
    "/es/proyectos/" + "a" * 5000 + "/",
    "/es/admin%ff/",
]


def test_bad_page_numbers_are_not_found(lenient_client, seeded):
    found = []
    for url in [*list_urls(), "/sitemap.xml"]:
        for page in BAD_PAGES:
            response = lenient_client.get(url, {"page": page, "p": page})
            label = f"{url}?page={page!r}"
            found += problems(response, label)
            if response.status_code not in (200, 404):
                found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


def test_unknown_filter_values_give_a_page_not_an_error(lenient_client, seeded):
    found = []
    for url in list_urls(FILTERED_LISTS):
        for name, value in BAD_FILTERS:
            response = lenient_client.get(url, {name: value})
            label = f"{url}?{name}={value[:40]!r}"
            found += problems(response, label)
            if response.status_code != 200:
                found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


def test_injected_strings_in_every_parameter(lenient_client, public_urls):
    found = []
    for label, payload in PAYLOADS.items():
        params = dict.fromkeys(("q", "page", "status", "theme", "year", "next"), payload)
        for url in public_urls:
            found += problems(lenient_client.get(url, params), f"{url} with {label}")
    assert_no_problems(found)


def test_repeated_parameters(lenient_client, public_urls):
    query = "q=agua&q=&q=%3Cscript%3E&page=1&page=2&status=active&status=zzz&year=2020&year=x"
    found = []
    for url in public_urls:
        found += problems(lenient_client.get(f"{url}?{query}"), f"{url}?{query}")
    assert_no_problems(found)


def test_broken_paths_are_not_found(lenient_client, db):
    found = []
    for path in BROKEN_PATHS:
        response = lenient_client.get(path)
        found += problems(response, path[:60])
        if response.status_code not in (301, 302, 400, 404):
            found.append(f"{path[:60]}: {response.status_code}")
    assert_no_problems(found)


def test_unusual_methods(public_urls):
    # CSRF checks on, as for a browser: a POST without a token to a public page is refused.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    found = []
    for url in public_urls:
        for method in ("head", "options", "post", "put", "delete"):
            response = getattr(client, method)(url)
            label = f"{method.upper()} {url}"
            found += problems(response, label)
            allowed = (200, 405) if method in ("head", "options") else (403, 405)
            if response.status_code not in allowed:
                found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


def test_a_foreign_or_malformed_host_is_refused(lenient_client, public_urls):
    requests = [
        (url, "evil.example") for url in [*public_urls, "/healthz", "/readyz", "/es/no-existe/"]
    ]
    requests += [
        (url, host)
        for url in ("/es/", "/healthz")
        for host in ("evil.example:80:80", "<script>", "a" * 300, "127.0.0.1@evil.example")
    ]
    found = []
    for url, host in requests:
        response = lenient_client.get(url, HTTP_HOST=host)
        label = f"Host: {host[:20]} {url}"
        found += problems(response, label)
        if response.status_code != 400:
            found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


# Preview ---------------------------------------------------------------------------------


def test_a_preview_reads_its_page_once(client, db, django_user_model, monkeypatch):
    draft = factories.ProgramFactory(publication=models.PublicationStatus.DRAFT)
    calls = []

    def counted(**kwargs):
        calls.append(kwargs)
        return selectors.program_get(**kwargs)

    monkeypatch.setattr(views.ProgramDetailView, "selector", counted)
    client.force_login(django_user_model.objects.create_superuser("chief", password="x"))
    response = client.get(
        url_in("es", "cooperation:program_detail", slug=draft.slug_es), {"preview": "1"}
    )
    assert response.status_code == 200
    assert 'class="notice preview-notice"' in response.content.decode()
    assert calls == [{"slug": draft.slug_es, "preview": True}]
    calls.clear()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert calls == [{"slug": draft.slug_es, "preview": False}]


def test_a_card_names_only_a_public_parent_and_network(client, db):
    draft_parent = factories.ProgramFactory(
        title_es="Padre en borrador", publication=models.PublicationStatus.DRAFT
    )
    network = factories.NetworkFactory(
        organization__name_es="Red de un borrador",
        organization__publication=models.PublicationStatus.DRAFT,
    )
    factories.ProgramFactory(parent=draft_parent, network=network)
    content = client.get(url_in("es", "cooperation:program_list")).content.decode()
    assert "Padre en borrador" not in content
    assert "Red de un borrador" not in content


TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")


def test_no_template_opens_a_comment_it_does_not_close_on_the_same_line():
    """``{# #}`` ends on its own line; a longer comment needs ``{% comment %}``. Checked in the
    files themselves, for the templates no page test renders (the admin's, the error pages)."""
    unclosed = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.*"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert unclosed == []


@pytest.mark.parametrize("language", ["es", "en"])
def test_no_page_shows_template_syntax(client, seeded, language):
    """A multi-line ``{# #}`` is not a comment in Django: it is printed as text. Every page
    type, in both languages, is checked for any template syntax left in its HTML."""
    from tests.browser.pages import PAGES

    for site_page in PAGES:
        path = site_page.path(language)
        response = client.get(path)
        assert response.status_code == site_page.status, path
        # Structured data is JSON, whose nested objects end in "}}": left out.
        html = re.sub(
            r'<script type="application/ld\+json">.*?</script>',
            "",
            response.content.decode(),
            flags=re.S,
        )
        leaks = [token for token in TEMPLATE_SYNTAX if token in html]
        assert not leaks, f"{path} shows {leaks}"


def _language_switch(client, path: str, language: str) -> str:
    html = client.get(path).content.decode()
    match = re.search(rf'<a [^>]*href="([^"]+)"[^>]*hreflang="{language}"', html) or re.search(
        rf'<a [^>]*hreflang="{language}"[^>]*href="([^"]+)"', html
    )
    return match.group(1).replace("&amp;", "&")


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        (
            "/es/proyectos/?theme=gestion-de-residuos&status=active&utm_source=x",
            "en",
            "/en/projects/?status=active&theme=waste-management",
        ),
        ("/en/programs/?theme=waste-management", "es", "/es/programas/?theme=gestion-de-residuos"),
        ("/es/buscar/?q=residuos", "en", "/en/search/?q=residuos"),
        ("/es/proyectos/?page=1", "en", "/en/projects/"),
    ],
)
def test_the_language_switch_keeps_filters_and_search(client, seeded, path, language, expected):
    assert _language_switch(client, path, language) == expected


# Former addresses: every address an entry had leads to it ---------------------------------

ADDRESSED = [
    (factories.ProgramFactory, "cooperation:program_detail"),
    (factories.ProjectFactory, "cooperation:project_detail"),
    (factories.PartnerFactory, "cooperation:partner_detail"),
]


def assert_moved(client, language: str, name: str, old: str, new: str) -> None:
    response = client.get(url_in(language, name, slug=old))
    assert response.status_code == 301
    assert response["Location"] == url_in(language, name, slug=new)
    # Browsers must ask again: the slug may come back to its entry one day.
    assert "no-cache" in response["Cache-Control"]
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("factory", "name"), ADDRESSED)
@pytest.mark.parametrize("language", ["es", "en"])
def test_a_former_slug_redirects_permanently_to_the_current_address(
    client, db, factory, name, language
):
    entry = factory(**{f"slug_{language}": "viejo"})
    setattr(entry, f"slug_{language}", "nuevo")
    entry.save()
    assert_moved(client, language, name, "viejo", "nuevo")
    # The other language's address did not change: it is no redirect.
    other = OTHER[language]
    assert client.get(url_in(other, name, slug=getattr(entry, f"slug_{other}"))).status_code == 200
    assert client.get(url_in(other, name, slug="viejo")).status_code == 404


@pytest.mark.parametrize(("factory", "name"), ADDRESSED)
def test_the_english_page_at_the_spanish_slug_redirects_once_it_has_an_english_slug(
    client, db, factory, name
):
    entry = factory(slug_es="islas-de-calor", slug_en=None)
    assert client.get(url_in("en", name, slug="islas-de-calor")).status_code == 200
    entry.slug_en = "heat-islands"
    entry.save()
    assert_moved(client, "en", name, "islas-de-calor", "heat-islands")
    # Its Spanish slug changes later: the old English address still leads to the entry.
    entry.slug_es = "islas-de-calor-urbanas"
    entry.save()
    assert_moved(client, "en", name, "islas-de-calor", "heat-islands")
    assert_moved(client, "es", name, "islas-de-calor", "islas-de-calor-urbanas")


def test_an_english_address_at_a_spanish_slug_given_before_the_history_was_kept(client, seeded):
    # The seed's entries have had English slugs since before their former slugs were kept:
    # in English, a current Spanish slug leads to the English page all the same.
    assert_moved(
        client,
        "en",
        "cooperation:project_detail",
        "gestion-metropolitana-de-residuos-solidos",
        "metropolitan-solid-waste-management",
    )
    # Not the other way round: an English slug was never a Spanish address.
    assert client.get("/es/proyectos/metropolitan-solid-waste-management/").status_code == 404


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_networks_former_slug_leads_in_one_hop_to_its_organizations_page(client, db, language):
    network = factories.NetworkFactory(**{f"slug_{language}": "viejo"})
    setattr(network, f"slug_{language}", "nuevo")
    network.save()
    with translation.override(language):
        page = network.organization.get_absolute_url()
    for slug in ("viejo", "nuevo"):
        response = client.get(url_in(language, "cooperation:network_detail", slug=slug))
        assert response.status_code == 301, slug
        assert response["Location"] == page
    assert client.get(page).status_code == 200
    assert (
        client.get(url_in(OTHER[language], "cooperation:network_detail", slug="viejo")).status_code
        == 404
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_each_of_two_renames_redirects_in_one_hop_to_the_current_address(client, db, language):
    project = factories.ProjectFactory(**{f"slug_{language}": "primero"})
    for slug in ("segundo", "tercero"):
        setattr(project, f"slug_{language}", slug)
        project.save()
    name = "cooperation:project_detail"
    assert_moved(client, language, name, "primero", "tercero")
    assert_moved(client, language, name, "segundo", "tercero")


def test_a_former_slug_of_an_entry_that_is_not_public_stays_404(client, db):
    project = factories.ProjectFactory(slug_es="viejo")
    project.slug_es = "nuevo"
    project.save()
    name = "cooperation:project_detail"
    project.publication = models.PublicationStatus.DRAFT
    project.save()
    assert client.get(url_in("es", name, slug="viejo")).status_code == 404
    project.publication = models.PublicationStatus.PUBLISHED
    project.save()
    project.program.publication = models.PublicationStatus.DRAFT
    project.program.save()
    assert client.get(url_in("es", name, slug="viejo")).status_code == 404
    project.program.publication = models.PublicationStatus.PUBLISHED
    project.program.save()
    assert_moved(client, "es", name, "viejo", "nuevo")
    # Deleted: 404 too.
    project.delete()
    assert client.get(url_in("es", name, slug="viejo")).status_code == 404


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_slug_taken_by_another_entry_shows_that_entry(client, db, language):
    first = factories.PartnerFactory(**{f"slug_{language}": "rosario"})
    setattr(first, f"slug_{language}", "rosario-1")
    first.save()
    second = factories.PartnerFactory(**{f"slug_{language}": "rosario"})
    name = "cooperation:partner_detail"
    response = client.get(url_in(language, name, slug="rosario"))
    assert response.status_code == 200
    assert response.context["partner"] == second
    # The first entry answers at its own address, and the second, renamed in turn, leaves
    # the slug to lead to it.
    assert client.get(url_in(language, name, slug="rosario-1")).status_code == 200
    setattr(second, f"slug_{language}", "rosario-2")
    second.save()
    assert_moved(client, language, name, "rosario", "rosario-2")


# Browsing by theme and by Sustainable Development Goal.

TOPIC_PAGES = [
    ("es", "/es/temas/gestion-de-residuos/", "Gestión de residuos"),
    ("en", "/en/themes/waste-management/", "Waste management"),
    ("es", "/es/ods/11/", "ODS 11: Ciudades y comunidades sostenibles"),
    ("en", "/en/sdgs/11/", "SDG 11: Sustainable Cities and Communities"),
]


def _section_links(content: str, section_id: str) -> list[str]:
    section = lxml.html.fromstring(content).xpath(f'//section[@aria-labelledby="{section_id}"]')
    if not section:
        return []
    return [a.get("href") for a in section[0].xpath(".//h3/a | .//li/a")]


@pytest.mark.parametrize(("language", "path", "title"), TOPIC_PAGES)
def test_topic_pages_list_what_concerns_them_with_counts(client, seeded, language, path, title):
    response = client.get(path)
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<h1 lang="{language}">{html.escape(title)}</h1>' in content
    topic = response.context["topic"]
    relation = "themes" if isinstance(topic, models.Theme) else "sdgs"
    with translation.override(language):
        programs = models.Program.objects.published().filter(**{relation: topic})
        projects = models.Project.objects.published().filter(**{relation: topic})
        partners = models.Partner.objects.published().filter(
            Q(**{f"participations__program__{relation}": topic})
            | Q(**{f"participations__project__{relation}": topic})
        )
        expected = {
            "programs-title": {p.get_absolute_url() for p in programs},
            "projects-title": {p.get_absolute_url() for p in projects},
            "partners-title": {p.get_absolute_url() for p in partners},
        }
    assert expected["projects-title"] and expected["partners-title"]
    for section, urls in expected.items():
        assert set(_section_links(content, section)) == urls, section
        if urls:
            assert f'<span class="count">({len(urls)})</span>' in content
    counts = lxml.html.fromstring(content).xpath('//ul[@class="topic-counts"]/li/strong/text()')
    assert [int(n) for n in counts] == [len(urls) for urls in expected.values()]


def test_topic_pages_show_only_what_the_public_may_see(client, db):
    theme = factories.ThemeFactory(slug_es="agua", name_es="Agua")
    sdg = factories.SDGFactory(number=6)
    draft_program = factories.ProgramFactory(
        title_es="Programa borrador", publication=models.PublicationStatus.DRAFT
    )
    hidden = factories.ProjectFactory(title_es="Proyecto de borrador", program=draft_program)
    shown = factories.ProjectFactory(title_es="Proyecto publicado")
    draft_partner = factories.PartnerFactory(
        name_es="Socia borrador", publication=models.PublicationStatus.DRAFT
    )
    for project in (hidden, shown):
        project.themes.add(theme)
        project.sdgs.add(sdg)
    factories.ParticipationFactory(project=shown, partner=draft_partner)
    only_in_draft = factories.PartnerFactory(name_es="Solo en borrador")
    factories.ParticipationFactory(project=hidden, partner=only_in_draft)
    seen = factories.PartnerFactory(name_es="Socia visible")
    factories.ParticipationFactory(project=shown, partner=seen)
    for path in ("/es/temas/agua/", "/es/ods/6/"):
        content = client.get(path).content.decode()
        assert "Proyecto publicado" in content and "Socia visible" in content
        for name in ("borrador", "Solo en borrador"):
            assert name not in content, (path, name)
    listing = client.get("/es/temas/").content.decode()
    assert "1 proyecto · 1 organización socia" in listing


def test_unknown_topics_are_404(client, seeded):
    assert client.get("/es/temas/no-existe/").status_code == 404
    assert client.get("/es/ods/18/").status_code == 404
    assert client.get("/en/themes/gestion-de-residuos/").status_code == 404


@pytest.mark.parametrize("language", ["es", "en"])
def test_theme_and_sdg_pills_are_links_to_their_pages(client, seeded, language):
    with translation.override(language):
        project = models.Project.objects.get(slug_es="trama")
        page = client.get(project.get_absolute_url()).content.decode()
        tags = lxml.html.fromstring(page).xpath('//ul[@class="tags"]/li')
        expected = [t.get_absolute_url() for t in project.themes.all()] + [
            g.get_absolute_url() for g in project.sdgs.all()
        ]
    assert len(tags) == len(expected) > 0
    assert [li.xpath("./a/@href")[0] for li in tags] == expected
    for url in expected:
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("path", "count", "first"),
    [
        ("/es/temas/", None, "/es/temas/"),
        ("/en/themes/", None, "/en/themes/"),
        ("/es/ods/", 17, "/es/ods/1/"),
        ("/en/sdgs/", 17, "/en/sdgs/1/"),
    ],
)
def test_topic_indexes_list_every_theme_and_goal_with_counts(client, seeded, path, count, first):
    content = client.get(path).content.decode()
    links = lxml.html.fromstring(content).xpath('//ul[@class="topic-list"]/li/a/@href')
    assert len(links) == (count or models.Theme.objects.count())
    assert links[0].startswith(first)
    assert re.search(r"\d+ (programas?|programs?) · \d+", content)


def test_topic_pages_are_in_the_sitemap_with_alternates(client, seeded):
    content = client.get("/sitemap.xml").content.decode()
    for loc in (
        "http://testserver/es/temas/",
        "http://testserver/en/sdgs/",
        "http://testserver/es/temas/gestion-de-residuos/",
        "http://testserver/en/themes/waste-management/",
        "http://testserver/es/ods/11/",
        "http://testserver/en/sdgs/11/",
    ):
        assert f"<loc>{loc}</loc>" in content
    assert 'hreflang="en" href="http://testserver/en/themes/waste-management/"' in content
    # A goal that nothing published addresses is not offered to search engines.
    assert "<loc>http://testserver/es/ods/14/</loc>" not in content


def test_the_language_switch_of_a_theme_page_uses_the_other_slug(client, seeded):
    assert _language_switch(client, "/es/temas/gestion-de-residuos/", "en") == (
        "/en/themes/waste-management/"
    )


# The directory on a phone: filters folded, the heading naming them.


@pytest.mark.parametrize(
    ("path", "heading", "opened"),
    [
        ("/es/proyectos/", "Proyectos", False),
        ("/es/proyectos/?theme=gestion-de-residuos", "Proyectos · Gestión de residuos", True),
        ("/en/projects/?theme=waste-management", "Projects · Waste management", True),
        (
            "/en/programs/?sdg=11&year=2022",
            "Programs · SDG 11: Sustainable Cities and Communities · 2022",
            True,
        ),
        ("/es/programas/?status=unknown", "Programas · Sin información publicada", True),
        # A value nobody knows: no filter named, the form open to choose again.
        ("/es/proyectos/?theme=nope", "Proyectos", True),
        ("/es/proyectos/?theme=&utm_source=x", "Proyectos", False),
    ],
)
def test_the_heading_names_the_filters_and_they_fold_until_used(
    client, seeded, path, heading, opened
):
    content = client.get(path).content.decode()
    tree = lxml.html.fromstring(content)
    assert tree.xpath("string(//h1)") == heading
    assert tree.xpath("string(//title)").startswith(heading + " · ")
    details = tree.xpath('//details[contains(@class, "filters")]')
    assert len(details) == 1
    assert (details[0].get("open") is not None) == opened
    # The count comes before the folded filters, the results after them.
    count = tree.xpath('//p[@class="result-count"]')[0]
    assert count.getnext() is details[0]


@pytest.mark.parametrize(
    ("path", "lead"),
    [
        ("/es/proyectos/", True),
        ("/en/programs/", True),
        # A filtered list's heading says what it holds: the lead is not repeated there.
        ("/es/proyectos/?theme=gestion-de-residuos", False),
        ("/en/programs/?sdg=11&year=2022", False),
        # Nothing understood, nothing filtered: the list is the whole one, and says so.
        ("/es/proyectos/?theme=nope", True),
    ],
)
def test_only_the_whole_list_has_its_lead(client, seeded, path, lead):
    tree = lxml.html.fromstring(client.get(path).content)
    assert bool(tree.xpath('//main//p[@class="lead"]')) == lead


def test_each_applied_filter_is_removable_on_its_own(client, seeded):
    path = "/es/proyectos/?theme=gestion-de-residuos&status=unknown&page=1&utm_source=x"
    tree = lxml.html.fromstring(client.get(path).content)
    chips = tree.xpath('//details[contains(@class, "filters")]/ul[@class="applied-filters"]/li')
    # In the order of the form, at the top of the open panel, before every select.
    assert [" ".join(chip.text_content().split()) for chip in chips] == [
        "Estado: Sin información publicada Quitar el filtro Estado: Sin información publicada",
        "Tema: Gestión de residuos Quitar el filtro Tema: Gestión de residuos",
    ]
    assert [chip.xpath("string(a/@href)") for chip in chips] == [
        "/es/proyectos/?theme=gestion-de-residuos",
        "/es/proyectos/?status=unknown",
    ]
    # Two or more: one link removes them all.
    assert tree.xpath('string(//div[@class="filter-actions"]/a/@href)') == "/es/proyectos/"


@pytest.mark.parametrize(
    ("path", "chips", "clear_all"),
    [
        ("/en/projects/", 0, False),
        # One filter: its own "Remove" is enough.
        ("/en/projects/?theme=waste-management", 1, False),
        ("/en/projects/?theme=waste-management&year=2022", 2, True),
        # A value nobody knows: nothing applied, but a way back to the whole list.
        ("/en/projects/?theme=nope", 0, True),
    ],
)
def test_the_filters_offer_to_clear_what_is_applied(client, seeded, path, chips, clear_all):
    tree = lxml.html.fromstring(client.get(path).content)
    assert len(tree.xpath('//ul[@class="applied-filters"]/li')) == chips
    links = tree.xpath('//div[@class="filter-actions"]/a')
    assert [link.text_content() for link in links] == (["Clear filters"] if clear_all else [])
    if chips == 1:
        remove = tree.xpath('//ul[@class="applied-filters"]//a')[0]
        assert remove.get("href") == "/en/projects/"
        assert (
            " ".join(remove.text_content().split()) == "Remove the filter Theme: Waste management"
        )


# One page per organization: a network is shown on its organization's page.


@pytest.mark.parametrize(
    ("network_path", "partner_path"),
    [
        ("/es/redes/metropolis/", "/es/socios/metropolis/"),
        ("/en/networks/metropolis/", "/en/partners/metropolis/"),
        ("/es/redes/mercociudades/", "/es/socios/mercociudades/"),
        ("/en/networks/mercocities/", "/en/partners/mercocities/"),
    ],
)
def test_a_network_address_is_a_permanent_redirect_to_its_organization(
    client, seeded, network_path, partner_path
):
    response = client.get(network_path)
    assert response.status_code == 301
    assert response["Location"] == partner_path
    assert client.get(partner_path).status_code == 200


@pytest.mark.parametrize(
    ("path", "role", "program"),
    [
        ("/es/socios/metropolis/", "Su propuesta fue seleccionada", "/es/programas/"),
        ("/en/partners/metropolis/", "Its proposal was selected", "/en/programs/"),
    ],
)
def test_the_organization_page_shows_the_membership_and_all_it_takes_part_in(
    client, seeded, path, role, program
):
    network = models.Network.objects.get(slug_es="metropolis")
    partner = network.organization
    content = client.get(path).content.decode()
    tree = lxml.html.fromstring(content)
    # Its own description, and Rosario's role in the network, on one page.
    english = path.startswith("/en/") and partner.description_en
    description = partner.description_en if english else partner.description_es
    assert description and description[:40] in content
    assert role in content
    membership = tree.xpath('//section[@aria-labelledby="membership-title"]')[0]
    program_links = membership.xpath(".//h4/a/@href")
    assert len(program_links) == network.programs.published().count() > 0
    assert all(href.startswith(program) for href in program_links)
    # What it takes part in directly is listed too.
    participations = tree.xpath('//section[@aria-labelledby="participations-title"]//li')
    assert len(participations) == partner.participations.count() > 0


def test_every_link_to_a_network_leads_to_its_organization_page(client, seeded):
    network_list = client.get("/es/redes/").content.decode()
    assert 'href="/es/socios/metropolis/"' in network_list
    assert "/es/redes/metropolis/" not in network_list
    project = models.Project.objects.filter(program__network__slug_es="metropolis").first()
    page = client.get(project.get_absolute_url()).content.decode()
    assert 'href="/es/socios/metropolis/"' in page and "/es/redes/" not in page.replace(
        'href="/es/redes/"', ""
    )


def test_the_sitemap_lists_the_organization_page_not_the_redirecting_one(client, seeded):
    content = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/es/socios/metropolis/</loc>" in content
    assert "<loc>http://testserver/en/partners/metropolis/</loc>" in content
    assert "/redes/metropolis/" not in content
    assert "/networks/metropolis/" not in content


def test_a_draft_network_is_not_found_and_not_shown(client, db):
    network = factories.NetworkFactory(
        slug_es="red-borrador", publication=models.PublicationStatus.DRAFT
    )
    network.organization.slug_es = "organizacion-red"
    network.organization.save()
    assert client.get("/es/redes/red-borrador/").status_code == 404
    content = client.get("/es/socios/organizacion-red/").content.decode()
    assert "membership-title" not in content
    assert "Ciudad miembro" not in content


def test_staff_preview_a_draft_network_on_its_organization_page(client, db, admin_user):
    network = factories.NetworkFactory(
        slug_es="red-borrador", publication=models.PublicationStatus.DRAFT
    )
    client.force_login(admin_user)
    response = client.get("/es/redes/red-borrador/?preview=1")
    assert response.status_code == 302
    assert response["Location"] == network.organization.get_absolute_url() + "?preview=1"
    page = client.get(response["Location"])
    assert page.context["preview"] is True
    assert "Ciudad miembro" in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]


def test_a_filtered_list_s_breadcrumbs_lead_back_to_the_whole_list(client, seeded):
    tree = lxml.html.fromstring(client.get("/es/proyectos/?theme=gestion-de-residuos").content)
    crumbs = tree.xpath('//nav[@class="breadcrumbs"]//li')
    assert crumbs[1].xpath("string(a/@href)") == "/es/proyectos/"
    assert crumbs[1].text_content() == "Proyectos"
    assert crumbs[2].text_content() == "Gestión de residuos"


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/es/proyectos/", "en", "/en/projects/"),
        ("/en/search/", "es", "/es/buscar/"),
        ("/es/programas/pacto-global/", "es", "/es/programas/pacto-global/"),
    ],
)
def test_a_path_in_another_language_is_translate_urls(rf, path, language, expected):
    from django.urls import resolve, translate_url

    from cooperation.views import path_in

    request = rf.get(path)
    with translation.override(path.split("/")[1]):
        assert path_in(request, language) == translate_url(path, language)  # not resolved yet
        request.resolver_match = resolve(path)
        assert path_in(request, language) == expected == translate_url(path, language)
