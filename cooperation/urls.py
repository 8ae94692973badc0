from django.urls import path
from django.utils.translation import pgettext_lazy

from . import models, views
from .opendata import urls as opendata_urls

app_name = "cooperation"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(pgettext_lazy("url", "programs/"), views.ProgramListView.as_view(), name="program_list"),
    path(
        pgettext_lazy("url", "programs/<slug:slug>/"),
        views.ProgramDetailView.as_view(),
        name="program_detail",
    ),
    path(pgettext_lazy("url", "projects/"), views.ProjectListView.as_view(), name="project_list"),
    path(
        pgettext_lazy("url", "projects/<slug:slug>/"),
        views.ProjectDetailView.as_view(),
        name="project_detail",
    ),
    path(pgettext_lazy("url", "partners/"), views.PartnerListView.as_view(), name="partner_list"),
    path(pgettext_lazy("url", "map/"), views.PartnerMapView.as_view(), name="partner_map"),
    path(
        pgettext_lazy("url", "partners/<slug:slug>/"),
        views.PartnerDetailView.as_view(),
        name="partner_detail",
    ),
    path(pgettext_lazy("url", "networks/"), views.NetworkListView.as_view(), name="network_list"),
    path(
        pgettext_lazy("url", "networks/<slug:slug>/"),
        views.NetworkDetailView.as_view(),
        name="network_detail",
    ),
    path(pgettext_lazy("url", "themes/"), views.ThemeListView.as_view(), name="theme_list"),
    path(
        pgettext_lazy("url", "themes/<slug:slug>/"),
        views.ThemeDetailView.as_view(),
        name="theme_detail",
    ),
    path(pgettext_lazy("url", "sdgs/"), views.SdgListView.as_view(), name="sdg_list"),
    path(
        pgettext_lazy("url", "sdgs/<int:number>/"), views.SdgDetailView.as_view(), name="sdg_detail"
    ),
    path(pgettext_lazy("url", "search/"), views.SearchView.as_view(), name="search"),
    path(pgettext_lazy("url", "timeline/"), views.TimelineView.as_view(), name="timeline"),
    path(pgettext_lazy("url", "coverage/"), views.CoverageView.as_view(), name="coverage"),
    # Link preview cards (og:image).
    path(
        pgettext_lazy("url", "preview/<slug:page>.png"),
        views.PageImageView.as_view(),
        name=views.PageImageView.url_name,
    ),
    path(
        pgettext_lazy("url", "programs/<slug:slug>/preview.png"),
        views.EntryImageView.as_view(model=models.Program, kind=views.ProgramDetailView.kind),
        name="program_image",
    ),
    path(
        pgettext_lazy("url", "projects/<slug:slug>/preview.png"),
        views.EntryImageView.as_view(model=models.Project, kind=views.ProjectDetailView.kind),
        name="project_image",
    ),
    path(
        pgettext_lazy("url", "partners/<slug:slug>/preview.png"),
        views.EntryImageView.as_view(model=models.Partner, kind=views.PartnerDetailView.kind),
        name="partner_image",
    ),
]

# The downloads, the open data page and the feed: in this namespace, under their own names.
urlpatterns += opendata_urls.urlpatterns
