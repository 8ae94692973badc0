"""Thin views: the selectors fetch, the templates show."""

from dataclasses import fields

from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from common.querystring import only_parameters

from . import partner_map, search, selectors, structured_data
from .context_processors import contact_settings
from .forms import DirectoryFilterForm, SearchForm
from .models import Network, Partner, Program, Project

PAGE_SIZE = 24


class PageMixin:
    """Title, and the same page's address in each language, for every public page."""

    page_title = ""
    # The query parameters that make this page what it is (a search, the filters): the same
    # page in the other language keeps them.
    page_parameters: tuple[str, ...] = ()

    def get_page_title(self) -> str:
        return str(self.page_title)

    def get_alternate_urls(self) -> dict[str, str]:
        urls = {}
        for code, _name in settings.LANGUAGES:
            url = translate_url(self.request.path, code)
            query = only_parameters(self.translated_parameters(code), self.page_parameters)
            urls[code] = f"{url}?{query}" if query else url
        return urls

    def translated_parameters(self, language: str) -> QueryDict:
        """This page's query parameters as the page in ``language`` spells them."""
        return self.request.GET

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.get_page_title()
        context["alternate_urls"] = self.get_alternate_urls()
        return context


def page_context(page) -> dict:
    """The fields of a selector's typed result, as template variables (not copied)."""
    return {field.name: getattr(page, field.name) for field in fields(page)}


class ObjectPageMixin(PageMixin):
    """For a detail page: each language's URL carries that language's slug.

    ``selector`` returns the page's typed result; its fields become template variables and
    the field named like ``context_object_name`` is the page's object. Staff allowed to
    change an entry may open it while it is still a draft by adding ``?preview=1``: the
    page then says it is a preview and is never cached.
    """

    title_field = "title"
    selector = None
    describe = None
    preview = False

    def get_object(self, queryset=None):
        # Decided once: a preview reads drafts too, anything else only what is public.
        allowed = self.preview_allowed()
        self.page = type(self).selector(slug=self.kwargs["slug"], preview=allowed)
        obj = getattr(self.page, self.context_object_name)
        # Asked on a page the public may see anyway, it is that page, not a preview.
        self.preview = allowed and not obj.is_public
        return obj

    def preview_allowed(self) -> bool:
        """``?preview=1`` asked by active staff with the permission to change the entry."""
        if self.request.GET.get("preview") != "1":
            return False
        user, opts = self.request.user, self.model._meta
        return (
            user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.page))
        if type(self).describe:
            context["structured_data"] = type(self).describe(self.object, self.request)
        context["preview"] = self.preview
        return context

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
        context.update(page_context(selectors.home_get()))
        context["page_title"] = context["section"].title or context["page_title"]
        context["structured_data"] = structured_data.home(
            self.request, contact_settings(self.request)
        )
        return context


class DirectoryMixin:
    """A list of programs or projects narrowed by the directory filters: plain GET
    parameters that combine. Both lists share one template and differ by their lead.

    A value that is not one of the choices gives an empty list and says why; it is never
    an error page.
    """

    template_name = "cooperation/entry_list.html"
    filter_selector = None
    lead = ""
    # Not the page number: each language orders by its own titles.
    page_parameters = tuple(DirectoryFilterForm.base_fields)
    # Filters whose values are slugs, and so differ between the languages.
    TRANSLATED_FILTERS = ("theme", "partner", "network")

    def get_queryset(self):
        self.filter_choices = selectors.filter_choices_get()
        self.filter_form = DirectoryFilterForm(self.request.GET, **self.filter_choices)
        if not self.filter_form.is_valid():
            return self.model.objects.none()
        return type(self).filter_selector(filters=self.filter_form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["lead"] = self.lead
        context["filtered"] = bool(self.filter_form.is_valid() and self.filter_form.filters())
        # The filters only, for the pagination links.
        context["query_string"] = only_parameters(self.request.GET, DirectoryFilterForm.base_fields)
        return context

    def translated_parameters(self, language: str) -> QueryDict:
        current = translation.get_language()
        parameters = self.request.GET.copy()
        for name in self.TRANSLATED_FILTERS:
            options = self.filter_choices[f"{name}s"]
            slugs = {getattr(o, f"slug_{current}"): getattr(o, f"slug_{language}") for o in options}
            if (value := parameters.get(name)) in slugs:
                # A slug not yet written in that language: the filter is left out there.
                if slugs[value]:
                    parameters[name] = slugs[value]
                else:
                    del parameters[name]
        return parameters


class ProgramListView(DirectoryMixin, PageMixin, ListView):
    page_title = _("Programs")
    lead = _(
        "The cooperation frameworks Rosario takes part in: international initiatives, "
        "programs of networks of cities and programs of funders."
    )
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
    page_title = _("Projects")
    lead = _("Concrete work carried out with partners in Argentina and abroad, newest first.")
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
    page_parameters = ("q",)

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context = super().get_context_data(**kwargs)
        context.update(search_form=form, query=query, results=search.search_entries(query=query))
        return context


class TimelineView(PageMixin, ListView):
    template_name = "cooperation/timeline.html"
    page_title = _("Timeline")
    context_object_name = "milestones"

    def get_queryset(self):
        return selectors.milestone_list()


# The coverage page: the published portfolio per SDG and per theme (the open data page
# and the downloads are in opendata/views.py).


class CoverageView(PageMixin, TemplateView):
    template_name = "cooperation/coverage.html"
    page_title = _("SDG and theme coverage")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = selectors.coverage_get()
        return context
