"""Project-wide request handling: the request id, a response header Django lacks, the answer
to a database outage (its page is in ``rosario_intl.errors``), and the client address for the
admin login protection.
"""

import ipaddress
import logging
import re
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError

from rosario_intl.errors import database_unavailable_response
from rosario_intl.logging import request_id

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy in front is kept if it is a plain token (a UUID, a trace id), so that
# its logs and ours can be joined; anything else, which a client may have sent, is replaced.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}")


class RequestIdMiddleware:
    """Give each request an id, for every log record written while it runs and for the response.

    The id is sent back in ``X-Request-ID``, so that a response seen in a browser, or a line
    of the proxy's log, leads straight to the portal's log lines for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        current = incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id.set(current)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[REQUEST_ID_HEADER] = current
        return response


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
    the next request once the database answers again (``CONN_HEALTH_CHECKS``; the page cache's
    own connection by a retry, ``rosario_intl/page_cache.py``), so no restart is needed. The
    page is rendered without a request context, so it needs no database.
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


def client_ip(request) -> str | None:
    """The client's address, as far as it can be trusted (django-axes' AXES_CLIENT_IP_CALLABLE).

    Without proxies (``TRUSTED_PROXY_COUNT`` 0), the peer's address: X-Forwarded-For is
    ignored, since a client can write anything in it. Behind N proxies, each of which appends
    the address it received the request from, the N-th address from the right is the one the
    outermost proxy saw; whatever a client put to the left of it is ignored. A header that is
    too short or malformed (a request that did not come through the proxies) gives the peer.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote_addr
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote_addr
