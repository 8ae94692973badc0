"""Thin views: the selectors fetch, the templates show."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from . import selectors
from .i18n import active_language

PAGE_SIZE = 24


class PageMixin:
    """Title, and the same page's address in each language, for every public page."""

    page_title = ""

    def get_page_title(self) -> str:
        return str(self.page_title)

    def get_alternate_urls(self) -> dict[str, str]:
        return {
            code: translation.translate_url(self.request.path, code)
            for code, _name in settings.LANGUAGES
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.get_page_title()
        context["alternate_urls"] = self.get_alternate_urls()
        return context


class ObjectPageMixin(PageMixin):
    """For a detail page: each language's URL carries that language's slug."""

    title_field = "title"
    selector = None

    def get_object(self, queryset=None):
        return type(self).selector(slug=self.kwargs["slug"])

    def get_page_title(self) -> str:
        return getattr(self.object, self.title_field)

    def get_alternate_urls(self) -> dict[str, str]:
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = self.object.get_absolute_url()
        return urls


class HomeView(PageMixin, TemplateView):
    template_name = "cooperation/home.html"
    page_title = _("International cooperation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.home_get())
        context["page_title"] = context["section"].title or context["page_title"]
        return context


class ProgramListView(PageMixin, ListView):
    template_name = "cooperation/program_list.html"
    page_title = _("Programs")
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.program_list()


class ProgramDetailView(ObjectPageMixin, DetailView):
    template_name = "cooperation/program_detail.html"
    selector = selectors.program_get
    context_object_name = "program"


class ProjectListView(PageMixin, ListView):
    template_name = "cooperation/project_list.html"
    page_title = _("Projects")
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.project_list()


class ProjectDetailView(ObjectPageMixin, DetailView):
    template_name = "cooperation/project_detail.html"
    selector = selectors.project_get
    context_object_name = "project"


class PartnerListView(PageMixin, ListView):
    template_name = "cooperation/partner_list.html"
    page_title = _("Partner organizations")
    paginate_by = 60

    def get_queryset(self):
        return selectors.partner_list()


class PartnerDetailView(ObjectPageMixin, DetailView):
    template_name = "cooperation/partner_detail.html"
    selector = selectors.partner_get
    context_object_name = "partner"
    title_field = "name"


class NetworkListView(PageMixin, ListView):
    template_name = "cooperation/network_list.html"
    page_title = _("Networks")
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.network_list()


class NetworkDetailView(ObjectPageMixin, DetailView):
    template_name = "cooperation/network_detail.html"
    selector = selectors.network_get
    context_object_name = "network"

    def get_page_title(self) -> str:
        return str(self.object.organization)


class TimelineView(PageMixin, ListView):
    template_name = "cooperation/timeline.html"
    page_title = _("Timeline")
    context_object_name = "milestones"

    def get_queryset(self):
        return selectors.milestone_list()


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _home_in(language: str) -> str:
    with translation.override(language):
        return reverse("cooperation:home")


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    context = {
        "page_title": _("Page not found"),
        "alternate_urls": {code: _home_in(code) for code, _name in settings.LANGUAGES},
    }
    return HttpResponseNotFound(template.render(context, request))


def server_error(request):
    # No context processors and no database: this page must render even when all else fails.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": active_language()}))
