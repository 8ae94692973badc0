"""Project-wide middleware: a response header Django lacks, and the answer to a database outage."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Send ``settings.PERMISSIONS_POLICY`` as the Permissions-Policy header.

    The setting maps each browser feature to the origins allowed to use it; an empty list
    turns the feature off for the page and everything it embeds.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with a friendly page, not the 500 page, while the database is unreachable.

    An outage is temporary: visitors read, in their language, that the site is back soon,
    crawlers are told when to retry, and nothing is cached. Django reconnects on its own at
    the next request once the database answers again (``CONN_HEALTH_CHECKS``), so no restart
    is needed. The page is rendered without a request context, so it needs no database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # With DEBUG on, the traceback is more useful than the visitor page: on SQLite,
        # "no such table" (migrations not run) is an OperationalError too.
        if settings.DEBUG or not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable, answered 503 to %s %s",
            request.method,
            request.path,
            exc_info=exception,
        )
        return database_unavailable_response()


def database_unavailable_response(retry_after: int = 30) -> HttpResponse:
    """The 503 page in the active language; rendered without a request, so without the database."""
    content = loader.render_to_string(
        "503.html", {"LANGUAGE_CODE": translation.get_language() or settings.LANGUAGE_CODE}
    )
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response
