"""The site search: published programs, projects and partners matching the visitor's words.

Two engines, one per database. PostgreSQL: full-text search with the language's stemmer,
accents ignored, ranked, on stored vectors with GIN indexes (migration 0008). SQLite:
every word found somewhere, accents and case ignored (``db.Fold``), title hits first.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Model, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone

from common.compiled import CompiledQuery, fetch
from common.pagination import OneQueryPaginator

from .db import SEARCH_CONFIGS, WORD, Fold, fold, search_vector_sql
from .i18n import active_language, localized_text
from .models import Partner, Program, Project

# A title word at least this similar to a word of the query (pg_trgm's measure, 0 to 1) may
# be offered in its place; pg_trgm's own default threshold.
SUGGESTION_THRESHOLD = 0.3
# The titles most like the query that the suggestion picks its words from.
SUGGESTION_CANDIDATES = 5
# The fields searched, per model: the first is the result's title, the second its summary.
SEARCH_FIELDS = {
    Program: ("title", "summary", "body"),
    Project: ("title", "summary", "body"),
    Partner: ("name", "description", "acronym"),
}


class SearchQueryOnce(SearchQuery):
    """The visitor's words as a ``tsquery``, made once per run of the statement: a scalar
    subquery, which PostgreSQL evaluates once (an InitPlan). A prepared statement's generic
    plan cannot fold ``websearch_to_tsquery($1)`` into a constant as a one-off plan does, and
    would call it for every row it matches and ranks."""

    template = "(SELECT %(function)s(%(expressions)s))"


@dataclass(frozen=True)
class SearchResult:
    """One match, as the results page shows it."""

    kind: str
    title: str
    summary: str
    url: str
    rank: float


def search_postgresql(queryset: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
    """``queryset`` narrowed to the full-text matches of ``query``, each with its ``rank``.

    ``fields`` are those of the stored vector; they are listed for the SQLite engine's sake.
    The vector is an alias, not an annotation: it is matched and ranked in the database, never
    read into Python.
    """
    language = active_language()
    sql = search_vector_sql(queryset.model._meta.db_table, language)
    vector = RawSQL(sql, [], output_field=SearchVectorField())
    search_query = SearchQueryOnce(query, config=SEARCH_CONFIGS[language], search_type="websearch")
    return (
        queryset.alias(search=vector)
        .filter(search=search_query)
        .annotate(rank=SearchRank(F("search"), search_query))
    )


def search_sqlite(queryset: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
    """Every word of the query, accent- and case-insensitively, in some field, each match
    with its ``rank``."""
    annotations = {f"folded_{field}": Fold(localized_text(field)) for field in fields}
    queryset = queryset.alias(**annotations)
    terms = fold(query).split()
    for term in terms:
        match = Q()
        for field in fields:
            match |= Q(**{f"folded_{field}__contains": term})
        queryset = queryset.filter(match)
    # Rank: entries whose title (first field) holds a term come first.
    title_hits = sum(
        (Case(When(**{f"folded_{fields[0]}__contains": t}, then=1), default=0) for t in terms),
        Value(0),
    )
    return queryset.annotate(rank=title_hits)


def search_page(query: str, *, offset: int, limit: int) -> list[dict]:
    """A page of the published programs, projects and partners matching ``query``, best
    first: ``limit`` rows from ``offset``, each carrying the number of matches in all
    (``OneQueryPaginator.TOTAL``); none for an empty query. ``results_of`` makes results of
    them.

    One statement: the three kinds' matches in a UNION, counted, ordered and cut in the
    database, with only the columns a result shows (in the active language, or Spanish where
    it has none). Equal ranks keep the order of ``SEARCH_FIELDS``, then that of creation
    (``pk``). On PostgreSQL the statement is built and compiled once per language
    (``COMPILED``): only the query, the moment and the slice change between searches.
    """
    if not query:
        return []
    if connection.vendor == "postgresql":
        language = active_language()
        return COMPILED.rows(language, query=query, now=timezone.now(), limit=limit, offset=offset)
    sql, params = matches(query, search_sqlite).query.sql_with_params()
    return fetch(connection, PAGE.format(sql), params, limit=limit, offset=offset)


def results_of(rows: list[dict]) -> list[SearchResult]:
    """The results of a page's rows (``search_page``), as the results page shows them."""
    addresses = {}
    results = []
    kinds = list(SEARCH_FIELDS)
    for row in rows:
        model = kinds[row["result_kind"]]
        if model not in addresses:
            addresses[model] = address_of(model)
        results.append(
            SearchResult(
                kind=model._meta.verbose_name,
                title=row["result_title"],
                summary=row["result_summary"] or "",  # translation columns may be NULL
                url=addresses[model](row["result_slug"]),
                rank=row["rank"],
            )
        )
    return results


def matches(query: str, search, *, now=None) -> QuerySet:
    """The matches of ``search_page``, unordered: each kind's matches by ``search`` (an engine
    above), published at ``now`` (the present by default), as rows of their rank, kind (an
    index of ``SEARCH_FIELDS``), pk, title, summary and slug, in one UNION."""
    kinds = [
        search(model.objects.published(now=now), fields, query)
        .annotate(
            # Typed in the SQL: the compiled statement's rows skip the ORM's conversions.
            result_kind=Cast(Value(index), IntegerField()),
            result_title=localized_text(fields[0]),
            result_summary=localized_text(fields[1]),
            result_slug=localized_text("slug"),
        )
        .values("rank", "result_kind", "pk", "result_title", "result_summary", "result_slug")
        .order_by()
        for index, (model, fields) in enumerate(SEARCH_FIELDS.items())
    ]
    return kinds[0].union(*kinds[1:], all=True)


# The matches counted and ordered as a whole: a window and an order over a UNION, which the
# ORM does not write. The count is taken before the page's LIMIT.
PAGE = (
    f"SELECT *, COUNT(*) OVER () AS {OneQueryPaginator.TOTAL} FROM ({{}}) AS matches "
    "ORDER BY rank DESC, result_kind, pk"
)

# The PostgreSQL search's statement, compiled once per language (keyed on it).
COMPILED = CompiledQuery(lambda query, now: matches(query, search_postgresql, now=now), around=PAGE)


# A slug needs no quoting in an address (a SlugField holds letters, digits, "-" and "_"), so
# one reverse() per kind and language gives every result's address: a reverse() per result
# would cost about as much as the whole search.
SLUG_PLACEHOLDER = "0slug0"


def address_of(model: type[Model]) -> Callable[[str], str]:
    """The address of an entry of ``model`` in the active language, from its slug, as its
    ``get_absolute_url()`` gives it."""
    prefix, suffix = _address_parts(model, active_language(), get_script_prefix(), get_urlconf())
    return lambda slug: f"{prefix}{slug}{suffix}"


@functools.cache
def _address_parts(model: type[Model], language: str, script_prefix: str, urlconf) -> tuple:
    """What comes before and after the slug in the addresses of ``model``'s entries, in
    ``language`` (active), under ``script_prefix`` and ``urlconf`` (``None``: the settings'),
    found once: making an entry to ask it costs more than the rest of ``results_of``."""
    address = model(slug=SLUG_PLACEHOLDER).get_absolute_url()
    prefix, _placeholder, suffix = address.partition(SLUG_PLACEHOLDER)
    return prefix, suffix


# "Did you mean…?": on PostgreSQL, the words of published titles and names nearest to a
# misspelt query (pg_trgm, migration 0016). SQLite offers no suggestion.


def _trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word: lower case, two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity()`` of two words, accents ignored as the search ignores them."""
    first, second = _trigrams(fold(a)), _trigrams(fold(b))
    return len(first & second) / len(first | second) if first and second else 0.0


def suggest(*, query: str) -> str:
    """The query with each misspelt word replaced by the nearest word of a published title or
    partner name in the active language, or "" when there is none to offer (or on SQLite).

    One query (compiled once per language, as the search's): the few titles most like the
    query (``word_similarity``); the words are then compared one by one here.
    """
    if not query or connection.vendor != "postgresql":
        return ""
    rows = COMPILED_SUGGESTION.rows(active_language(), query=query, now=timezone.now())
    alike = [row for row in rows if row["likeness"] >= SUGGESTION_THRESHOLD]
    titles = sorted(alike, key=lambda row: row["likeness"], reverse=True)[:SUGGESTION_CANDIDATES]
    words = {word.lower() for title in titles for word in WORD.findall(title["text"])}
    suggestion = []
    for term in query.split():
        likeness, best = max(((similarity(term, word), word) for word in words), default=(0, ""))
        close = likeness >= SUGGESTION_THRESHOLD
        suggestion.append(best if close and fold(best) != fold(term) else term)
    suggested = " ".join(suggestion)
    return suggested if suggested != query else ""


def suggestion_candidates(query: str, *, now=None) -> QuerySet:
    """The statement of ``suggest``: of each kind, the published titles (or names) most like
    ``query``, at most ``SUGGESTION_CANDIDATES`` distinct ones, best first within their kind,
    as rows of their text and likeness (``word_similarity``).

    Each likeness is computed once, in the list the kind is ordered and cut by; the threshold
    is applied by ``suggest``. Filtering on it in the statement computed it twice for every
    title, and the union then set apart distinct rows among all of them: a misspelt search
    on a thousand projects spent 23 ms in PostgreSQL here, for five titles.
    """
    sources = [
        (Program.objects.published(now=now), "title"),
        (Project.objects.published(now=now), "title"),
        (Partner.objects.published(now=now), "name"),
    ]
    candidates = [
        queryset.annotate(
            text=localized_text(field), likeness=TrigramWordSimilarity(query, localized_text(field))
        )
        .values("text", "likeness")
        .distinct()
        .order_by("-likeness", "text")[:SUGGESTION_CANDIDATES]
        for queryset, field in sources
    ]
    return candidates[0].union(*candidates[1:], all=True)


COMPILED_SUGGESTION = CompiledQuery(suggestion_candidates)
