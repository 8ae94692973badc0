"""The site search: published programs, projects and partners matching the visitor's words.

Two engines, one per database. PostgreSQL: full-text search with the language's stemmer,
accents ignored, ranked, on stored vectors with GIN indexes (migration 0008). SQLite:
every word found somewhere, accents and case ignored (``db.Fold``), title hits first.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, Model, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from .db import SEARCH_CONFIGS, WORD, Fold, fold, search_vector_sql
from .i18n import active_language, localized_text
from .models import Partner, Program, Project

SEARCH_LIMIT = 50
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


@dataclass(frozen=True)
class SearchResult:
    """One match, as the results page shows it."""

    kind: str
    title: str
    summary: str
    url: str
    rank: float
    obj: Model


def search_postgresql(queryset: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
    """``queryset`` narrowed to the full-text matches of ``query``, best first (``rank``).

    ``fields`` are those of the stored vector; they are listed for the SQLite engine's sake.
    """
    language = active_language()
    sql = search_vector_sql(queryset.model._meta.db_table, language)
    vector = RawSQL(sql, [], output_field=SearchVectorField())
    search_query = SearchQuery(query, config=SEARCH_CONFIGS[language], search_type="websearch")
    return (
        queryset.annotate(search=vector)
        .filter(search=search_query)
        .annotate(rank=SearchRank(F("search"), search_query))
        .order_by("-rank", "pk")
    )


def search_sqlite(queryset: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
    """Every word of the query, accent- and case-insensitively, in some field."""
    annotations = {f"folded_{field}": Fold(localized_text(field)) for field in fields}
    queryset = queryset.annotate(**annotations)
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
    return queryset.annotate(rank=title_hits).order_by("-rank", "pk")


def search_entries(*, query: str) -> list[SearchResult]:
    """Published programs, projects and partners matching ``query``, best first, at most
    ``SEARCH_LIMIT``; none for an empty query."""
    if not query:
        return []
    search = search_postgresql if connection.vendor == "postgresql" else search_sqlite
    sources = {
        Program: Program.objects.published(),
        Project: Project.objects.published().select_related("program"),
        Partner: Partner.objects.published(),
    }
    results = []
    for model, queryset in sources.items():
        fields = SEARCH_FIELDS[model]
        title, summary = fields[0], fields[1]
        for obj in search(queryset, fields, query)[:SEARCH_LIMIT]:
            results.append(
                SearchResult(
                    kind=model._meta.verbose_name,
                    title=getattr(obj, title),
                    summary=getattr(obj, summary),
                    url=obj.get_absolute_url(),
                    rank=obj.rank,
                    obj=obj,
                )
            )
    results.sort(key=lambda result: result.rank, reverse=True)
    return results[:SEARCH_LIMIT]


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

    One query: the few titles most like the query (``word_similarity``); the words are then
    compared one by one here.
    """
    if not query or connection.vendor != "postgresql":
        return ""
    sources = [
        (Program.objects.published(), "title"),
        (Project.objects.published(), "title"),
        (Partner.objects.published(), "name"),
    ]
    candidates = [
        queryset.annotate(
            text=localized_text(field), likeness=TrigramWordSimilarity(query, localized_text(field))
        )
        .filter(likeness__gte=SUGGESTION_THRESHOLD)
        .values_list("text", "likeness")
        for queryset, field in sources
    ]
    titles = candidates[0].union(*candidates[1:]).order_by("-likeness")[:SUGGESTION_CANDIDATES]
    words = {word.lower() for title, _likeness in titles for word in WORD.findall(title)}
    suggestion = []
    for term in query.split():
        likeness, best = max(((similarity(term, word), word) for word in words), default=(0, ""))
        close = likeness >= SUGGESTION_THRESHOLD
        suggestion.append(best if close and fold(best) != fold(term) else term)
    suggested = " ".join(suggestion)
    return suggested if suggested != query else ""
