"""The Atom feed of each language: a valid Atom document with the latest news and no drafts."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from cooperation import models, selectors
from tests import factories
from tests.helpers import url_in
from tests.test_views import LIST_PAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def get_feed(client, language: str) -> ET.Element:
    """The feed, parsed, after checking what RFC 4287 requires of it and of each entry."""
    response = client.get(url_in(language, "cooperation:feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == language
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), f"feed without {required}"
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "http://testserver" + url_in(language, "cooperation:feed")
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{required}"), f"entry without {required}"
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link.get("href").startswith(f"http://testserver/{language}/")
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return feed


def titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("language", ["es", "en"])
def test_feed_is_atom_and_lists_the_latest_milestones(client, seeded, language):
    feed = get_feed(client, language)
    with translation.override(language):
        latest = [m.title for m in selectors.milestone_list(limit=5, newest_first=True)]
    assert latest
    assert set(latest) <= set(titles(feed))


def test_a_new_milestone_comes_first(client, seeded):
    project = models.Project.objects.get(slug_es="trama")
    factories.MilestoneFactory(
        project=project,
        date=timezone.localdate() + datetime.timedelta(days=1),
        title_es="Se firma el convenio",
        title_en="The agreement is signed",
    )
    for language, title in (("es", "Se firma el convenio"), ("en", "The agreement is signed")):
        feed = get_feed(client, language)
        first = feed.find(f"{ATOM}entry")
        assert first.findtext(f"{ATOM}title") == title
        assert first.find(f"{ATOM}link").get("href") == (
            "http://testserver" + url_in(language, "cooperation:project_detail", slug="trama")
        )


def test_newly_published_entries_are_announced(client, db):
    project = factories.ProjectFactory(title_es="Nuevo proyecto", title_en="New one")
    assert "Nuevo proyecto" in " ".join(titles(get_feed(client, "es")))
    english = get_feed(client, "en")
    assert "New project: New one" in titles(english)
    assert f"New program: {project.program.title_en}" in titles(english)


def test_untranslated_entries_are_marked_as_spanish(client, db):
    factories.ProjectFactory(title_en="", slug_en=None, title_es="Sin traducir")
    feed = get_feed(client, "en")
    (entry,) = [
        e for e in feed.findall(f"{ATOM}entry") if "Sin traducir" in e.findtext(f"{ATOM}title")
    ]
    assert entry.get(XML_LANG) == "es"


def test_drafts_are_not_in_the_feed(client, db):
    factories.ProjectFactory(title_es="Visible", title_en="Visible")
    draft = factories.ProjectFactory(
        title_es="Borrador", title_en="Draft", publication=models.PublicationStatus.DRAFT
    )
    factories.MilestoneFactory(project=draft, title_es="Hito borrador", title_en="Draft milestone")
    hidden_program = factories.ProgramFactory(
        title_es="Programa borrador",
        title_en="Draft program",
        publication=models.PublicationStatus.DRAFT,
    )
    in_hidden_program = factories.ProjectFactory(
        program=hidden_program, title_es="Proyecto oculto", title_en="Hidden project"
    )
    factories.MilestoneFactory(
        project=in_hidden_program, title_es="Hito oculto", title_en="Hidden milestone"
    )
    factories.ProjectFactory(
        title_es="Programado",
        title_en="Scheduled",
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    for language in ("es", "en"):
        feed_titles = " ".join(titles(get_feed(client, language)))
        assert "Visible" in feed_titles
        for hidden in ("Borrador", "Draft", "oculto", "Hidden", "Programado", "Scheduled"):
            assert hidden not in feed_titles


def test_entry_ids_do_not_change_with_the_slug(client, db):
    project = factories.ProjectFactory(title_en="Stable")
    before = get_feed(client, "en").find(f"{ATOM}entry").findtext(f"{ATOM}id")
    project.slug_en = "renamed"
    project.save()
    after = get_feed(client, "en").find(f"{ATOM}entry").findtext(f"{ATOM}id")
    assert before == after
    assert before.startswith("urn:uuid:")


@pytest.mark.parametrize("name", [*LIST_PAGES, "cooperation:open_data", "cooperation:coverage"])
def test_every_page_links_both_feeds_from_its_head(client, seeded, name):
    for language in ("es", "en"):
        content = client.get(url_in(language, name)).content.decode()
        head = content[: content.index("</head>")]
        for feed_language in ("es", "en"):
            assert (
                f'<link rel="alternate" type="application/atom+xml" hreflang="{feed_language}"'
                in head
            )
            # Absolute: Lighthouse's SEO audit (and search engines) reject a relative hreflang.
            assert f'href="http://testserver{url_in(feed_language, "cooperation:feed")}"' in head


def test_feed_query_count_is_pinned_and_does_not_grow(
    client, seeded, django_assert_num_queries, make_data_tenfold
):
    # One of them reads the licence staff chose.
    with django_assert_num_queries(5):
        assert client.get(url_in("es", "cooperation:feed")).status_code == 200
    make_data_tenfold()
    with django_assert_num_queries(5):
        assert client.get(url_in("es", "cooperation:feed")).status_code == 200
