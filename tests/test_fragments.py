"""Per-entry fragments (cooperation/fragments.py, the ``{% card %}`` tag): a card is rendered
once per content version, language and code, and an edit still shows at once everywhere."""

import re
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation

from cooperation import fragments, models
from cooperation.models import CooperationStatus, PublicationStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]

# The pages that show a program's card (the page cache off: each request renders its page,
# so what is tested is the fragments, not the page cache's own invalidation).
PROGRAM_CARD_PAGES = ["/es/", "/es/programas/", "/es/programas/?q=pacto"]


@pytest.fixture
def uncached():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield Client()


def card_keys_in_cache() -> list[str]:
    return [key for key in cache._cache if key.startswith(":1:card:")]  # locmem's own keys


def idents(entries) -> list[tuple[str, int]]:
    return [(entry.entry_kind, entry.pk) for entry in entries]


def pacto():
    return models.Program.objects.get(slug_es="pacto-global")


def test_cards_are_kept_and_reused(seeded, uncached):
    uncached.get("/es/programas/")
    assert card_keys_in_cache()
    # The second render reads every card from the cache: it renders none.
    counting = mock.Mock(wraps=fragments.get_template(fragments.CARD_TEMPLATE))
    with mock.patch.object(fragments, "get_template", return_value=counting):
        content = uncached.get("/es/programas/").content.decode()
    assert "Pacto Global" in content
    assert counting.render.call_count == 0


@pytest.mark.parametrize("path", PROGRAM_CARD_PAGES)
def test_a_title_edit_shows_at_once_on_every_page_with_the_card(seeded, uncached, path):
    assert "Pacto Global" in uncached.get(path).content.decode()
    program = pacto()
    program.title_es = "Pacto Global (título nuevo)"
    program.save()
    assert "Pacto Global (título nuevo)" in uncached.get(path).content.decode()


def test_a_status_edit_shows_at_once(seeded, uncached):
    program = pacto()
    program.status, program.keep_status = CooperationStatus.PLANNED, True
    program.save()
    assert "status-planned" in uncached.get("/es/programas/?q=pacto").content.decode()
    program.status = CooperationStatus.COMPLETED
    program.save()
    content = uncached.get("/es/programas/?q=pacto").content.decode()
    assert "status-completed" in content
    assert "status-planned" not in content


def test_each_language_has_its_own_cards_and_a_translation_edit_shows(seeded, uncached):
    assert "Global Compact" in uncached.get("/en/programs/").content.decode()
    assert "Pacto Global" in uncached.get("/es/programas/").content.decode()
    keys = card_keys_in_cache()
    assert any(":es:" in key for key in keys)
    assert any(":en:" in key for key in keys)
    program = pacto()
    program.title_en = "Global Compact, edited"
    program.save()
    assert "Global Compact, edited" in uncached.get("/en/programs/").content.decode()
    assert "Global Compact, edited" not in uncached.get("/es/programas/").content.decode()


def test_a_draft_never_appears(seeded, uncached):
    assert "Pacto Global" in uncached.get("/es/programas/").content.decode()
    program = pacto()
    program.publication = PublicationStatus.DRAFT
    program.save()
    for path in PROGRAM_CARD_PAGES:
        assert f'href="{program.get_absolute_url()}"' not in uncached.get(path).content.decode()


def test_the_page_cache_version_is_the_fragments_and_no_query_is_added(
    seeded, django_assert_num_queries
):
    # With the page cache on (as in production), a miss's cards key on the version it read.
    client = Client()
    client.get("/es/programas/")
    program = pacto()
    program.title_es = "Pacto Global (otra vez)"
    program.save()
    with django_assert_num_queries(8):  # as pinned in test_views.py
        content = client.get("/es/programas/").content.decode()
    assert "Pacto Global (otra vez)" in content


def test_a_stored_card_is_used_until_version_or_code_changes(seeded):
    entries = list(models.Program.objects.published().filter(slug_es="pacto-global"))
    options = {"page": "test", "level": 2, "with_relations": False}
    version = models.ContentVersion.objects.get().version
    request = SimpleNamespace(content_version=version)
    with translation.override("es"):
        fragments.render_cards(entries, request=request, **options)
        keys = fragments.card_keys(idents(entries), version=version, **options)
        cache.set_many(dict.fromkeys(keys.values(), "STALE"))
        assert set(fragments.render_cards(entries, request=request, **options).values()) == {
            "STALE"
        }
        # A template edited (development) or another release: another fingerprint.
        with (
            override_settings(DEBUG=True),
            mock.patch("rosario_intl.page_cache.code_fingerprint", return_value="edited"),
        ):
            cards = fragments.render_cards(entries, request=request, **options)
        assert "Pacto Global" in next(iter(cards.values()))
        # Another version (any save).
        request.content_version = version + 1
        cards = fragments.render_cards(entries, request=request, **options)
        assert "Pacto Global" in next(iter(cards.values()))
        # A preview never uses the cache.
        request.content_version = version
        cards = fragments.render_cards(entries, request=request, use_cache=False, **options)
        assert "Pacto Global" in next(iter(cards.values()))


def test_the_card_tag_renders_an_entry_missing_from_the_list_named(seeded):
    from django.template import Context, Template

    program = pacto()
    template = Template("{% load cooperation %}{% card program in others level=3 %}")
    with translation.override("es"):
        html = template.render(Context({"program": program, "others": []}))
    assert "<h3" in html
    assert "Pacto Global" in html


# The directory filters: choices and options kept per version and language -----------------

DIRECTORY_PAGES = ["/es/proyectos/", "/es/programas/?status=active", "/es/proyectos/?sdg=11"]


def test_a_partner_rename_shows_at_once_in_every_directory_filter(seeded, uncached):
    for path in DIRECTORY_PAGES:
        assert '<option value="turin">Turín</option>' in uncached.get(path).content.decode()
    partner = models.Partner.objects.get(slug_es="turin")
    partner.name_es = "Turín (Città di Torino)"
    partner.save()
    for path in DIRECTORY_PAGES:
        content = uncached.get(path).content.decode()
        assert '<option value="turin">Turín (Città di Torino)</option>' in content
    # The other language's options are its own.
    assert '<option value="turin">Turin</option>' in uncached.get("/en/projects/").content.decode()


def test_a_new_theme_and_a_new_slug_show_at_once_in_the_filters_and_the_language_switch(
    seeded, uncached
):
    uncached.get("/es/proyectos/")
    models.Theme.objects.create(name_es="Tema nuevo", slug_es="tema-nuevo", name_en="New theme")
    assert '<option value="tema-nuevo">Tema nuevo</option>' in (
        uncached.get("/es/proyectos/").content.decode()
    )
    theme = models.Theme.objects.get(slug_es="gestion-de-residuos")
    theme.slug_en = "waste"
    theme.save()
    content = uncached.get("/es/proyectos/?theme=gestion-de-residuos").content.decode()
    assert 'href="/en/projects/?theme=waste" hreflang="en"' in content


def test_the_chosen_filters_are_selected_in_the_kept_options(seeded, uncached):
    uncached.get("/es/proyectos/")
    content = uncached.get("/es/proyectos/?theme=gestion-de-residuos&status=").content.decode()
    assert '<option value="gestion-de-residuos" selected>' in content
    # "Any" of the status, asked for with an empty value, as a template comparison would.
    assert content.count('<option value="" selected>') == 1
    assert content.count(" selected>") == 2
    # The options kept are those of no choice: the next request starts from nothing chosen.
    assert " selected>" not in uncached.get("/es/proyectos/?year=2020").content.decode()


def test_a_contact_edit_shows_at_once_on_every_page(seeded, uncached):
    pages = ["/es/", "/es/proyectos/", "/es/programas/pacto-global/", "/en/partners/turin/"]
    for path in pages:
        assert "0341 555-0199" not in uncached.get(path).content.decode()
    contact = models.ContactSettings.load()
    contact.phone = "0341 555-0199"
    contact.save()
    for path in pages:
        assert "0341 555-0199" in uncached.get(path).content.decode()


# The header and the footer: {% fragment %}, with what depends on the request outside ------


def test_the_navigation_marks_each_page_even_when_kept(seeded, uncached):
    uncached.get("/es/programas/")
    content = uncached.get("/es/proyectos/").content.decode()
    assert '<a href="/es/proyectos/" aria-current="page">' in content
    assert '<a href="/es/programas/" aria-current' not in content


def test_the_search_box_and_the_language_switch_are_the_requests_own(seeded, uncached):
    uncached.get("/es/buscar/?q=residuos")
    content = uncached.get("/es/buscar/?q=agua").content.decode()
    assert 'name="q" value="agua"' in content
    assert 'class="language-switch" href="/en/search/?q=agua"' in content


def test_a_fragment_holds_the_header_and_footer_once_per_version(seeded, uncached):
    uncached.get("/es/")
    stored = [key for key in cache._cache if ":fragment:" in key]
    assert any("includes/header.html:top" in key for key in stored)
    assert any("includes/footer.html:links" in key for key in stored)
    # Kept: the next page renders neither (the nav varies by page, so it is rendered once).
    with mock.patch.object(fragments, "_set_many", wraps=fragments._set_many) as stored_again:
        uncached.get("/es/")
    assert not stored_again.called


def test_a_preview_never_reads_or_writes_a_fragment(seeded):
    from django.template import Context, Template

    template = Template('{% load cooperation %}{% fragment "x" %}{{ text }}{% endfragment %}')
    request = SimpleNamespace(content_version=1)
    with translation.override("es"):
        assert template.render(Context({"request": request, "text": "a"})) == "a"
        assert template.render(Context({"request": request, "text": "b"})) == "a"  # kept
        context = Context({"request": request, "text": "c", "preview": True})
        assert template.render(context) == "c"
        # Another version: rendered afresh.
        request.content_version = 2
        assert template.render(Context({"request": request, "text": "d"})) == "d"


def test_with_a_shared_cache_the_worker_keeps_its_own_copy(seeded, settings):
    # Any cache other than locmem is shared (Redis in production); DummyCache keeps nothing,
    # so what is found again was this worker's copy.
    settings.CACHES = {
        **settings.CACHES,
        "fragments-test": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.PAGE_CACHE_ALIAS = "fragments-test"
    fragments.FRAGMENTS.clear_local()
    request = SimpleNamespace(content_version=1)
    build = mock.Mock(return_value="built")
    with translation.override("es"):
        assert fragments.cached(request, "test", build) == "built"
        assert fragments.cached(request, "test", build) == "built"
    assert build.call_count == 1
    fragments.FRAGMENTS.clear_local()


def test_a_partner_rename_shows_at_once_in_the_homes_ways_of_collaborating(seeded, uncached):
    assert ">Turín</a>" in uncached.get("/es/").content.decode()
    partner = models.Partner.objects.get(slug_es="turin")
    partner.name_es = "Turín (Città di Torino)"
    partner.save()
    assert ">Turín (Città di Torino)</a>" in uncached.get("/es/").content.decode()


def test_while_developing_the_code_is_fingerprinted_once_per_request(seeded, settings):
    settings.DEBUG = True
    settings.PAGE_CACHE_ENABLED = False
    client = Client()
    client.get("/es/")  # the middleware takes one at start-up
    with mock.patch("rosario_intl.page_cache.code_fingerprint", return_value="dev") as taken:
        client.get("/es/proyectos/")  # cards, filters, header, footer, contact
    assert taken.call_count == 1


# A page's data (its selector's result) and its body are kept too, per version and language:
# a page seen again without the page cache (staff signed in, whom it steps aside for, or a
# request it does not keep) reads only the version. Every edit still shows at once.
KEPT_PAGES = [
    "/es/",
    "/en/",
    "/es/programas/pacto-global/",
    "/es/proyectos/trama/",
    "/en/projects/trama/",
    "/es/socios/turin/",
    "/es/socios/mercociudades/",
]


@pytest.mark.parametrize("path", KEPT_PAGES)
def test_a_page_seen_again_in_a_version_reads_only_the_version(
    seeded, uncached, django_assert_num_queries, path
):
    first = uncached.get(path)
    with django_assert_num_queries(1):
        again = uncached.get(path)
    assert again.status_code == first.status_code == 200
    assert again.content == first.content


def participant_of_trama() -> models.Partner:
    return models.Participation.objects.filter(project__slug_es="trama").first().partner


def test_a_participants_rename_shows_at_once_on_a_kept_project_page(seeded, uncached):
    partner = participant_of_trama()
    assert partner.name_es in uncached.get("/es/proyectos/trama/").content.decode()
    partner.name_es = "Organización con nombre nuevo"
    partner.save()
    assert "Organización con nombre nuevo" in uncached.get("/es/proyectos/trama/").content.decode()


def test_a_milestone_added_shows_at_once_on_a_kept_program_page(seeded, uncached):
    uncached.get("/es/programas/pacto-global/")
    models.Milestone.objects.create(
        program=pacto(), title_es="Hito recién cargado", date="2024-05-01"
    )
    content = uncached.get("/es/programas/pacto-global/").content.decode()
    assert "Hito recién cargado" in content


def test_an_unpublished_entry_leaves_its_kept_page_at_once(seeded, uncached):
    assert uncached.get("/es/programas/pacto-global/").status_code == 200
    program = pacto()
    program.publication = PublicationStatus.DRAFT
    program.save()
    assert uncached.get("/es/programas/pacto-global/").status_code == 404


def test_a_section_edit_shows_at_once_on_the_kept_home(seeded, uncached):
    uncached.get("/es/")
    section = models.SectionText.load()
    section.introduction_es = "Una introducción recién escrita."
    section.save()
    assert "Una introducción recién escrita." in uncached.get("/es/").content.decode()


def test_an_unknown_address_keeps_nothing(seeded, uncached):
    before = set(cache._cache)
    assert uncached.get("/es/proyectos/no-existe/").status_code == 404
    assert not [key for key in set(cache._cache) - before if ":page:" in key]


def published_programs():
    return models.Program.objects.published().order_by("pk")


def test_a_list_of_keys_reads_only_the_entries_of_cards_not_kept(seeded):
    pks = list(published_programs().values_list("pk", flat=True))
    request = SimpleNamespace(content_version=models.ContentVersion.objects.get().version)
    load = mock.Mock(side_effect=lambda wanted: published_programs().filter(pk__in=wanted))
    options = {"load": load, "request": request, "page": "test"}
    with translation.override("es"):
        first = fragments.cards_of(models.Program, pks[:2], **options)
        assert load.call_args.args == (pks[:2],)
        again = fragments.cards_of(models.Program, list(reversed(pks[:3])), **options)
    assert load.call_count == 2
    assert load.call_args.args == ([pks[2]],)  # only the card not kept
    assert again[1:] == list(reversed(first))  # in the order asked for
    assert all('class="card card--program"' in card for card in again)


def test_an_entry_gone_between_the_two_reads_has_no_card(seeded):
    pks = list(published_programs().values_list("pk", flat=True))[:3]
    request = SimpleNamespace(content_version=models.ContentVersion.objects.get().version)
    with translation.override("es"):
        cards = fragments.cards_of(
            models.Program,
            pks,
            load=lambda wanted: published_programs().filter(pk__in=wanted[1:]),
            request=request,
            page="test",
        )
    assert len(cards) == 2


def test_a_long_name_is_kept_under_a_short_key_of_its_own(seeded):
    request = SimpleNamespace(content_version=models.ContentVersion.objects.get().version)
    long_name, other = "page:project:" + "a" * 5000, "page:project:" + "a" * 4999 + "b"
    with translation.override("es"):
        assert fragments.cached(request, long_name, lambda: "one") == "one"
        assert fragments.cached(request, other, lambda: "two") == "two"  # not the first's
        assert fragments.cached(request, long_name, lambda: "built again") == "one"  # kept
    assert max(len(key) for key in cache._cache) < 250  # memcached's limit


def test_the_partner_list_is_kept_per_page_and_a_rename_shows_at_once(
    seeded, uncached, django_assert_num_queries, make_data_tenfold
):
    make_data_tenfold()  # more partners than a page holds
    first, second = uncached.get("/es/socios/"), uncached.get("/es/socios/?page=2")

    def partners(response) -> str:
        return response.content.decode().split('<ul class="partner-list">', 1)[1]

    assert partners(first) != partners(second)
    # Seen again: the version, the contact settings' fragment kept, and the total for the
    # page links; not the page's partners.
    with django_assert_num_queries(2):
        assert uncached.get("/es/socios/").content == first.content
    assert uncached.get("/es/socios/?page=2").content == second.content
    # A partner of the second page, renamed: that page shows it at once.
    slug = re.search(r'href="/es/socios/([^/"]+)/"', partners(second))[1]
    partner = models.Partner.objects.get(slug_es=slug)
    partner.name_es = f"{partner.name_es} (nombre nuevo)"
    partner.save()
    assert f"{partner.name_es}</a>" in uncached.get("/es/socios/?page=2").content.decode()
