from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import fragments, selectors


def contact_settings(request):
    """The contact settings, read once per content version (kept with the fragments: every
    save of them raises the version) and at most once per request, whoever asks first."""
    if not hasattr(request, "_contact_settings"):
        request._contact_settings = fragments.cached(
            request, "contact-settings", selectors.contact_settings_get
        )
    return request._contact_settings


def site(request):
    """The contact settings, read only if a template uses them, and the city's main site."""
    return {
        "contact": SimpleLazyObject(lambda: contact_settings(request)),
        "city_site_url": settings.CITY_SITE_URL,
    }
