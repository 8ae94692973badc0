"""The project's URLs: the app's pages under a language prefix, and what lives outside one
(the crawlers' files, the health probes). The one place the project imports the app."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from cooperation.admin.guide import staff_guide
from cooperation.sitemaps import SITEMAPS
from rosario_intl import health

urlpatterns = [
    path("", RedirectView.as_view(url="/es/", permanent=False)),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Probes for the container runtime and the load balancer: no language prefix.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    # Before the admin's own URLs, which would take "guia/" for an app's name.
    path(f"{settings.ADMIN_URL}guia/", staff_guide, name="staff_guide"),
    # The code after the password, before any admin page (rosario_intl/two_factor/).
    path(f"{settings.ADMIN_URL}two-factor/", include("rosario_intl.two_factor.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("cooperation.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Uploaded images and documents on a development machine; in production the web
    # server in front serves MEDIA_ROOT (see the README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "rosario_intl.errors.page_not_found"
handler500 = "rosario_intl.errors.server_error"
