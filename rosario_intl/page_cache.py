"""The public page cache: whole responses, keyed on a content version.

Every save or delete of content raises one number stored in the database. A cached page is
stored under the version it was rendered for, so an edit shows at once on every worker: they
all read the same number, and a page of an older version is simply never asked for again (it
expires from the cache on its own).

The key also names the code that rendered the page (``code_fingerprint``), so that a shared
cache does not serve the previous release's pages after a deploy. With ``DEBUG`` on the
fingerprint is taken again on every request, so that a template edited under ``make run``
shows at once (development turns the cache off anyway: ``settings/dev.py``).

A cache hit costs one small query (the version) and one cache read, from the worker's own
memory when it already holds the page; no session, no template, no other query, and one round
trip to the database: the version is read through a connection of its own
(``PAGE_CACHE_DATABASE``, see ``_read_version``).
Conditional GET: each page carries an ETag, and a client that already has it gets a 304.

This is project plumbing and imports no app. What it needs from the app comes through
settings declared in ``settings/base.py``, the way Django names a user model or a lockout
page. (The parameters are a setting rather than an attribute of each view: the page cache
answers before the URL is resolved and the language activated, and a hit should stay
without both.)

- ``PAGE_CACHE_VERSION_MODEL``: the model whose row 1 holds ``version`` and
  ``next_publication_at`` (``cooperation.ContentVersion``). The app raises the version on
  every change (``cooperation/signals.py``); the page cache only reads it.
- ``PAGE_CACHE_SCHEDULED_CHANGE``: called when ``next_publication_at`` has passed, i.e. a
  scheduled entry has just gone public: it raises the version and notes the next moment.
- ``PAGE_CACHE_PARAMETERS``: the query parameters a public page depends on (the list
  filters, the search, the page number); any other does not make a page of its own.
- ``PAGE_CACHE_DATABASE``: the connection (an alias of ``DATABASES``) the version is read
  through: the same database as ``default``, without Django's health check.
- ``PAGE_CACHE_CODE``: the folders whose files render the pages, for the fingerprint,
  besides the template folders (``TEMPLATES``) and the translations (``LOCALE_PATHS``).
"""

import hashlib
import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.utils.module_loading import import_string

from common.querystring import only_parameters
from common.tiered_cache import TieredCache

logger = logging.getLogger(__name__)

CACHEABLE_METHODS = {"GET", "HEAD"}
# Not redirects: an entry's former address redirects to wherever it is at the moment (a
# miss costs a few queries and is rare), and a redirect's target may depend on parameters
# the key leaves out (Django's added slash keeps the whole query string).
CACHEABLE_STATUSES = {200, 404}
# The files that make a page: templates, translations, code.
RENDERING_FILES = {".html", ".txt", ".xml", ".mo", ".py"}

# Read on every cacheable request, so written in SQL: the ORM would spend longer building
# the statement than the database spends answering it. The second column says whether a
# scheduled publication has come due.
VERSION_SQL = "SELECT version, next_publication_at <= %s FROM {table} WHERE id = 1"


def _query_version(connection) -> tuple[int, bool]:
    table = apps.get_model(settings.PAGE_CACHE_VERSION_MODEL)._meta.db_table
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL.format(table=connection.ops.quote_name(table)), [now])
        row = cursor.fetchone()
    return (row[0], bool(row[1])) if row else (0, False)


def _read_version() -> tuple[int, bool]:
    """The version row, in one round trip, through ``PAGE_CACHE_DATABASE``.

    Why a connection of its own. The ``default`` connection has ``CONN_HEALTH_CHECKS`` on:
    before the first query of each request Django checks a reused connection (on PostgreSQL a
    ``SELECT 1``), which is what replaces a connection broken by a database restart before a
    view, the admin or ``/readyz`` uses it. On a cache hit that check is a second round trip
    for one small query, and doubles the cost of the hit; no public API lets the version query
    stand in for it. So the version has its own alias of the same database, with the check off
    and the same protection given here instead: a query that fails on a reused connection is
    tried once more on a new one. The other ways were worse: without the check on
    ``default``, the first admin request or probe after a restart would get the 503 page; a
    version kept in the cache instead of the database would be stale on a worker whose cache
    is its own (locmem) and could drift from the database it stands for. The cost is one more
    connection per worker (``CONN_MAX_AGE`` keeps it, like ``default``'s). (Since then the
    ``default`` connection's check sends nothing to the server on PostgreSQL:
    ``rosario_intl/postgresql``. The version still has its own alias, which a deployment on
    Django's own PostgreSQL backend would need for the reason above.)

    Connecting is outside the retry: when the database is down, the first attempt already
    says so, and a second would only make the 503 page wait as long again.
    """
    connection = connections[settings.PAGE_CACHE_DATABASE]
    connection.ensure_connection()
    try:
        return _query_version(connection)
    except (OperationalError, InterfaceError):
        # A connection opened by an earlier request, dropped since (a restart, a proxy's idle
        # timeout): Django's health check would have replaced it; this does after the fact.
        connection.close()
        return _query_version(connection)


def content_version() -> int:
    """The version pages are rendered for now, raised first if a scheduled change is due."""
    version, change_due = _read_version()
    if change_due:
        import_string(settings.PAGE_CACHE_SCHEDULED_CHANGE)()
        version, _due = _read_version()
    return version


def content_version_or_none() -> int | None:
    """The version, or None when it cannot be read: the page cache then steps aside.

    The database unreachable: the request goes to the view, whose own database error becomes
    the 503 page (``rosario_intl.middleware.DatabaseUnavailableMiddleware``). A connection
    broken since the last request (the database restarted) never gets this far: the version
    read replaces it (``_read_version``).
    """
    try:
        return content_version()
    except (OperationalError, InterfaceError):
        return None
    except DatabaseError:
        # Not the connection: the table itself (code deployed before its migration).
        # The page cache is never the reason a page fails.
        logger.exception("Page cache: cannot read the content version.")
        return None


def code_fingerprint() -> str:
    """What the pages are rendered with: templates, translations, code, static file names.

    Part of every key, so that after a deploy a shared cache (Redis outlives the workers)
    does not serve pages rendered by the previous release, with its old texts or links to
    stylesheets that are no longer there.
    """
    folders = [
        *(folder for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])),
        *settings.LOCALE_PATHS,
        *settings.PAGE_CACHE_CODE,
    ]
    files = {
        path
        for folder in folders
        for path in Path(folder).rglob("*")
        if path.suffix in RENDERING_FILES and path.is_file()
    }
    digest = hashlib.md5(usedforsecurity=False)
    for path in sorted(files):
        digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def page_address(request, parameters) -> str:
    """The path and the parameters the page depends on (``only_parameters``)."""
    query = only_parameters(request.GET, parameters)
    return f"{request.path}?{query}" if query else request.path


# The pages, in the shared cache and in this worker's memory (common/tiered_cache.py).
PAGES = TieredCache("Page cache", max_entries=1000)


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache, keyed on the content version.

    It steps aside for anyone with a session cookie (staff), for the admin and for
    previews; it reads the cookie itself, so it needs no session middleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.parameters = frozenset(settings.PAGE_CACHE_PARAMETERS)
        self.admin_prefixes = tuple(
            f"/{code}/{settings.ADMIN_URL}" for code, _name in settings.LANGUAGES
        )
        # Public pages live under a language prefix; health probes and the like do not,
        # and must not even read the version.
        self.public_prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.release = code_fingerprint()

    def cacheable_request(self, request) -> bool:
        return (
            self.enabled
            and request.method in CACHEABLE_METHODS
            and request.path.startswith(self.public_prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefixes)
            and "preview" not in request.GET
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        # The host is checked before any page is served (DisallowedHost: a 400 like for any
        # other page), and the page is kept per scheme and host as the visitor asked for
        # them: pages hold absolute links (canonical, alternates, feeds) built from both, and
        # an allowed host may come with any port or in capitals.
        origin = f"{request.scheme}://{request.get_host()}"
        shared = caches[settings.PAGE_CACHE_ALIAS]
        version = content_version_or_none()
        if version is None:
            return self.get_response(request)
        # What a miss renders is of this version: the view's fragments key on it too
        # (cooperation/fragments.py), without reading it again.
        request.content_version = version
        address = origin + page_address(request, self.parameters)
        path_hash = hashlib.md5(address.encode(), usedforsecurity=False)
        # Taken once, at start-up; on every request while developing, when a template or a
        # translation may have changed since the last one.
        fingerprint = code_fingerprint() if settings.DEBUG else self.release
        page = f"{fingerprint}:{version}:{path_hash.hexdigest()}"
        key = f"page:{page}"
        response = PAGES.get_many(shared, [key], timeout=self.timeout).get(key)
        if response is None:
            response = self.get_response(request)
            if not self.cacheable_response(response):
                return response
            response["ETag"] = quote_etag(page)
            # Browsers and proxies may keep the page but must ask again before using it:
            # an edit has to show at once.
            patch_cache_control(response, public=True, no_cache=True)
            PAGES.set_many(shared, {key: response}, timeout=self.timeout)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        return conditional if conditional is not None else response

    @staticmethod
    def cacheable_response(response) -> bool:
        return (
            response.status_code in CACHEABLE_STATUSES
            and not response.streaming
            and not response.cookies
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", "")
        )
