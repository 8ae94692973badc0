"""The site search: both engines (PostgreSQL full-text with its GIN indexes, SQLite fold),
what they find and leave out, and the results page."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone, translation

from common.pagination import OneQueryPaginator
from cooperation import models, search
from rosario_intl.postgresql.base import PREPARE_THRESHOLD
from tests import factories
from tests.helpers import url_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text indexes exist on PostgreSQL only"
)


def found(query: str) -> list[search.SearchResult]:
    """Every result of ``query`` (the seed's are far fewer than a hundred)."""
    return search.results_of(search.search_page(query, offset=0, limit=100))


def titles(results) -> list[str]:
    return [result.title for result in results]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("es", "cooperacion", "Programa de Cooperación Sur-Sur de Mercociudades"),
        ("es", "COOPERACIÓN", "Programa de Cooperación Sur-Sur de Mercociudades"),
        ("es", "residuos", "Cocreación de un modelo sostenible para la gestión metropolitana"),
        ("en", "waste", "Co-Creation of a Sustainable Model for Metropolitan Solid Waste"),
        ("en", "Turin", "Turin"),
        ("es", "discapacidad intelectual", "TRAMA, red para la inclusión sostenible"),
    ],
)
def test_search_finds_the_seed_examples(seeded, language, query, expected):
    with translation.override(language):
        results = found(query)
    assert any(title.startswith(expected) for title in titles(results)), titles(results)


def test_search_ranks_title_matches_first(seeded):
    with translation.override("es"):
        results = found("residuos")
    assert titles(results)[0].startswith("Cocreación de un modelo sostenible")


def test_search_of_spanish_text_on_the_english_side_finds_nothing_english_only(seeded):
    with translation.override("en"):
        assert found("residuos") == []


@pytest.mark.parametrize("query", ["", "zzzqqq", "'; DROP TABLE x; --", "ñ", "🙂", "a" * 200])
def test_odd_queries_give_an_empty_or_normal_result(seeded, query):
    with translation.override("es"):
        results = found(query)
    assert isinstance(results, list)


def test_search_leaves_out_drafts(db):
    factories.ProjectFactory(title_es="Murciélagos borrador", publication="draft")
    factories.ProjectFactory(title_es="Murciélagos publicado")
    with translation.override("es"):
        assert titles(found("murciélagos")) == ["Murciélagos publicado"]


def test_english_search_falls_back_to_spanish_text_where_english_is_missing(db):
    factories.ProjectFactory(title_es="Huerta comunitaria", title_en="", summary_en="")
    with translation.override("en"):
        assert titles(found("huerta")) == ["Huerta comunitaria"]


# The full-text search uses its GIN indexes (PostgreSQL), not a scan of every row.


@pytest.mark.parametrize(
    ("model", "language"),
    [
        (models.Project, "es"),
        (models.Project, "en"),
        (models.Program, "es"),
        (models.Partner, "en"),
    ],
)
@postgresql_only
def test_search_query_is_answered_from_the_gin_index(seeded, model, language):
    with translation.override(language):
        # Unordered, as each kind's part of the search's statement is (the UNION is ordered
        # by rank): a model's own order by primary key would tempt the planner to its index.
        queryset = search.search_postgresql(
            model.objects.all(), search.SEARCH_FIELDS[model], "residuos waste"
        ).order_by()
        with connection.cursor() as cursor:
            # Tiny tables favour a scan; forbid it to see whether the index can answer.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert f"{model._meta.db_table}_search_{language}" in plan, plan
    # Matched and ranked on the stored vector: no row's vector is computed at query time.
    assert "to_tsvector" not in plan, plan


@postgresql_only
def test_search_still_finds_with_the_index(seeded):
    with translation.override("es"):
        titles = [r.title for r in found("cooperacion")]
    assert any("Cooperación" in title for title in titles)


# The results page.


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("es", "cooperacion", "<mark>Cooperación</mark>"),
        ("es", "residuos", "<mark>residuos</mark>"),
        ("en", "waste", "<mark>Waste</mark>"),
    ],
)
def test_search_page_highlights_matches(client, seeded, language, query, expected):
    response = client.get(url_in(language, "cooperation:search"), {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\x00",
        "a\x00b",
        "x" * 20000,
        "🙂🙃",
        "Ω≈ç√∫",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
    ],
)
def test_search_page_survives_odd_queries(client, seeded, query):
    response = client.get(url_in("es", "cooperation:search"), {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_results_are_typed_with_their_kind_and_address(db):
    project = factories.ProjectFactory(title_es="Huerta comunitaria")
    with translation.override("es"):
        (result,) = found("huerta")
    assert (result.title, result.url) == ("Huerta comunitaria", project.get_absolute_url())
    assert str(result.kind) == "proyecto"


@pytest.mark.parametrize("language", ["es", "en"])
def test_each_result_s_address_is_its_entry_s_in_the_language(db, language):
    # The project has no English slug: its English address keeps the Spanish one.
    entries = [
        factories.ProgramFactory(title_es="Zorzal del monte", title_en="Zorzal of the woods"),
        factories.ProjectFactory(title_es="Zorzal comunitario", title_en="", slug_en=None),
        factories.PartnerFactory(name_es="Red Zorzal", name_en="Zorzal Network"),
    ]
    with translation.override(language):
        urls = {result.url for result in found("zorzal")}
        assert urls == {entry.get_absolute_url() for entry in entries}
    projects = {"es": "/es/proyectos/", "en": "/en/projects/"}[language]
    assert f"{projects}{entries[1].slug_es}/" in urls


def test_a_result_s_address_follows_the_script_prefix(db):
    """The part of the addresses around the slug is found once per language, prefix and URL
    configuration: a site served under a path gets its own."""
    from django.test.utils import override_script_prefix

    project = factories.ProjectFactory(title_es="Zorzal comunitario")
    with translation.override("es"):
        assert [result.url for result in found("zorzal")] == [f"/es/proyectos/{project.slug_es}/"]
        with override_script_prefix("/portal/"):
            assert [result.url for result in found("zorzal")] == [project.get_absolute_url()]
            assert project.get_absolute_url().startswith("/portal/es/")


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_search_reads_only_what_its_results_show(seeded, language):
    """One statement, whose columns are a result's: no body, and on PostgreSQL not the
    stored vector (it is matched and ranked in the database, never read into Python)."""
    columns = []

    def record_columns(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        columns.append(sorted(column[0] for column in context["cursor"].description))
        return result

    query = {"es": "residuos", "en": "waste"}[language]
    with translation.override(language), connection.execute_wrapper(record_columns):
        assert found(query)
    shown = ["rank", "result_kind", "pk", "result_title", "result_summary", "result_slug"]
    assert columns == [sorted([*shown, OneQueryPaginator.TOTAL])]


# When nothing is found: links to the lists, and on PostgreSQL "Did you mean…?".

trigram_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="suggestions use pg_trgm, on PostgreSQL only"
)


@pytest.mark.parametrize("language", ["es", "en"])
def test_an_empty_result_links_the_lists(client, seeded, language):
    import lxml.html

    response = client.get(url_in(language, "cooperation:search") + "?q=zzzqqq")
    assert response.context["results"] == []
    links = lxml.html.fromstring(response.content).xpath("//main//p/a/@href")
    for name in ("program_list", "project_list", "partner_list"):
        assert url_in(language, f"cooperation:{name}") in links


@trigram_only
@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("es", "resiudos", "residuos"),
        ("es", "gestion de resiudos", "gestion de residuos"),
        ("en", "wasste managment", "waste management"),
        ("es", "mercociudaes", "mercociudades"),
    ],
)
def test_a_misspelling_gets_a_suggestion(seeded, language, query, expected):
    with translation.override(language):
        assert found(query) == []
        suggestion = search.suggest(query=query)
        assert suggestion == expected
        # What it suggests finds something.
        assert found(suggestion)


@trigram_only
def test_the_suggestion_is_a_link_to_its_search(client, seeded, django_assert_num_queries):
    import lxml.html

    # One query more than a search with results: the titles nearest to the query.
    with django_assert_num_queries(4):
        response = client.get("/es/buscar/?q=resiudos")
    link = lxml.html.fromstring(response.content).xpath('//p[@class="suggestion"]/a')[0]
    assert link.text == "residuos"
    assert link.get("href") == "/es/buscar/?q=residuos"
    assert "¿Quisiste decir" in response.content.decode()


@trigram_only
def test_no_suggestion_for_a_query_like_nothing_published(seeded):
    with translation.override("es"):
        assert search.suggest(query="zzzqqq") == ""
        # Drafts lend no words.
        factories.ProjectFactory(
            title_es="Xilofonía urbana", publication=models.PublicationStatus.DRAFT
        )
        assert "xilofon" not in search.suggest(query="xilofonai")


def test_sqlite_offers_no_suggestion_and_no_extra_query(client, seeded, django_assert_num_queries):
    if connection.vendor == "postgresql":
        pytest.skip("the SQLite engine's behaviour")
    assert search.suggest(query="resiudos") == ""
    with django_assert_num_queries(3):
        response = client.get("/es/buscar/?q=resiudos")
    assert "suggestion" not in response.content.decode()


def test_similarity_is_pg_trgm_s_measure():
    assert search.similarity("word", "word") == 1
    assert search.similarity("resiudos", "residuos") > search.similarity("resiudos", "recursos")
    # pg_trgm: similarity('word', 'two words') on the single words is 4/7.
    assert round(search.similarity("word", "words"), 3) == round(4 / 7, 3)


# On PostgreSQL the search and the suggestion are compiled once per language
# (common/compiled.py): each search gives what the ORM's own statement gives.

SEARCHES = {
    "es": ["residuos", "gestión residuos", "cooperacion", "Turín", "zzzqqq", "'; DROP", "ñ"],
    "en": ["waste", "city network", "Turin", "residuos", "zzzqqq"],
}


@postgresql_only
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_compiled_search_gives_what_the_orm_gives(seeded, language):
    now = timezone.now()
    with translation.override(language):
        for query in SEARCHES[language]:
            # The ORM's matches, ordered here as the statement orders them, each with the total.
            matches = list(search.matches(query, search.search_postgresql, now=now))
            matches.sort(key=lambda row: (-row["rank"], row["result_kind"], row["pk"]))
            expected = [{**row, OneQueryPaginator.TOTAL: len(matches)} for row in matches]
            compiled = search.COMPILED.rows(language, query=query, now=now, limit=100)
            assert compiled == expected, query
            likes = search.COMPILED_SUGGESTION.rows(language, query=query, now=now)
            assert likes == list(search.suggestion_candidates(query, now=now))


@postgresql_only
def test_the_search_is_prepared_and_its_generic_plan_makes_the_query_once(seeded):
    """Past psycopg's threshold the search runs as a prepared statement, whose generic plan
    must still give the same rows, and make the visitor's ``tsquery`` once (an InitPlan per
    kind) rather than for every row (rosario_intl/postgresql, ``search.SearchQueryOnce``)."""
    now = timezone.now()
    with translation.override("es"):
        first = search.COMPILED.rows("es", query="residuos", now=now, limit=24)
        assert first
        for _ in range(PREPARE_THRESHOLD + 3):
            assert search.COMPILED.rows("es", query="residuos", now=now, limit=24) == first
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%paginator_total%websearch_to_tsquery%"],
        )
        names = [row[0] for row in cursor.fetchall()]
        assert len(names) == 1, names
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        _sql, params = search.COMPILED.statement("es", query="residuos", now=now)
        params += [24, 0]  # the slice rows() adds
        cursor.execute(f"EXPLAIN EXECUTE {names[0]}({', '.join(['%s'] * len(params))})", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Each kind's match tests a value an InitPlan returns, made once per run; never the
    # function itself, which would run for every row.
    made_once = set(re.findall(r"InitPlan \d+ \(returns (\$\d+)\)", plan))
    tested = re.findall(r"search_es @@ (\$\d+)", plan)
    assert len(tested) == 3 and set(tested) <= made_once, plan
    assert "websearch_to_tsquery" not in plan, plan


@postgresql_only
def test_the_compiled_search_asks_at_each_searchs_moment(seeded):
    soon = timezone.now() + timedelta(hours=1)
    factories.ProjectFactory(title_es="Murciélagos programados", publish_at=soon)
    with translation.override("es"):
        assert found("murciélagos") == []  # compiled at this moment
        later = search.COMPILED.rows("es", query="murciélagos", now=soon + timedelta(minutes=1))
    assert [row["result_title"] for row in later] == ["Murciélagos programados"]


# A page at a time, with the number of matches in all: both engines.


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_search_is_read_a_page_at_a_time_with_its_total(db, language):
    for number in range(7):
        factories.ProjectFactory(title_es=f"Zorzal {number}", title_en=f"Zorzal {number}")
    factories.PartnerFactory(name_es="Red Zorzal", name_en="Zorzal Network")
    factories.ProjectFactory(title_es="Zorzal borrador", publication="draft")
    with translation.override(language):
        whole = search.search_page("zorzal", offset=0, limit=100)
        pages = [search.search_page("zorzal", offset=offset, limit=3) for offset in (0, 3, 6)]
        assert search.search_page("zorzal", offset=9, limit=3) == []
    assert {row[OneQueryPaginator.TOTAL] for row in whole} == {8}
    assert [row for page in pages for row in page] == whole
    assert [len(page) for page in pages] == [3, 3, 2]
    # Best first, then by kind and creation: the order a page is cut from.
    order = [(-row["rank"], row["result_kind"], row["pk"]) for row in whole]
    assert order == sorted(order)


def test_the_results_page_counts_every_match_and_shows_a_page_of_them(client, db):
    import lxml.html

    for number in range(30):
        factories.ProjectFactory(title_es=f"Zorzal {number}")

    def page(query: str):
        response = client.get(f"/es/buscar/?q=zorzal{query}")
        return response, lxml.html.fromstring(response.content)

    _first, tree = page("")
    # Every match counted, not only those shown.
    count = tree.xpath('normalize-space(//p[@class="result-count"])')
    assert count == "30 resultados para «zorzal»"
    shown = [a.text_content() for a in tree.xpath('//ol[@class="search-results"]/li//h2/a')]
    assert len(shown) == 24
    assert tree.xpath('//a[@rel="next"]/@href') == ["?q=zorzal&page=2"]
    second, tree = page("&page=2")
    rest = [a.text_content() for a in tree.xpath('//ol[@class="search-results"]/li//h2/a')]
    # The second page goes on where the first stopped, numbered on from it.
    assert sorted(shown + rest) == sorted(f"Zorzal {number}" for number in range(30))
    assert tree.xpath('//ol[@class="search-results"]/@start') == ["25"]
    assert tree.xpath("string(//title)").startswith("Búsqueda: zorzal · Página 2 · ")
    assert tree.xpath('//a[@rel="prev"]/@href') == ["/es/buscar/?q=zorzal"]
    assert page("&page=last")[0].content == second.content
    # Past the last page, or not a page: no such page, in the visitor's language.
    assert page("&page=3")[0].status_code == 404
    assert page("&page=dos")[0].status_code == 404
