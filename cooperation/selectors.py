"""Read logic for the public pages: every query a page runs is built here.

Each selector returns published content only, with its relations loaded up front,
so that a page runs a fixed number of queries whatever the size of the data.
"""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from .i18n import localized_order, slug_lookup
from .models import (
    CollaborationWay,
    ContactSettings,
    Milestone,
    Network,
    Participation,
    Partner,
    Program,
    Project,
    SectionText,
)

PUBLISHED_PARTNER = Q(partner__in=Partner.objects.published())


def _participations() -> Prefetch:
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(PUBLISHED_PARTNER).select_related("partner"),
    )


def _published_projects() -> QuerySet[Project]:
    return Project.objects.published().filter(program__in=Program.objects.published())


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
        .annotate(project_count=Count("projects", filter=Q(projects__in=_published_projects())))
        .order_by("parent_id", "start_year", "pk")
    )


def program_get(*, slug: str) -> Program:
    """A published program with everything its page shows."""
    queryset = (
        Program.objects.published()
        .select_related("network__organization", "parent")
        .prefetch_related(
            "themes",
            "sdgs",
            _participations(),
            "milestones",
            "documents",
            Prefetch("projects", queryset=_published_projects().order_by("start_year", "pk")),
            Prefetch("subprograms", queryset=Program.objects.published().order_by("pk")),
        )
    )
    return _get_published(queryset, slug)


def project_list() -> QuerySet[Project]:
    """Published projects of published programs, newest first."""
    return (
        _published_projects()
        .select_related("program")
        .order_by("-start_year", localized_order("title"))
    )


def project_get(*, slug: str) -> Project:
    """A published project with everything its page shows."""
    queryset = (
        _published_projects()
        .select_related("program__network__organization")
        .prefetch_related("themes", "sdgs", _participations(), "milestones", "documents")
    )
    return _get_published(queryset, slug)


def partner_list() -> QuerySet[Partner]:
    """Published partner organizations in alphabetical order of the active language."""
    return Partner.objects.published().order_by(localized_order("name"))


def partner_get(*, slug: str) -> Partner:
    """A published partner with its published participations (and their program or project)."""
    participations = (
        Participation.objects.filter(
            Q(program__in=Program.objects.published()) | Q(project__in=_published_projects())
        )
        .select_related("program", "project")
        .order_by("pk")
    )
    queryset = (
        Partner.objects.published()
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
    return (
        Network.objects.published()
        .filter(organization__in=Partner.objects.published())
        .select_related("organization")
        .order_by("pk")
    )


def network_get(*, slug: str) -> Network:
    """A published network with its published programs and their projects."""
    programs = Program.objects.published().prefetch_related(
        Prefetch("projects", queryset=_published_projects().order_by("start_year", "pk"))
    )
    queryset = network_list().prefetch_related(
        Prefetch("programs", queryset=programs.order_by("pk"))
    )
    return _get_published(queryset, slug)


def milestone_list(*, limit: int | None = None, newest_first: bool = False) -> QuerySet[Milestone]:
    """Milestones of published programs and projects, in date order."""
    queryset = (
        Milestone.objects.filter(
            Q(program__in=Program.objects.published()) | Q(project__in=_published_projects())
        )
        .select_related("program", "project")
        .order_by(*(["-date", "-pk"] if newest_first else ["date", "pk"]))
    )
    return queryset[:limit] if limit else queryset


def home_get() -> dict:
    """Everything the section's home page shows."""
    partners = list(partner_list())
    ways = list(CollaborationWay.objects.all())
    for way in ways:
        way.partners = [p for p in partners if p.kind in way.partner_kinds]
    programs = list(program_list().filter(parent__isnull=True))
    countries = {p.country_es for p in partners if p.country_es}
    return {
        "section": SectionText.load(),
        "ways": ways,
        "programs": programs,
        "milestones": list(milestone_list(limit=5, newest_first=True)),
        "figures": {
            "programs": Program.objects.published().count(),
            "projects": _published_projects().count(),
            "partners": len(partners),
            "countries": len(countries),
        },
    }


def contact_settings_get() -> ContactSettings:
    """The contact settings shown on every page (created with their defaults if missing)."""
    return ContactSettings.load()
