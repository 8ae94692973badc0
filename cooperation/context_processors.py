from django.utils.functional import SimpleLazyObject

from . import selectors


def site(request):
    """The contact settings, read once per request and only if a template uses them."""
    return {"contact": SimpleLazyObject(selectors.contact_settings_get)}
