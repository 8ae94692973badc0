"""What the open data publishes: the IATI activities, the CSV and JSON tables and the feed.

Published content only (``published()`` on each model), with the relations each file
reads loaded up front, so that a download runs a fixed number of queries whatever the size
of the portfolio.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, Prefetch, Q, QuerySet, When
from django.db.models.functions import Coalesce
from django.http import Http404

from cooperation.i18n import slug_lookup
from cooperation.models import Network, Participation, Partner, Program, Project, Source

# The kinds of content that cite sources, by the name the sources table gives them.
SOURCED_MODELS = {"program": Program, "project": Project, "partner": Partner, "network": Network}


def _entry_relations() -> tuple:
    """What an IATI activity carries besides the entry's own fields."""
    # The entries are public, so their public participations are those of public partners.
    participations = Participation.objects.published().select_related("partner")
    return ("themes", "sdgs", "documents", Prefetch("participations", queryset=participations))


def iati_activity_list() -> tuple[list[Program], list[Project]]:
    """Published programs and projects with everything their IATI activities carry."""
    programs = Program.objects.published().prefetch_related(*_entry_relations()).order_by("pk")
    projects = Project.objects.published().prefetch_related(*_entry_relations()).order_by("pk")
    return list(programs), list(projects)


def iati_activity_get(*, model: type[Program] | type[Project], slug: str) -> Program | Project:
    """The published program or project with this slug in the active language, or 404."""
    entry = model.objects.published().filter(slug_lookup(slug)).first()
    if entry is None:
        raise Http404("No published entry with this slug.")
    return entry


def open_data_program_list() -> QuerySet[Program]:
    """Published programs for the downloads; a parent or network that is a draft shows as none."""
    published_parents = Program.objects.published().values("pk")
    published_networks = Network.objects.published().values("pk")
    return (
        Program.objects.published()
        .annotate(
            published_parent_id=Case(When(parent__in=published_parents, then=F("parent_id"))),
            published_network_id=Case(When(network__in=published_networks, then=F("network_id"))),
        )
        .prefetch_related("themes", "sdgs", "sources")
        .order_by("pk")
    )


def open_data_project_list() -> QuerySet[Project]:
    """Published projects of published programs, for the downloads."""
    return Project.objects.published().prefetch_related("themes", "sdgs", "sources").order_by("pk")


def open_data_partner_list() -> QuerySet[Partner]:
    """Published partner organizations, for the downloads."""
    return Partner.objects.published().prefetch_related("sources").order_by("pk")


def open_data_network_list() -> QuerySet[Network]:
    """Published networks whose organization is published too, for the downloads (with the
    organization, whose page is the network's)."""
    return (
        Network.objects.published()
        .select_related("organization")
        .prefetch_related("sources")
        .order_by("pk")
    )


def open_data_source_list() -> QuerySet[Source]:
    """The sources of published programs, projects, partners and networks, for the downloads."""
    cited = Q(pk__in=[])
    for model in SOURCED_MODELS.values():
        cited |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model.objects.published().values("pk"),
        )
    return Source.objects.filter(cited).select_related("content_type").order_by("pk")


def open_data_participation_list() -> QuerySet[Participation]:
    """Participations of published partners in published programs and projects."""
    return Participation.objects.published().order_by("pk")


def entry_published_list(*, limit: int) -> list[Program | Project]:
    """The programs and projects published last, newest first.

    ``published_on`` is the moment an entry went public: its "publish from" date when it
    has one, otherwise its creation.
    """
    published_on = Coalesce("publish_at", "created_at")
    programs = Program.objects.published().annotate(published_on=published_on)
    projects = Project.objects.published().annotate(published_on=published_on)
    entries = [
        *programs.order_by("-published_on", "-pk")[:limit],
        *projects.order_by("-published_on", "-pk")[:limit],
    ]
    entries.sort(key=lambda entry: entry.published_on, reverse=True)
    return entries[:limit]
