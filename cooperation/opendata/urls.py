"""The open data routes, part of the ``cooperation`` namespace (``cooperation/urls.py``
adds them to its own, so their names stay ``cooperation:open_data``, ``cooperation:feed``...)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import feeds, views

urlpatterns = [
    path(pgettext_lazy("url", "open-data/"), views.OpenDataView.as_view(), name="open_data"),
    # The same files under each language's prefix: they hold both languages.
    path(
        pgettext_lazy("url", "open-data/<slug:dataset>.csv"),
        views.open_data_csv,
        name="open_data_csv",
    ),
    path(
        pgettext_lazy("url", "open-data/<slug:dataset>.json"),
        views.open_data_json,
        name="open_data_json",
    ),
    path(
        pgettext_lazy("url", "open-data/iati-activities.xml"),
        views.iati_activities,
        name="iati_activities",
    ),
    path(
        pgettext_lazy("url", "open-data/iati/programs/<slug:slug>.xml"),
        views.iati_program,
        name="iati_program",
    ),
    path(
        pgettext_lazy("url", "open-data/iati/projects/<slug:slug>.xml"),
        views.iati_project,
        name="iati_project",
    ),
    path(pgettext_lazy("url", "feed/"), feeds.LatestFeed(), name="feed"),
]
