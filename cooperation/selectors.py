"""Read logic for the public pages: every query a page runs is built here.

Each selector returns what the public may see (``published()``, the rule written once in
``models/base.py``), with its relations loaded up front, so that a page runs a fixed number
of queries whatever the size of the data. The detail selectors take ``preview``: staff
allowed to edit an entry see it while it is a draft (``_visible``, the one place where a
preview widens what is read). Results are querysets or the frozen dataclasses below; no
selector attaches attributes of its own to a model instance.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.compiled import CompiledQuery
from common.pagination import OneQueryPaginator

from .i18n import DEFAULT_LANGUAGE, active_language, localized_order, slug_lookup
from .models import (
    HOME_COUNTRY_ES,
    UNKNOWN_STATUS_FILTER,
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
    SlugHistory,
    SustainableDevelopmentGoal,
    Theme,
    ended_unmarked_q,
    is_public,
    public_q,
)


def _visible_q(model: type[Model], *, preview: bool) -> Q:
    """What a page may show of ``model``: everything in a staff preview, otherwise what
    the public may see. The one place where a preview widens a read."""
    return Q() if preview else public_q(model)


def _visible(model: type[Model], *, preview: bool) -> QuerySet:
    """``model.objects.all()`` in a preview, ``model.objects.published()`` otherwise."""
    return model.objects.filter(_visible_q(model, preview=preview))


def _published_partner(*, now=None) -> Q:
    """Of a public partner (a function: "published" depends on the time of the query)."""
    return public_q(Partner, "partner__", now=now)


def _participations() -> Prefetch:
    """An entry's participations of public partners (the entry itself is known public)."""
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(_published_partner()).select_related("partner"),
    )


def _published_projects(*, now=None) -> QuerySet[Project]:
    return Project.objects.published(now=now)


def _in_published_entry() -> Q:
    """Belongs to a public program or project: the rule of milestones and documents, which
    hang from nothing else (a partner's page lists its participations with it)."""
    return public_q(Milestone)


def _get_published(queryset: QuerySet, slug: str):
    """One entry of ``queryset`` by its slug in the active language, or 404."""
    obj = queryset.filter(slug_lookup(slug)).first()
    if obj is None:
        raise Http404("No published entry with this slug.")
    return obj


def entry_by_former_slug(*, model: type[Model], slug: str) -> Model | None:
    """The public entry of ``model`` whose address in the active language used to be at
    ``slug``, or None: asked only when no entry answers there now (the live one wins).

    A slug the entry left behind (``SlugHistory``), or, on a page in English, the Spanish
    slug of an entry: its English page answered there until it had an English slug, maybe
    before its former addresses were kept. One query (the content type is cached).
    """
    language = active_language()
    former = SlugHistory.objects.filter(
        content_type=ContentType.objects.get_for_model(model), language=language, slug=slug
    ).values("object_id")
    queryset = model.objects.published()
    if language == DEFAULT_LANGUAGE:
        return queryset.filter(pk__in=former).first()
    spanish = Q(**{f"slug_{DEFAULT_LANGUAGE}": slug})
    return (
        queryset.filter(Q(pk__in=former) | spanish)
        # The entry that has that Spanish slug now before one that left it behind.
        .order_by(Case(When(spanish, then=Value(0)), default=Value(1)))
        .first()
    )


def program_list(*, now=None) -> QuerySet[Program]:
    """Published programs, parents before their subprograms, with their parent and network
    (whether the public may see them is ``Program.public_parent`` and ``public_network``,
    read from these rows); ``project_count`` counts the published projects. As cards show
    them: without the programs' bodies nor the network's description. ``now``: the moment
    asked about (the present by default), as for every selector that takes it.
    """
    return (
        Program.objects.published(now=now)
        .select_related("network__organization", "parent")
        .defer("body", "parent__body", "network__organization__description")
        .annotate(
            # A subquery per program rather than a join with GROUP BY over every column.
            project_count=Coalesce(
                Subquery(
                    _published_projects(now=now)
                    .filter(program=OuterRef("pk"))
                    .order_by()
                    .values("program")
                    .annotate(count=Count("pk"))
                    .values("count")
                ),
                0,
            ),
        )
        .order_by(F("parent_id").asc(nulls_first=True), "start_year", "pk")
    )


@dataclass(frozen=True)
class ProgramPage:
    """A program's page: the program (with its themes, SDGs, participations, milestones,
    documents and published projects loaded) and the entries it links to that the public
    may see."""

    program: Program
    parent: Program | None
    network: Network | None
    subprograms: list[Program]


def program_get(*, slug: str, preview: bool = False) -> ProgramPage:
    """The published program with this slug in the active language, or 404.

    ``preview``: a draft too (for staff allowed to edit it; what it lists stays published).
    """
    # The program and its published subprograms in one query (a statement less per page).
    wanted = slug_lookup(slug) & _visible_q(Program, preview=preview)
    subprograms = Q(parent__in=Program.objects.filter(wanted)) & public_q(Program)
    rows = list(
        Program.objects.filter(wanted | subprograms)
        .annotate(wanted=Case(When(wanted, then=Value(True)), default=Value(False)))
        .select_related("network__organization", "parent")
        .order_by("pk")
    )  # fmt: skip
    program = next((row for row in rows if row.wanted), None)
    if program is None:
        raise Http404("No published entry with this slug.")
    prefetch_related_objects(
        [program],
        "themes",
        "sdgs",
        _participations(),
        "milestones",
        "documents",
        "sources",
        Prefetch("projects", queryset=_published_projects().order_by("start_year", "pk")),
    )
    return ProgramPage(
        program=program,
        parent=program.public_parent,
        network=program.public_network,
        subprograms=[row for row in rows if row.parent_id == program.pk],
    )


def project_list(*, now=None) -> QuerySet[Project]:
    """Published projects of published programs, newest first, as cards show them: without
    their bodies, nor their program's (``defer`` takes each field's every language)."""
    return (
        _published_projects(now=now)
        .select_related("program")
        .defer("body", "program__body")
        .order_by("-start_year", localized_order("title"))
    )


@dataclass(frozen=True)
class ProjectPage:
    """A project's page: the project (with its program, themes, SDGs, participations,
    milestones and documents loaded) and its program's network if the public may see it."""

    project: Project
    network: Network | None


def project_get(*, slug: str, preview: bool = False) -> ProjectPage:
    """The published project with this slug in the active language, or 404 (``preview``: a
    draft, or a project of a draft program, too)."""
    queryset = (
        _visible(Project, preview=preview)
        .select_related("program__network__organization")
        .prefetch_related("themes", "sdgs", _participations(), "milestones", "documents", "sources")
    )
    project = _get_published(queryset, slug)
    return ProjectPage(project=project, network=project.program.public_network)


def partner_list() -> QuerySet[Partner]:
    """Published partner organizations, the Argentine ones first, each group in alphabetical
    order of the active language."""
    argentine_first = Case(When(country_es=HOME_COUNTRY_ES, then=Value(0)), default=Value(1))
    return Partner.objects.published().order_by(argentine_first, localized_order("name"))


def partner_map_get() -> list[Partner]:
    """Published partners for the map, in order of country, city and name in the active
    language (an international body, without a country, last). The map decides which it
    can place (cooperation/partner_map.py)."""

    def place(partner: Partner) -> tuple:
        return (
            not partner.country,
            partner.country.casefold(),
            partner.city.casefold(),
            partner.name.casefold(),
        )

    return sorted(Partner.objects.published(), key=place)


@dataclass(frozen=True)
class PartnerPage:
    """A partner's page, the one page of the organization: the partner (with its
    participations in published programs and projects loaded) and, when it is a network
    Rosario belongs to, that membership (with its programs, each with its published
    projects, and its sources loaded)."""

    partner: Partner
    network: Network | None


def _network_programs() -> Prefetch:
    """A network's published programs, each with its published projects."""
    programs = Program.objects.published().prefetch_related(
        Prefetch("projects", queryset=_published_projects().order_by("start_year", "pk"))
    )
    return Prefetch("programs", queryset=programs.order_by("pk"))


def partner_get(*, slug: str, preview: bool = False) -> PartnerPage:
    """The published partner with this slug in the active language, or 404 (``preview``: a
    draft, or a draft of its network, too)."""
    participations = (
        Participation.objects.filter(_in_published_entry())
        .select_related("program", "project")
        .order_by("pk")
    )
    queryset = (
        _visible(Partner, preview=preview)
        .select_related("network")
        .prefetch_related(Prefetch("participations", queryset=participations), "sources")
    )
    partner = _get_published(queryset, slug)
    # The reverse one-to-one raises when the partner is no network. Read with the partner,
    # the network knows its organization: no query to check whether it is public.
    network = getattr(partner, "network", None)
    if network is None or not (preview or is_public(network)):
        return PartnerPage(partner=partner, network=None)
    prefetch_related_objects([network], _network_programs(), "sources")
    return PartnerPage(partner=partner, network=network)


def network_list() -> QuerySet[Network]:
    """Published networks whose organization is published too."""
    return Network.objects.published().select_related("organization").order_by("pk")


def network_get(*, slug: str, preview: bool = False) -> Network:
    """The published network with this slug in the active language, with its organization,
    or 404 (``preview``: a draft, or a network of a draft organization, too). Its page is
    its organization's (``partner_get``)."""
    return _get_published(_visible(Network, preview=preview).select_related("organization"), slug)


def milestone_list(*, limit: int | None = None, newest_first: bool = False) -> QuerySet[Milestone]:
    """Milestones of published programs and projects, in date order (``newest_first``:
    the other way), at most ``limit`` of them."""
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


@dataclass(frozen=True)
class WayOfCollaborating:
    """One of the ways the city collaborates, with the published partners of its kinds."""

    way: CollaborationWay
    partners: list[Partner]


@dataclass(frozen=True)
class HomePage:
    """Everything the section's home page shows."""

    section: SectionText
    ways: list[WayOfCollaborating]
    argentine_partners: list[Partner]  # in none of the ways, which are of other countries
    programs: list[Program]  # the top-level ones
    milestones: list[Milestone]  # the latest few
    figures: dict[str, int]


def home_get() -> HomePage:
    """The section's texts, its ways of collaborating, its programs, the latest milestones
    and the portfolio in figures."""
    # Only what the page shows of each partner: its name, address, kind and country.
    partners = list(partner_list().only("kind", "country_es", *_translated_columns("name", "slug")))
    ways = [
        WayOfCollaborating(way=way, partners=[p for p in partners if way.includes(p)])
        for way in CollaborationWay.objects.all()
    ]
    programs = list(program_list())
    countries = {p.country_es for p in partners if p.country_es}
    return HomePage(
        section=SectionText.load(),
        ways=ways,
        argentine_partners=[p for p in partners if p.is_argentine],
        programs=[program for program in programs if program.parent_id is None],
        milestones=list(milestone_list(limit=5, newest_first=True)),
        figures={
            "programs": len(programs),
            "projects": _published_projects().count(),
            "partners": len(partners),
            "countries": len(countries),
        },
    )


def preview_entry_get(*, model: type[Model], slug: str) -> Model:
    """The public program, project, partner or network with this slug in the active
    language, with what its link preview card names (a network's organization), or 404:
    a draft has no card, not even for staff."""
    queryset = _visible(model, preview=False)
    if model is Network:
        queryset = queryset.select_related("organization")
    return _get_published(queryset, slug)


def section_text_get() -> SectionText:
    """The section's own texts (its title names the home page)."""
    return SectionText.load()


def contact_settings_get() -> ContactSettings:
    """The contact settings shown on every page (created with their defaults if missing)."""
    return ContactSettings.load()


# The statuses whose entries depend on the year asked about (``effective_status_q``).
STATUSES_OF_THE_YEAR = {CooperationStatus.ACTIVE, CooperationStatus.COMPLETED}


def effective_status_q(status: str, *, year: int | None = None) -> Q:
    """Entries whose status as the public sees it (``effective_status``) is ``status``:
    an ongoing entry whose end year is before ``year`` (this year by default) counts as
    completed unless staff kept its status."""
    if status not in STATUSES_OF_THE_YEAR:
        return Q(status=status)
    ended = ended_unmarked_q(year or timezone.localdate().year)
    if status == CooperationStatus.COMPLETED:
        return Q(status=status) | ended
    return Q(status=status) & ~ended


def _active_in_year(year: int) -> Q:
    return Q(start_year__lte=year) & (Q(end_year__isnull=True) | Q(end_year__gte=year))


def _filter_entries(queryset: QuerySet, filters: dict, *, ids_of, now=None, this_year=None):
    """Apply the directory filters shared by programs and projects.

    ``ids_of(participations, now)`` turns matching participations into the ids of the entries
    they concern. Subqueries rather than joins keep each entry once, with no DISTINCT.
    ``now`` and ``this_year``: the moment and the year asked about (the present by default).
    """
    language = active_language()
    if status := filters.get("status"):
        if status == UNKNOWN_STATUS_FILTER:
            status = CooperationStatus.UNKNOWN
        queryset = queryset.filter(effective_status_q(status, year=this_year))
    if theme := filters.get("theme"):
        queryset = queryset.filter(**{f"themes__slug_{language}": theme})
    if sdg := filters.get("sdg"):
        queryset = queryset.filter(sdgs__number=sdg)
    participations = Participation.objects.filter(_published_partner(now=now))
    if partner := filters.get("partner"):
        queryset = queryset.filter(
            ids_of(participations.filter(slug_lookup(partner, path="partner__")), now)
        )
    if kind := filters.get("kind"):
        queryset = queryset.filter(ids_of(participations.filter(partner__kind=kind), now))
    if network := filters.get("network"):
        networks = Network.objects.published(now=now).filter(slug_lookup(network))
        queryset = queryset.filter(
            Q(network__in=networks)
            if queryset.model is Program
            else Q(program__network__in=networks)
        )
    if year := filters.get("year"):
        queryset = queryset.filter(_active_in_year(year))
    return queryset


def _program_ids(participations: QuerySet, now) -> Q:
    """Programs a partner takes part in, directly or through one of their projects."""
    return Q(pk__in=participations.values("program")) | Q(
        pk__in=participations.filter(project__in=_published_projects(now=now)).values(
            "project__program"
        )
    )


def _project_ids(participations: QuerySet, now) -> Q:
    return Q(pk__in=participations.values("project"))


def program_filter(*, filters: dict, now=None, this_year=None) -> QuerySet[Program]:
    """Published programs matching every given directory filter (as ``program_list``)."""
    return _filter_entries(
        program_list(now=now), filters, ids_of=_program_ids, now=now, this_year=this_year
    )


def project_filter(*, filters: dict, now=None, this_year=None) -> QuerySet[Project]:
    """Published projects matching every given directory filter."""
    return _filter_entries(
        project_list(now=now), filters, ids_of=_project_ids, now=now, this_year=this_year
    )


# The directory's lists: what each model's list reads, and how the directory narrows it.
DIRECTORY = {Program: (program_list, program_filter), Project: (project_list, project_filter)}


def directory_page(model: type[Model], filters: dict, *, offset: int, limit: int) -> list[dict]:
    """A page of the directory's list of ``model`` narrowed by ``filters`` (the form's):
    the keys of its entries in order, as rows of ``pk`` and, on each, the number of entries
    in the whole list (``OneQueryPaginator.TOTAL``, before the limit).

    The statement is built and compiled once per list, language and combination of filters
    (``_directory_statement``): a filter's value, the moment and the year are its parameters.
    """
    status = filters.get("status")
    values = {name: value for name, value in filters.items() if name != "status"}
    if status in STATUSES_OF_THE_YEAR:
        values["this_year"] = timezone.localdate().year
    statement = _directory_statement(model, status, tuple(sorted(values)))
    return statement.rows(
        active_language(), now=timezone.now(), **values, limit=limit, offset=offset
    )


@functools.cache
def _directory_statement(model: type[Model], status: str | None, names: tuple[str, ...]):
    """The directory's statement for ``model`` with a filter on ``status`` (or none) and on
    each of ``names``, compiled on its first use: at most one per list, status and subset of
    the other filters."""
    _, narrowed = DIRECTORY[model]

    def build(now, this_year=None, **values):
        filters = {**values, "status": status} if status else values
        # Named, not keyword, columns: modeltranslation's values() with keywords alone
        # reads every column.
        entries = narrowed(filters=filters, now=now, this_year=this_year)
        total = OneQueryPaginator.TOTAL
        return entries.annotate(**{total: Window(Count("*"))}).values("pk", total)

    return CompiledQuery(build)


@dataclass(frozen=True)
class FilterChoices:
    """What the directory filters offer, in the active language, as plain values (kept in
    the fragment cache): each filter's ``(value, label)`` pairs, and for the filters whose
    values are slugs, each value's slug in every language (``""`` where none is written)."""

    themes: list[tuple[str, str]]
    sdgs: list[tuple[str, str]]
    partners: list[tuple[str, str]]
    networks: list[tuple[str, str]]
    # {"theme": {"en": {"gestion-de-residuos": "waste-management"}}, ...}
    slugs: dict[str, dict[str, dict[str, str]]]


def filter_choices_get() -> FilterChoices:
    """What the directory filters offer: published themes, SDGs, partners and networks."""
    # Only the columns the options show: a name and a slug per language.
    names = _translated_columns("name", "slug")
    themes = list(Theme.objects.order_by(localized_order("name")).only(*names))
    partners = list(partner_list().only(*names))
    networks = list(
        network_list().only(*_translated_columns("slug"), *(f"organization__{c}" for c in names))
    )
    current = active_language()

    def slugs(options) -> dict[str, dict[str, str]]:
        return {
            code: {getattr(o, f"slug_{current}"): getattr(o, f"slug_{code}") or "" for o in options}
            for code, _name in settings.LANGUAGES
        }

    return FilterChoices(
        themes=[(t.slug, t.name) for t in themes],
        sdgs=[(str(g.number), str(g)) for g in SustainableDevelopmentGoal.objects.all()],
        partners=[(p.slug, p.name) for p in partners],
        networks=[(n.slug, str(n)) for n in networks],
        slugs={"theme": slugs(themes), "partner": slugs(partners), "network": slugs(networks)},
    )


# The coverage page: the published portfolio per SDG and per theme.


def _coverage_entries() -> tuple[Prefetch, Prefetch]:
    """The published programs and projects of an SDG or a theme, by title."""
    return (
        Prefetch(
            "program_set",
            queryset=Program.objects.published().order_by(localized_order("title"), "pk"),
        ),
        Prefetch(
            "project_set",
            queryset=_published_projects().order_by(localized_order("title"), "pk"),
        ),
    )


@dataclass(frozen=True)
class CoverageRow:
    """An SDG or a theme with its published programs and projects, and the lengths of its
    chart's bars out of 1000 (the largest total of its table is 1000)."""

    item: SustainableDevelopmentGoal | Theme
    programs: list[Program]
    projects: list[Project]
    total: int
    programs_bar: int
    projects_bar: int


@dataclass(frozen=True)
class CoverageGroup:
    """One table of the coverage page: the SDGs, or the themes."""

    key: str
    title: str
    heading: str
    caption: str
    rows: list[CoverageRow]


def _coverage_rows(items) -> list[CoverageRow]:
    """Counts, and bar lengths out of 1000 against the largest total, for each item."""
    entries = [(item, list(item.program_set.all()), list(item.project_set.all())) for item in items]
    largest = max((len(programs) + len(projects) for _i, programs, projects in entries), default=0)
    largest = largest or 1
    rows = []
    for item, programs, projects in entries:
        total = len(programs) + len(projects)
        programs_bar = round(1000 * len(programs) / largest)
        rows.append(
            CoverageRow(
                item=item,
                programs=programs,
                projects=projects,
                total=total,
                programs_bar=programs_bar,
                projects_bar=round(1000 * total / largest) - programs_bar,
            )
        )
    return rows


def coverage_get() -> list[CoverageGroup]:
    """For each SDG and each theme, the published programs and projects that address it."""
    sdgs = SustainableDevelopmentGoal.objects.prefetch_related(*_coverage_entries())
    themes = Theme.objects.order_by(localized_order("name"), "pk").prefetch_related(
        *_coverage_entries()
    )
    return [
        CoverageGroup(
            key="sdg",
            title=_("Sustainable Development Goals"),
            heading=_("Goal"),
            caption=_("Published programs and projects per Sustainable Development Goal"),
            rows=_coverage_rows(sdgs),
        ),
        CoverageGroup(
            key="theme",
            title=_("Themes"),
            heading=_("Theme"),
            caption=_("Published programs and projects per theme"),
            rows=_coverage_rows(themes),
        ),
    ]


# Browsing by theme and by Sustainable Development Goal: a page per topic and an index of each.


class _CountDistinct(Func):
    """``COUNT(DISTINCT …)`` that the ORM does not take for an aggregate: as the only column
    of a subquery it counts that subquery's rows at once, with no GROUP BY to line up with the
    outer query (an entry counted once however many ways it matches)."""

    function = "COUNT"
    template = "%(function)s(DISTINCT %(expressions)s)"
    output_field = IntegerField()


def _count(queryset: QuerySet, column: str = "pk") -> Subquery:
    return Subquery(queryset.order_by().annotate(total=_CountDistinct(column)).values("total"))


def _topic_participations(relation: str, topic) -> QuerySet[Participation]:
    """Public participations in public programs and projects whose ``relation`` (``themes``
    or ``sdgs``) holds ``topic`` (an object, or an ``OuterRef``). A participation is public
    only with its program or project, so the entry's own visibility need not be repeated."""
    return Participation.objects.published().filter(
        Q(**{f"program__{relation}": topic}) | Q(**{f"project__{relation}": topic})
    )


@dataclass(frozen=True)
class TopicPage:
    """A theme's or a goal's page: the public programs, projects and partner organizations
    concerned (partners: those taking part in one of these programs or projects)."""

    topic: Theme | SustainableDevelopmentGoal
    programs: list[Program]
    projects: list[Project]
    partners: list[Partner]


def _topic_page(topic: Theme | SustainableDevelopmentGoal, relation: str) -> TopicPage:
    participations = _topic_participations(relation, topic)
    return TopicPage(
        topic=topic,
        programs=list(program_list().filter(**{relation: topic})),
        projects=list(project_list().filter(**{relation: topic})),
        partners=list(
            partner_list()
            .filter(pk__in=participations.values("partner"))
            .only("kind", *_translated_columns("name", "slug", "acronym", "country"))
        ),
    )


def theme_get(*, slug: str) -> TopicPage:
    """The theme with this slug in the active language, or 404, with what concerns it."""
    theme = _get_published(Theme.objects.all(), slug)
    return _topic_page(theme, "themes")


def sdg_get(*, number: int) -> TopicPage:
    """The Sustainable Development Goal with this number, or 404, with what concerns it."""
    sdg = SustainableDevelopmentGoal.objects.filter(number=number).first()
    if sdg is None:
        raise Http404("No such goal.")
    return _topic_page(sdg, "sdgs")


def _with_topic_counts(queryset: QuerySet, relation: str) -> QuerySet:
    """``queryset`` of themes or goals, each with how many public programs, projects and
    partner organizations concern it (``relation``: the entries' field that leads to it)."""
    topic = OuterRef("pk")
    return queryset.annotate(
        program_count=_count(Program.objects.published().filter(**{relation: topic})),
        project_count=_count(_published_projects().filter(**{relation: topic})),
        partner_count=_count(_topic_participations(relation, topic), "partner"),
    )


def theme_list() -> QuerySet[Theme]:
    """Every theme, in alphabetical order of the active language, with its counts."""
    return _with_topic_counts(Theme.objects.order_by(localized_order("name"), "pk"), "themes")


def sdg_list() -> QuerySet[SustainableDevelopmentGoal]:
    """The Sustainable Development Goals in order, with their counts."""
    return _with_topic_counts(SustainableDevelopmentGoal.objects.order_by("number"), "sdgs")


def addressed_q(relation: str) -> Q:
    """Themes or goals that at least one public program or project addresses (for the
    sitemap: a topic with nothing published is a page with nothing to find)."""
    return Q(pk__in=Program.objects.published().values(relation)) | Q(
        pk__in=_published_projects().values(relation)
    )
