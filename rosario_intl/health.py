"""Health endpoints for the container runtime and the load balancer.

``/healthz`` (liveness) says the process answers. It touches nothing else, so that a
database outage never gets healthy workers killed and restarted. ``/readyz`` (readiness)
says the portal can serve pages: the database answers ``SELECT 1``. Both live outside the
language prefixes, answer plain HTTP (production exempts them from the HTTPS redirect) and
are never cached.
"""

import logging

from django import db
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds a load balancer should wait before asking again after a failed readiness check.
RETRY_AFTER = 10


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    try:
        with db.connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except db.Error as error:
        logger.warning("Readiness check failed: the database is unreachable (%s)", error)
        response = HttpResponse("database unavailable", status=503, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponse("ok", content_type="text/plain")
