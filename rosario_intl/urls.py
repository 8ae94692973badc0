from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from cooperation import health
from cooperation.sitemaps import SITEMAPS
from cooperation.views import robots_txt

urlpatterns = [
    path("", RedirectView.as_view(url="/es/", permanent=False)),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Probes for the container runtime and the load balancer: no language prefix.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("cooperation.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Uploaded images and documents on a development machine; in production the web
    # server in front serves MEDIA_ROOT (see the README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "cooperation.views.page_not_found"
handler500 = "cooperation.views.server_error"
