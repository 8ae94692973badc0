"""Thin views: the selectors fetch, the templates show."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from . import iati, opendata, partner_map, selectors, structured_data
from .context_processors import contact_settings
from .forms import DirectoryFilterForm, SearchForm, only_parameters
from .models import Network, Partner, Program, Project

PAGE_SIZE = 24


class PageMixin:
    """Title, and the same page's address in each language, for every public page."""

    page_title = ""

    def get_page_title(self) -> str:
        return str(self.page_title)

    def get_alternate_urls(self) -> dict[str, str]:
        return {code: translate_url(self.request.path, code) for code, _name in settings.LANGUAGES}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.get_page_title()
        context["alternate_urls"] = self.get_alternate_urls()
        return context


class ObjectPageMixin(PageMixin):
    """For a detail page: each language's URL carries that language's slug.

    Staff allowed to change an entry may open it while it is still a draft by adding
    ``?preview=1``: the page then says it is a preview and is never cached.
    """

    title_field = "title"
    selector = None
    describe = None
    preview = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if type(self).describe:
            context["structured_data"] = type(self).describe(self.object, self.request)
        context["preview"] = self.preview
        return context

    def get_object(self, queryset=None):
        selector = type(self).selector
        try:
            return selector(slug=self.kwargs["slug"])
        except Http404:
            if not self.preview_allowed():
                raise
        self.preview = True
        return selector(slug=self.kwargs["slug"], preview=True)

    def preview_allowed(self) -> bool:
        if self.request.GET.get("preview") != "1":
            return False
        user, opts = self.request.user, self.model._meta
        return (
            user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    def get_page_title(self) -> str:
        return getattr(self.object, self.title_field)

    def get_alternate_urls(self) -> dict[str, str]:
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = self.object.get_absolute_url() + ("?preview=1" if self.preview else "")
        return urls


class HomeView(PageMixin, TemplateView):
    template_name = "cooperation/home.html"
    page_title = _("International cooperation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.home_get())
        context["page_title"] = context["section"].title or context["page_title"]
        context["structured_data"] = structured_data.home(
            self.request, contact_settings(self.request)
        )
        return context


class DirectoryMixin:
    """A list narrowed by the directory filters: plain GET parameters that combine.

    A value that is not one of the choices gives an empty list and says why; it is never
    an error page.
    """

    filter_selector = None

    def get_queryset(self):
        self.filter_form = DirectoryFilterForm(self.request.GET, **selectors.filter_choices_get())
        if not self.filter_form.is_valid():
            return self.model.objects.none()
        return type(self).filter_selector(filters=self.filter_form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["filtered"] = bool(self.filter_form.is_valid() and self.filter_form.filters())
        # The filters only, for the pagination links.
        context["query_string"] = only_parameters(self.request.GET, DirectoryFilterForm.base_fields)
        return context


class ProgramListView(DirectoryMixin, PageMixin, ListView):
    template_name = "cooperation/program_list.html"
    page_title = _("Programs")
    paginate_by = PAGE_SIZE
    model = Program
    filter_selector = selectors.program_filter


class ProgramDetailView(ObjectPageMixin, DetailView):
    model = Program
    template_name = "cooperation/program_detail.html"
    selector = selectors.program_get
    describe = structured_data.entry
    context_object_name = "program"


class ProjectListView(DirectoryMixin, PageMixin, ListView):
    template_name = "cooperation/project_list.html"
    page_title = _("Projects")
    paginate_by = PAGE_SIZE
    model = Project
    filter_selector = selectors.project_filter


class ProjectDetailView(ObjectPageMixin, DetailView):
    model = Project
    template_name = "cooperation/project_detail.html"
    selector = selectors.project_get
    describe = structured_data.entry
    context_object_name = "project"


class PartnerListView(PageMixin, ListView):
    template_name = "cooperation/partner_list.html"
    page_title = _("Partner organizations")
    paginate_by = 60

    def get_queryset(self):
        return selectors.partner_list()


class PartnerMapView(PageMixin, TemplateView):
    template_name = "cooperation/partner_map.html"
    page_title = _("Map of partners")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = selectors.partner_map_get()
        context.update(partners, map=partner_map.world_map(partners["located"]))
        return context


class PartnerDetailView(ObjectPageMixin, DetailView):
    model = Partner
    template_name = "cooperation/partner_detail.html"
    selector = selectors.partner_get
    describe = structured_data.partner
    context_object_name = "partner"
    title_field = "name"


class NetworkListView(PageMixin, ListView):
    template_name = "cooperation/network_list.html"
    page_title = _("Networks")
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.network_list()


class NetworkDetailView(ObjectPageMixin, DetailView):
    model = Network
    template_name = "cooperation/network_detail.html"
    selector = selectors.network_get
    context_object_name = "network"

    def get_page_title(self) -> str:
        return str(self.object.organization)


class SearchView(PageMixin, TemplateView):
    template_name = "cooperation/search.html"
    page_title = _("Search")

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context = super().get_context_data(**kwargs)
        context.update(search_form=form, query=query, results=selectors.search_entries(query=query))
        return context


class TimelineView(PageMixin, ListView):
    template_name = "cooperation/timeline.html"
    page_title = _("Timeline")
    context_object_name = "milestones"

    def get_queryset(self):
        return selectors.milestone_list()


# Open data: the downloads and the pages that document and chart the portfolio.


def _download(content: str | bytes, *, content_type: str, filename: str) -> HttpResponse:
    """A file to save; any site may fetch it too, since the data is public and open."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _iati_publication(request) -> iati.Publication:
    programs, projects = selectors.iati_activity_list()
    return iati.Publication(programs, projects, absolute_url=request.build_absolute_uri)


IATI_CONTENT_TYPE = "application/xml; charset=utf-8"


@require_GET
def iati_activities(request):
    publication = _iati_publication(request)
    if not publication.activities:
        raise Http404("No published program or project can be an IATI activity yet.")
    return _download(
        publication.document(),
        content_type=IATI_CONTENT_TYPE,
        filename="rosario-cooperation-iati-activities.xml",
    )


def _iati_activity(request, model, slug: str):
    entry = selectors.iati_activity_get(model=model, slug=slug)
    publication = _iati_publication(request)
    activity = next((a for a in publication.activities if a == entry), None)
    if activity is None:
        raise Http404("This entry cannot be an IATI activity yet (see the open data page).")
    return _download(
        publication.document([activity]),
        content_type=IATI_CONTENT_TYPE,
        filename=f"{iati.activity_identifier(activity)}.xml",
    )


@require_GET
def iati_program(request, slug):
    return _iati_activity(request, Program, slug)


@require_GET
def iati_project(request, slug):
    return _iati_activity(request, Project, slug)


@require_GET
def open_data_csv(request, dataset):
    data = opendata.dataset_get(dataset)
    rows = data.rows(absolute_url=request.build_absolute_uri)
    return _download(
        opendata.to_csv(data, rows),
        content_type="text/csv; charset=utf-8",
        filename=data.filename("csv"),
    )


@require_GET
def open_data_json(request, dataset):
    data = opendata.dataset_get(dataset)
    rows = data.rows(absolute_url=request.build_absolute_uri)
    documentation = request.build_absolute_uri(reverse("cooperation:open_data"))
    return _download(
        opendata.to_json(data, rows, documentation_url=documentation),
        content_type="application/json",
        filename=data.filename("json"),
    )


class OpenDataView(PageMixin, TemplateView):
    template_name = "cooperation/open_data.html"
    page_title = _("Open data")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            datasets=opendata.DATASETS.values(),
            license=opendata.license_get(),
            iati=_iati_publication(self.request),
            iati_ref=iati.reporting_org_ref(),
            iati_mappings=iati.mappings(),
        )
        return context


class CoverageView(PageMixin, TemplateView):
    template_name = "cooperation/coverage.html"
    page_title = _("SDG and theme coverage")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = selectors.coverage_get()
        context["groups"] = [
            {
                "key": "sdg",
                "title": _("Sustainable Development Goals"),
                "heading": _("Goal"),
                "caption": _("Published programs and projects per Sustainable Development Goal"),
                "items": coverage["sdgs"],
            },
            {
                "key": "theme",
                "title": _("Themes"),
                "heading": _("Theme"),
                "caption": _("Published programs and projects per theme"),
                "items": coverage["themes"],
            },
        ]
        return context
