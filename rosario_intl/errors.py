"""The pages for when something goes wrong: 404, 500, 503 (database unreachable), 429 (login
locked out), 403 (a form refused by the CSRF check).

All but the 404 page are standalone (``templates/standalone.html``): rendered without a
request, so without context processors or the database, in the active language, and never
cached. ``handler404`` and ``handler500`` (``rosario_intl/urls.py``) point here, and so do
django-axes' ``AXES_LOCKOUT_CALLABLE`` and ``CSRF_FAILURE_VIEW``.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotFound
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

# Seconds after which a visitor (or a crawler) may try again while the database is down.
OUTAGE_RETRY_AFTER = 30


def standalone_response(
    template: str, *, status: int, retry_after: int | None = None, **context
) -> HttpResponse:
    """One of the pages for when the site is in trouble (templates/standalone.html).

    Rendered in the active language without a request, so without context processors or the
    database; never cached; ``Retry-After`` says when to come back.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    content = loader.render_to_string(template, {"LANGUAGE_CODE": language, **context})
    response = HttpResponse(content, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def database_unavailable_response(retry_after: int = OUTAGE_RETRY_AFTER) -> HttpResponse:
    """The 503 page: the database is unreachable."""
    return standalone_response("503.html", status=503, retry_after=retry_after)


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The 429 page of a locked-out login (django-axes' AXES_LOCKOUT_CALLABLE).

    Like the 503 page it is standalone, in the visitor's language, never cached, and says
    when to try again, in minutes and in ``Retry-After``.
    """
    cool_off = int(settings.AXES_COOLOFF_TIME.total_seconds())
    return standalone_response(
        "lockout.html", status=429, retry_after=cool_off, minutes=max(1, cool_off // 60)
    )


def _home_in(language: str) -> str:
    with translation.override(language):
        return reverse("cooperation:home")


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    # The 404 page shows the contact settings, so it needs the database; Django calls no
    # middleware for an error inside an error handler, so the outage answer is given here.
    context = {
        "page_title": _("Page not found"),
        "alternate_urls": {code: _home_in(code) for code, _name in settings.LANGUAGES},
    }
    try:
        return HttpResponseNotFound(template.render(context, request))
    except (OperationalError, InterfaceError):
        if settings.DEBUG:
            raise
        return database_unavailable_response()


def server_error(request):
    # No context processors and no database: this page must render even when all else fails.
    return standalone_response("500.html", status=500)


def csrf_failure(request, reason=""):
    """A form refused by the CSRF check (``CSRF_FAILURE_VIEW``): what happened and what to
    do, in the visitor's language, instead of Django's English page. The reason stays out of
    the page (it is for developers, and Django logs it)."""
    return standalone_response("403_csrf.html", status=403)
