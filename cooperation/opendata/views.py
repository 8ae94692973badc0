"""The downloads (CSV, JSON, IATI XML) and the open data page that documents them."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from cooperation.models import Program, Project
from cooperation.views import PageMixin

from . import datasets, iati, selectors

IATI_CONTENT_TYPE = "application/xml; charset=utf-8"


def _download(content: str | bytes, *, content_type: str, filename: str) -> HttpResponse:
    """A file to save; any site may fetch it too, since the data is public and open."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _iati_publication(request) -> iati.Publication:
    programs, projects = selectors.iati_activity_list()
    return iati.Publication(programs, projects, absolute_url=request.build_absolute_uri)


@require_safe
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


@require_safe
def iati_program(request, slug):
    return _iati_activity(request, Program, slug)


@require_safe
def iati_project(request, slug):
    return _iati_activity(request, Project, slug)


@require_safe
def open_data_csv(request, dataset):
    data = datasets.dataset_get(dataset)
    rows = data.rows(absolute_url=request.build_absolute_uri)
    return _download(
        datasets.to_csv(data, rows),
        content_type="text/csv; charset=utf-8",
        filename=data.filename("csv"),
    )


@require_safe
def open_data_json(request, dataset):
    data = datasets.dataset_get(dataset)
    rows = data.rows(absolute_url=request.build_absolute_uri)
    documentation = request.build_absolute_uri(reverse("cooperation:open_data"))
    return _download(
        datasets.to_json(data, rows, documentation_url=documentation),
        content_type="application/json",
        filename=data.filename("json"),
    )


class OpenDataView(PageMixin, TemplateView):
    template_name = "cooperation/open_data.html"
    page_title = _("Open data")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            datasets=datasets.DATASETS.values(),
            license=datasets.license_get(),
            iati=_iati_publication(self.request),
            iati_ref=iati.reporting_org_ref(),
            iati_mappings=iati.mappings(),
        )
        return context
