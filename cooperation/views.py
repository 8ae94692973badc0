"""Thin views: the selectors fetch, the templates show."""

from dataclasses import fields
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.urls import NoReverseMatch, resolve, reverse, translate_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, RedirectView, TemplateView, View

from common.pagination import OneQueryPaginator
from common.querystring import only_parameters

from . import fragments, og_image, partner_map, search, selectors, structured_data
from .context_processors import contact_settings
from .forms import DirectoryFilterForm, SearchForm
from .i18n import addresses_in_each_language
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
            url = path_in(self.request, code)
            query = only_parameters(self.translated_parameters(code), self.page_parameters)
            urls[code] = f"{url}?{query}" if query else url
        return urls

    def translated_parameters(self, language: str) -> QueryDict:
        """This page's query parameters as the page in ``language`` spells them."""
        return self.request.GET

    def get_page_path(self, urls: dict[str, str]) -> str:
        """This page's address, with the parameters that make it what it is, from its
        addresses in each language (``urls``)."""
        return urls.get(translation.get_language(), self.request.path)

    def get_og_image(self, page_title: str) -> dict | None:
        """The link preview card of this page (``og:image``): drawn by ``PageImageView``
        for a page whose address has no parameters in its path."""
        match = self.request.resolver_match
        # A page with parameters in its path (an entry's) has a card of its own, or none.
        if match is None or match.kwargs or not match.url_name:
            return None
        try:
            url = reverse(f"cooperation:{PageImageView.url_name}", kwargs={"page": match.url_name})
        except NoReverseMatch:
            return None
        return og_image_context(url, page_title, "")

    @classmethod
    def og_card(cls) -> og_image.Card:
        """What this page's preview card shows."""
        return og_image.Card(title=str(cls.page_title), kind="", section=str(og_image.SECTION))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.get_page_title()
        context["alternate_urls"] = self.get_alternate_urls()
        context["numbered_urls"] = numbered(context["alternate_urls"], context.get("page_obj"))
        # The parameters that make the page what it is, for its pagination links.
        context["query_string"] = only_parameters(self.request.GET, self.page_parameters)
        # The address printed and sent on WhatsApp: this very page, its number included.
        context["page_url"] = self.request.build_absolute_uri(
            self.get_page_path(context["numbered_urls"])
        )
        context["og_image"] = self.get_og_image(context["page_title"])
        return context


def numbered(urls: dict[str, str], page) -> dict[str, str]:
    """``urls`` with the number of ``page`` (a paginated list's page from the second on), for
    the links that name this very page: canonical and hreflang. The language switch leaves it
    out: each language orders its list by its own titles."""
    if page is None or page.number == 1:
        return urls
    return {
        code: f"{url}{'&' if '?' in url else '?'}{urlencode({'page': page.number})}"
        for code, url in urls.items()
    }


def path_in(request, language: str) -> str:
    """This request's path in ``language``, as ``translate_url`` gives it, from the URL the
    request was resolved to (``translate_url`` would resolve the path again)."""
    match = request.resolver_match
    if match is None:
        return translate_url(request.path, language)
    with translation.override(language):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


def og_image_context(url: str, title: str, kind: str) -> dict:
    """The ``og:image`` of a page, as ``base.html`` writes it."""
    alt = " · ".join(str(part) for part in (title, kind, og_image.SECTION) if part)
    return {"url": url, "alt": alt, "width": og_image.WIDTH, "height": og_image.HEIGHT}


def png_response(png: bytes) -> HttpResponse:
    response = HttpResponse(png, content_type="image/png")
    response["Content-Length"] = str(len(png))
    return response


def page_context(page) -> dict:
    """The fields of a selector's typed result, as template variables (not copied)."""
    return {field.name: getattr(page, field.name) for field in fields(page)}


def preview_asked(request, model) -> bool:
    """``?preview=1`` asked by active staff with the permission to change ``model``'s entries."""
    return request.GET.get("preview") == "1" and _may_change(request.user, model)


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

    An address the entry used to have answers a permanent redirect to its address now
    (``selectors.entry_by_former_slug``), if the public may see it.
    """

    title_field = "title"
    selector = None
    describe = None
    preview = False
    kind = ""  # what the entry is, as its preview card says ("Proyecto")

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # Looked for only now: a page found costs not one query more.
            entry = selectors.entry_by_former_slug(model=self.model, slug=self.kwargs["slug"])
            if entry is None:
                raise
        response = HttpResponsePermanentRedirect(entry.get_absolute_url())
        # Browsers keep a 301 without this for good, and a slug may come back to its entry:
        # they must ask again (the page cache does not keep redirects either).
        patch_cache_control(response, public=True, no_cache=True)
        return response

    def get_object(self, queryset=None):
        # Decided once: a preview reads drafts too, anything else only what is public.
        allowed = self.preview_allowed()
        slug = self.kwargs["slug"]
        if allowed:  # a preview is never kept
            self.page = type(self).selector(slug=slug, preview=True)
        else:
            # The page's data, read once per content version and language (an unknown slug
            # raises Http404 and keeps nothing).
            self.page = fragments.cached(
                self.request,
                f"page:{self.model._meta.model_name}:{slug}",
                partial(type(self).selector, slug=slug, preview=False),
            )
        obj = getattr(self.page, self.context_object_name)
        # Asked on a page the public may see anyway, it is that page, not a preview.
        self.preview = allowed and not self.page_is_public(obj)
        return obj

    def page_is_public(self, obj) -> bool:
        """Whether everything the page shows is what the public would see."""
        return obj.is_public

    def preview_allowed(self) -> bool:
        return preview_asked(self.request, self.model)

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

    def get_page_path(self, urls: dict[str, str]) -> str:
        return self.object.get_absolute_url()

    def get_og_image(self, page_title: str) -> dict | None:
        # A draft seen in a preview has no card: it is not public yet.
        if self.preview:
            return None
        url = reverse(
            f"cooperation:{self.model._meta.model_name}_image", kwargs={"slug": self.object.slug}
        )
        return og_image_context(url, page_title, self.kind)

    def get_alternate_urls(self) -> dict[str, str]:
        suffix = "?preview=1" if self.preview else ""
        return {code: url + suffix for code, url in addresses_in_each_language(self.object).items()}


class HomeView(PageMixin, TemplateView):
    template_name = "cooperation/home.html"
    page_title = _("International cooperation")

    def get_context_data(self, **kwargs):
        # Read once per content version and language; before the title, the section's.
        self.home = fragments.cached(self.request, "page:home", selectors.home_get)
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.home))
        context["structured_data"] = structured_data.home(
            self.request, contact_settings(self.request)
        )
        return context

    def get_page_title(self) -> str:
        return self.title_of(self.home.section)

    @classmethod
    def title_of(cls, section) -> str:
        """The section's own title, as staff wrote it, or the page's."""
        return section.title or str(cls.page_title)

    @classmethod
    def og_card(cls) -> og_image.Card:
        title = cls.title_of(selectors.section_text_get())
        return og_image.Card(title=title, kind="", section=str(og_image.SECTION))


class DirectoryMixin:
    """A list of programs or projects narrowed by the directory filters: plain GET
    parameters that combine. Both lists share one template and differ by their lead.

    A value that is not one of the choices gives an empty list and says why; it is never
    an error page.
    """

    template_name = "cooperation/entry_list.html"
    # The page and the number of results in one statement.
    paginator_class = OneQueryPaginator
    lead = ""
    # Not the page number: each language orders by its own titles.
    page_parameters = tuple(DirectoryFilterForm.base_fields)
    # Filters whose values are slugs, and so differ between the languages.
    TRANSLATED_FILTERS = ("theme", "partner", "network")

    def get_queryset(self):
        """Not a queryset: the page's entries are read by ``selectors.directory_page``, a
        statement compiled once per combination of filters, as keys in order with the total;
        the cards come from the fragment cache, and only the entries of cards not kept are
        read whole (``get_cards``)."""
        # The choices, the options and the unfiltered form written out: once per version
        # and language.
        self.filter_choices, options, blank_html = fragments.cached(
            self.request, "directory-filters", self.filter_fragments
        )
        self.filter_form = DirectoryFilterForm(
            self.request.GET, choices=self.filter_choices, options=options, blank_html=blank_html
        )
        if not self.filter_form.is_valid():
            return lambda *, offset, limit: []
        return partial(selectors.directory_page, self.model, self.filter_form.filters())

    def get_cards(self, rows) -> list[str]:
        list_selector, _ = selectors.DIRECTORY[self.model]
        return fragments.cards_of(
            self.model,
            [row["pk"] for row in rows],
            load=lambda pks: list_selector().filter(pk__in=pks),
            request=self.request,
            page=self.template_name,
            with_relations=True,
        )

    @staticmethod
    def filter_fragments() -> tuple[selectors.FilterChoices, dict[str, str], str]:
        """What the filters show that depends on the content and the language alone: their
        choices, each select's options, and the controls of a list given no filter."""
        choices = selectors.filter_choices_get()
        blank = DirectoryFilterForm({}, choices=choices)
        html = blank.fields_html()  # which writes the options too, and keeps them
        return choices, blank.options, html

    @cached_property
    def applied_filters(self) -> list[dict]:
        """Each applied filter as it reads ("Gestión de residuos"), with the address of this
        list without it (and from page 1); worked out once, for the title and the page."""
        if not self.filter_form.is_valid():
            return []
        applied = []
        for name, field_label, label in self.filter_form.applied_filters():
            others = [n for n in DirectoryFilterForm.base_fields if n != name]
            query = only_parameters(self.request.GET, others)
            url = f"{self.request.path}?{query}" if query else self.request.path
            applied.append({"field": field_label, "label": label, "remove_url": url})
        return applied

    def get_page_title(self) -> str:
        # A filtered list says what it holds: "Proyectos · Gestión de residuos".
        return " · ".join([str(self.page_title), *(a["label"] for a in self.applied_filters)])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cards=self.get_cards(context["object_list"]),
            filter_form=self.filter_form,
            lead=self.lead,
            list_title=self.page_title,
            applied_filters=self.applied_filters,
            filter_summary=" · ".join(a["label"] for a in self.applied_filters),
        )
        return context

    def translated_parameters(self, language: str) -> QueryDict:
        parameters = self.request.GET.copy()
        for name in self.TRANSLATED_FILTERS:
            slugs = self.filter_choices.slugs[name][language]
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


class ProgramDetailView(ObjectPageMixin, DetailView):
    model = Program
    kind = _("Program")
    template_name = "cooperation/program_detail.html"
    selector = selectors.program_get
    describe = structured_data.entry
    context_object_name = "program"


class ProjectListView(DirectoryMixin, PageMixin, ListView):
    page_title = _("Projects")
    lead = _("Concrete work carried out with partners in Argentina and abroad, newest first.")
    paginate_by = PAGE_SIZE
    model = Project


class ProjectDetailView(ObjectPageMixin, DetailView):
    model = Project
    kind = _("Project")
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
        context["map"] = partner_map.world_map(selectors.partner_map_get())
        return context


class PartnerDetailView(ObjectPageMixin, DetailView):
    model = Partner
    kind = _("Partner organization")
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
        preview = preview_asked(self.request, Network)
        try:
            network = selectors.network_get(slug=kwargs["slug"], preview=preview)
        except Http404:
            # An address the network used to have: straight to its organization's page.
            network = selectors.entry_by_former_slug(model=Network, slug=kwargs["slug"])
            if network is None:
                raise
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
        return addresses_in_each_language(self.page.topic)

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


class SearchView(PageMixin, ListView):
    """The matches of the visitor's words, best first, a page at a time, with how many there
    are in all (``search.search_page``: one statement for both)."""

    template_name = "cooperation/search.html"
    page_title = _("Search")
    page_parameters = ("q",)
    paginator_class = OneQueryPaginator
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        """Not a queryset: a page of the matches is read by ``search.search_page``."""
        self.search_form = SearchForm(self.request.GET)
        self.query = self.search_form.cleaned_data["q"] if self.search_form.is_valid() else ""
        return partial(search.search_page, self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = search.results_of(context["object_list"])
        # Nothing found: perhaps a misspelling (PostgreSQL only).
        suggestion = "" if results else search.suggest(query=self.query)
        context.update(
            search_form=self.search_form, query=self.query, results=results, suggestion=suggestion
        )
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


# Link preview cards (og:image): an entry's, and a page's without an entry.


class EntryImageView(View):
    """The preview card of a public entry; a draft or an unknown slug is a 404."""

    model = None
    kind = ""

    def get(self, request, slug):
        entry = selectors.preview_entry_get(model=self.model, slug=slug)
        card = og_image.Card(title=str(entry), kind=str(self.kind), section=str(og_image.SECTION))
        return png_response(og_image.card_png(card))


class PageImageView(View):
    """The preview card of a page without an entry (home, lists, map...), named by its URL
    name: any public page whose address takes no parameters in its path."""

    url_name = "page_image"

    def get(self, request, page):
        try:
            view = resolve(reverse(f"cooperation:{page}")).func.view_class
        except (NoReverseMatch, AttributeError):
            raise Http404("No such page.") from None
        if not issubclass(view, PageMixin) or issubclass(view, ObjectPageMixin):
            raise Http404("No such page.")
        return png_response(og_image.card_png(view.og_card()))
