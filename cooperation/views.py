"""Thin views: the selectors fetch, the templates show."""

from dataclasses import fields
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, RedirectView, TemplateView

from . import partner_map, search, selectors, structured_data
from .context_processors import contact_settings
from .forms import DirectoryFilterForm, SearchForm, only_parameters
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


def _may_change(user, model) -> bool:
    """Active staff with the permission to change entries of ``model``: they may preview."""
    opts = model._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    )


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
        self.preview = allowed and not self.page_is_public(obj)
        return obj

    def page_is_public(self, obj) -> bool:
        """Whether everything the page shows is what the public would see."""
        return obj.is_public

    def preview_allowed(self) -> bool:
        """``?preview=1`` asked by active staff with the permission to change the entry."""
        return self.request.GET.get("preview") == "1" and _may_change(self.request.user, self.model)

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

    def active_filters(self) -> list[str]:
        """The applied filters as they read: "Gestión de residuos"."""
        return self.filter_form.filter_labels() if self.filter_form.is_valid() else []

    def get_page_title(self) -> str:
        # A filtered list says what it holds: "Proyectos · Gestión de residuos".
        return " · ".join([str(self.page_title), *self.active_filters()])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["lead"] = self.lead
        labels = self.active_filters()
        context.update(
            filter_count=len(labels),
            filtered=bool(labels),
            list_title=self.page_title,
            filter_summary=" · ".join(labels),
        )
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

    def page_is_public(self, obj) -> bool:
        # A draft membership shown to staff makes the page a preview too.
        return obj.is_public and (self.page.network is None or self.page.network.is_public)


class NetworkListView(PageMixin, ListView):
    template_name = "cooperation/network_list.html"
    page_title = _("Networks")
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.network_list()


class NetworkDetailView(RedirectView):
    """A network's own address: a network is an organization, and the organization has one
    page, its partner page, which shows Rosario's membership too. A permanent redirect, so
    that links and search engines move there; a staff preview of a draft is a temporary one."""

    def get_redirect_url(self, *args, **kwargs):
        preview = self.request.GET.get("preview") == "1" and _may_change(self.request.user, Network)
        network = selectors.network_get(slug=kwargs["slug"], preview=preview)
        self.permanent = network.is_public
        url = network.get_absolute_url()
        return url if network.is_public else f"{url}?preview=1"


class TopicListView(PageMixin, TemplateView):
    """The index of the themes, or of the goals, each with its counts."""

    template_name = "cooperation/topic_list.html"
    selector = None
    lead = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(topics=type(self).selector(), lead=self.lead)
        return context


class ThemeListView(TopicListView):
    page_title = _("Themes")
    lead = _("The subjects of Rosario's international cooperation.")
    selector = selectors.theme_list


class SdgListView(TopicListView):
    page_title = _("Sustainable Development Goals")
    lead = _("The United Nations' 2030 Agenda goals that Rosario's cooperation addresses.")
    selector = selectors.sdg_list


class TopicDetailView(PageMixin, TemplateView):
    """A theme's or a goal's page: what concerns it. ``selector`` takes the URL's arguments."""

    template_name = "cooperation/topic_detail.html"
    selector = None
    # The index of these topics: its URL name and its title.
    index = ("", "")
    # The directory filter that narrows the lists to this topic.
    filter_name = ""

    def get(self, request, *args, **kwargs):
        self.page = type(self).selector(**kwargs)
        return super().get(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(self.page.topic)

    def get_alternate_urls(self) -> dict[str, str]:
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = self.page.topic.get_absolute_url()
        return urls

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.page))
        url_name, title = self.index
        context.update(index_url=reverse(url_name), index_title=title)
        context["filter_query"] = urlencode({self.filter_name: self.filter_value()})
        return context

    def filter_value(self) -> str:
        raise NotImplementedError


class ThemeDetailView(TopicDetailView):
    selector = selectors.theme_get
    index = ("cooperation:theme_list", _("Themes"))
    filter_name = "theme"

    def filter_value(self) -> str:
        return self.page.topic.slug


class SdgDetailView(TopicDetailView):
    selector = selectors.sdg_get
    index = ("cooperation:sdg_list", _("Sustainable Development Goals"))
    filter_name = "sdg"

    def filter_value(self) -> str:
        return str(self.page.topic.number)


class SearchView(PageMixin, TemplateView):
    template_name = "cooperation/search.html"
    page_title = _("Search")
    page_parameters = ("q",)

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context = super().get_context_data(**kwargs)
        results = search.search_entries(query=query)
        # Nothing found: perhaps a misspelling (PostgreSQL only).
        suggestion = "" if results else search.suggest(query=query)
        context.update(search_form=form, query=query, results=results, suggestion=suggestion)
        if suggestion:
            context["suggestion_url"] = f"{self.request.path}?{urlencode({'q': suggestion})}"
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
