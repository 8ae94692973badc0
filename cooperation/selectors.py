"""Read logic for the public pages: every query a page runs is built here.

Each selector returns published content only, with its relations loaded up front,
so that a page runs a fixed number of queries whatever the size of the data.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from .db import SEARCH_CONFIGS, Fold, fold, search_vector_sql
from .i18n import active_language, localized_order, localized_text, slug_lookup
from .models import (
    CollaborationWay,
    ContactSettings,
    CooperationStatus,
    Milestone,
    Network,
    Participation,
    Partner,
    Program,
    Project,
    SectionText,
    SustainableDevelopmentGoal,
    Theme,
    ended_unmarked_q,
    public_q,
    published_q,
)


def _published_partner() -> Q:
    """Of a public partner (a function: "published" depends on the time of the query)."""
    return public_q(Partner, "partner__")


def _participations() -> Prefetch:
    """An entry's participations of public partners (the entry itself is known public)."""
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(_published_partner()).select_related("partner"),
    )


def _published_projects() -> QuerySet[Project]:
    return Project.objects.published()


def _in_published_entry() -> Q:
    """Belongs to a public program or project: the rule of milestones and documents, which
    hang from nothing else (a partner's page lists its participations with it)."""
    return public_q(Milestone)


def _get_published(queryset: QuerySet, slug: str):
    """One published entry by its slug in the active language, or 404."""
    obj = queryset.filter(slug_lookup(slug)).first()
    if obj is None:
        raise Http404("No published entry with this slug.")
    return obj


def program_list() -> QuerySet[Program]:
    """Published programs, parents before their subprograms, with their network."""
    return (
        Program.objects.published()
        .select_related("network__organization", "parent")
        # A subquery per program rather than a join with GROUP BY over every column.
        .annotate(
            project_count=Coalesce(
                Subquery(
                    _published_projects()
                    .filter(program=OuterRef("pk"))
                    .order_by()
                    .values("program")
                    .annotate(count=Count("pk"))
                    .values("count")
                ),
                0,
            )
        )
        .order_by(F("parent_id").asc(nulls_first=True), "start_year", "pk")
    )


def program_get(*, slug: str, preview: bool = False) -> Program:
    """A published program with everything its page shows.

    ``preview``: a draft too (for staff allowed to edit it; its related lists stay published).
    """
    # The program and its published subprograms in one query (a statement less per page).
    wanted = slug_lookup(slug) if preview else slug_lookup(slug) & published_q()
    subprograms = Q(parent__in=Program.objects.filter(wanted)) & published_q()
    rows = list(
        Program.objects.filter(wanted | subprograms)
        .annotate(wanted=Case(When(wanted, then=Value(True)), default=Value(False)))
        .select_related("network__organization", "parent")
        .order_by("pk")
    )  # fmt: skip
    program = next((row for row in rows if row.wanted), None)
    if program is None:
        raise Http404("No published entry with this slug.")
    program.published_subprograms = [row for row in rows if row.parent_id == program.pk]
    prefetch_related_objects(
        [program],
        "themes",
        "sdgs",
        _participations(),
        "milestones",
        "documents",
        Prefetch("projects", queryset=_published_projects().order_by("start_year", "pk")),
    )
    return program


def project_list() -> QuerySet[Project]:
    """Published projects of published programs, newest first."""
    return (
        _published_projects()
        .select_related("program")
        .order_by("-start_year", localized_order("title"))
    )


def project_get(*, slug: str, preview: bool = False) -> Project:
    """A published project with everything its page shows (``preview``: a draft too)."""
    queryset = (
        (Project.objects.all() if preview else _published_projects())
        .select_related("program__network__organization")
        .prefetch_related("themes", "sdgs", _participations(), "milestones", "documents")
    )
    return _get_published(queryset, slug)


def partner_list() -> QuerySet[Partner]:
    """Published partner organizations in alphabetical order of the active language."""
    return Partner.objects.published().order_by(localized_order("name"))


def partner_map_get() -> dict[str, list[Partner]]:
    """Published partners for the map: those with coordinates (``located``) and those
    without, each in order of country, city and name in the active language (an
    international body, without a country, last)."""

    def place(partner: Partner) -> tuple:
        return (
            not partner.country,
            partner.country.casefold(),
            partner.city.casefold(),
            partner.name.casefold(),
        )

    partners = sorted(Partner.objects.published(), key=place)
    return {
        "located": [partner for partner in partners if partner.has_location],
        "unlocated": [partner for partner in partners if not partner.has_location],
    }


def partner_get(*, slug: str, preview: bool = False) -> Partner:
    """A published partner with its published participations (and their program or project).

    ``preview``: a draft too.
    """
    participations = (
        Participation.objects.filter(_in_published_entry())
        .select_related("program", "project")
        .order_by("pk")
    )
    queryset = (
        (Partner.objects.all() if preview else Partner.objects.published())
        .select_related("network")
        .prefetch_related(Prefetch("participations", queryset=participations))
    )
    partner = _get_published(queryset, slug)
    # A network that is still a draft must not be linked from the partner's page.
    network = getattr(partner, "network", None)
    partner.published_network = network if network and network.is_published else None
    return partner


def network_list() -> QuerySet[Network]:
    """Published networks whose organization is published too."""
    return Network.objects.published().select_related("organization").order_by("pk")


def network_get(*, slug: str, preview: bool = False) -> Network:
    """A published network with its published programs and their projects (``preview``: a
    draft too)."""
    programs = Program.objects.published().prefetch_related(
        Prefetch("projects", queryset=_published_projects().order_by("start_year", "pk"))
    )
    networks = Network.objects.select_related("organization") if preview else network_list()
    queryset = networks.prefetch_related(Prefetch("programs", queryset=programs.order_by("pk")))
    return _get_published(queryset, slug)


def milestone_list(*, limit: int | None = None, newest_first: bool = False) -> QuerySet[Milestone]:
    """Milestones of published programs and projects, in date order."""
    order = ["-date", "-pk"] if newest_first else ["date", "pk"]
    queryset = Milestone.objects.published()
    if limit:
        # The few milestones first, then their program or project: joined before the
        # limit, every milestone's entry would be read and sorted.
        queryset = Milestone.objects.filter(pk__in=queryset.order_by(*order).values("pk")[:limit])
    return queryset.select_related("program", "project").order_by(*order)


def _translated_columns(*fields: str) -> list[str]:
    """The column of each field in every language, for ``only()``."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


def home_get() -> dict:
    """Everything the section's home page shows."""
    # Only what the page shows of each partner: its name, address, kind and country.
    partners = list(partner_list().only("kind", "country_es", *_translated_columns("name", "slug")))
    ways = list(CollaborationWay.objects.all())
    for way in ways:
        way.partners = [p for p in partners if p.kind in way.partner_kinds]
    programs = list(program_list())
    countries = {p.country_es for p in partners if p.country_es}
    return {
        "section": SectionText.load(),
        "ways": ways,
        "programs": [program for program in programs if program.parent_id is None],
        "milestones": list(milestone_list(limit=5, newest_first=True)),
        "figures": {
            "programs": len(programs),
            "projects": _published_projects().count(),
            "partners": len(partners),
            "countries": len(countries),
        },
    }


def contact_settings_get() -> ContactSettings:
    """The contact settings shown on every page (created with their defaults if missing)."""
    return ContactSettings.load()


def effective_status_q(status: str, *, year: int | None = None) -> Q:
    """Entries whose status as the public sees it (``effective_status``) is ``status``:
    an ongoing entry whose end year is before ``year`` (this year by default) counts as
    completed unless staff kept its status."""
    ended = ended_unmarked_q(year or timezone.localdate().year)
    if status == CooperationStatus.COMPLETED:
        return Q(status=status) | ended
    if status == CooperationStatus.ACTIVE:
        return Q(status=status) & ~ended
    return Q(status=status)


def _active_in_year(year: int) -> Q:
    return Q(start_year__lte=year) & (Q(end_year__isnull=True) | Q(end_year__gte=year))


def _filter_entries(queryset: QuerySet, filters: dict, *, ids_of) -> QuerySet:
    """Apply the directory filters shared by programs and projects.

    ``ids_of(participations)`` turns matching participations into the ids of the entries
    they concern. Subqueries rather than joins keep each entry once, with no DISTINCT.
    """
    language = active_language()
    if status := filters.get("status"):
        queryset = queryset.filter(effective_status_q(status))
    if theme := filters.get("theme"):
        queryset = queryset.filter(**{f"themes__slug_{language}": theme})
    if sdg := filters.get("sdg"):
        queryset = queryset.filter(sdgs__number=sdg)
    participations = Participation.objects.filter(_published_partner())
    if partner := filters.get("partner"):
        queryset = queryset.filter(
            ids_of(participations.filter(slug_lookup(partner, path="partner__")))
        )
    if kind := filters.get("kind"):
        queryset = queryset.filter(ids_of(participations.filter(partner__kind=kind)))
    if network := filters.get("network"):
        networks = Network.objects.published().filter(slug_lookup(network))
        queryset = queryset.filter(
            Q(network__in=networks)
            if queryset.model is Program
            else Q(program__network__in=networks)
        )
    if year := filters.get("year"):
        queryset = queryset.filter(_active_in_year(year))
    return queryset


def _program_ids(participations: QuerySet) -> Q:
    """Programs a partner takes part in, directly or through one of their projects."""
    return Q(pk__in=participations.values("program")) | Q(
        pk__in=participations.filter(project__in=_published_projects()).values("project__program")
    )


def _project_ids(participations: QuerySet) -> Q:
    return Q(pk__in=participations.values("project"))


def program_filter(*, filters: dict) -> QuerySet[Program]:
    """Published programs matching every given directory filter."""
    return _filter_entries(program_list(), filters, ids_of=_program_ids)


def project_filter(*, filters: dict) -> QuerySet[Project]:
    """Published projects matching every given directory filter."""
    return _filter_entries(project_list(), filters, ids_of=_project_ids)


def filter_choices_get() -> dict:
    """What the directory filters offer: published themes, SDGs, partners and networks."""
    # Only the columns the options show: a name and a slug per language.
    names = _translated_columns("name", "slug")
    return {
        "themes": Theme.objects.order_by(localized_order("name")).only(*names),
        "sdgs": SustainableDevelopmentGoal.objects.all(),
        "partners": partner_list().only(*names),
        "networks": network_list().only(
            *_translated_columns("slug"), *(f"organization__{c}" for c in names)
        ),
    }


SEARCH_LIMIT = 50
SEARCH_FIELDS = {
    Program: ("title", "summary", "body"),
    Project: ("title", "summary", "body"),
    Partner: ("name", "description", "acronym"),
}


def _search_postgresql(queryset: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
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


def _search_sqlite(queryset: QuerySet, fields: tuple[str, ...], query: str) -> QuerySet:
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


def search_entries(*, query: str) -> list:
    """Published programs, projects and partners matching ``query``, best first.

    PostgreSQL: full-text search with the language's stemmer, accents ignored, ranked.
    SQLite: every word found somewhere, accents and case ignored.
    """
    if not query:
        return []
    search = _search_postgresql if connection.vendor == "postgresql" else _search_sqlite
    sources = {
        Program: Program.objects.published(),
        Project: _published_projects().select_related("program"),
        Partner: Partner.objects.published(),
    }
    results = []
    for model, queryset in sources.items():
        title, summary = SEARCH_FIELDS[model][0], SEARCH_FIELDS[model][1]
        for obj in search(queryset, SEARCH_FIELDS[model], query)[:SEARCH_LIMIT]:
            obj.result_kind = model._meta.verbose_name
            obj.result_title = getattr(obj, title)
            obj.result_summary = getattr(obj, summary)
            results.append(obj)
    results.sort(key=lambda obj: obj.rank, reverse=True)
    return results[:SEARCH_LIMIT]


# The coverage page: the published portfolio per SDG and per theme.


def _coverage_rows(items: list) -> list:
    """Counts, and bar lengths out of 1000 against the largest total, for each item."""
    for item in items:
        item.total = len(item.published_programs) + len(item.published_projects)
    largest = max((item.total for item in items), default=0) or 1
    for item in items:
        item.programs_bar = round(1000 * len(item.published_programs) / largest)
        item.projects_bar = round(1000 * item.total / largest) - item.programs_bar
    return items


def coverage_get() -> dict:
    """For each SDG and each theme, the published programs and projects that address it."""

    def entries() -> tuple[Prefetch, Prefetch]:
        return (
            Prefetch(
                "program_set",
                queryset=Program.objects.published().order_by(localized_order("title"), "pk"),
                to_attr="published_programs",
            ),
            Prefetch(
                "project_set",
                queryset=_published_projects().order_by(localized_order("title"), "pk"),
                to_attr="published_projects",
            ),
        )

    sdgs = SustainableDevelopmentGoal.objects.prefetch_related(*entries())
    themes = Theme.objects.order_by(localized_order("name"), "pk").prefetch_related(*entries())
    return {"sdgs": _coverage_rows(list(sdgs)), "themes": _coverage_rows(list(themes))}
