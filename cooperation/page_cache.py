"""The public page cache: whole responses, keyed on a content version.

Every save or delete of content raises one number stored in the database
(``ContentVersion``). A cached page is stored under the version it was rendered for,
so an edit shows at once on every worker: they all read the same number, and a page of
an older version is simply never asked for again (it expires from the cache on its own).

An entry scheduled to go public later ("publish from") changes the pages at that moment
without anyone saving anything: the version row also holds the next such moment, and the
first request after it raises the version (``scheduled_publication_due``).

The key also names the code that rendered the page (``code_fingerprint``), so that a
shared cache does not serve the previous release's pages after a deploy.

A cache hit costs one small query (the version) and one cache read, from the worker's own
memory when it already holds the page; no session, no template, no other query.
Conditional GET: each page carries an ETag, and a client that already has it gets a 304.
"""

import hashlib
import logging
import time
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import F, Min, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from redis.exceptions import RedisError

from .forms import DirectoryFilterForm, SearchForm, only_parameters
from .models import ContentVersion, PublicationStatus, Publishable, SeedRecord

logger = logging.getLogger(__name__)

CACHEABLE_METHODS = {"GET", "HEAD"}
CACHEABLE_STATUSES = {200, 404}
NOT_CONTENT = {ContentVersion, SeedRecord}


# Read on every cacheable request, so written in SQL: the ORM would spend longer building
# the statement than the database spends answering it. The second column says whether a
# scheduled publication has come due.
VERSION_SQL = (
    f"SELECT version, next_publication_at <= %s FROM {ContentVersion._meta.db_table} WHERE id = 1"
)


def _read_version() -> tuple[int, bool]:
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, [now])
        row = cursor.fetchone()
    return (row[0], bool(row[1])) if row else (0, False)


def content_version() -> int:
    version, publication_due = _read_version()
    if publication_due:
        scheduled_publication_due()
        version, _due = _read_version()
    return version


def _publishable_models() -> list[type[Publishable]]:
    return [
        model
        for model in apps.get_app_config("cooperation").get_models()
        if issubclass(model, Publishable)
    ]


def next_publication(after: datetime) -> datetime | None:
    """The next moment after ``after`` when a scheduled entry goes public."""
    moments = [
        model.objects.filter(publication=PublicationStatus.PUBLISHED, publish_at__gt=after)
        .aggregate(first=Min("publish_at"))["first"]
        for model in _publishable_models()
    ]  # fmt: skip
    return min((moment for moment in moments if moment), default=None)


def scheduled_publication_due() -> None:
    """A scheduled entry has just gone public: its pages change although nobody saved
    anything. Raise the version (once, whichever worker sees it first) and note the next
    scheduled moment."""
    now = timezone.now()
    ContentVersion.objects.filter(pk=1, next_publication_at__lte=now).update(
        version=_raised_version(), next_publication_at=next_publication(now)
    )


def _raised_version():
    """One more than the version, and at least the current time in microseconds: a database
    restored from a backup goes back to an older number, and counting up from there would
    reuse numbers whose pages, rendered from other content, may still be in a shared cache."""
    return Greatest(F("version") + 1, Value(time.time_ns() // 1000))


def _content_version_or_none() -> int | None:
    """The version, read with one round trip to the database instead of two.

    With ``CONN_HEALTH_CHECKS`` Django would first check a reused connection with a query
    of its own. Here the version query is that check: if the connection turns out broken
    (the database restarted since the last request), it is closed and the query is tried
    once more on a new one. None when the database is unreachable: the request then goes to
    the view, whose own database error becomes the 503 page (rosario_intl.middleware).
    """
    # Django's flag for "this request's connection has been checked" (BaseDatabaseWrapper.
    # close_if_health_check_failed); tests/test_page_cache.py fails if it stops working.
    connection.health_check_done = True
    for _attempt in range(2):
        try:
            return content_version()
        except (OperationalError, InterfaceError):
            connection.close()
        except DatabaseError:
            # Not the connection: the table itself (code deployed before its migration).
            # The page cache is never the reason a page fails: it steps aside.
            logger.exception("Page cache: cannot read the content version.")
            return None
    return None


def content_changed(**kwargs) -> None:
    """Raise the content version, in the same transaction as the change itself."""
    if kwargs.get("raw"):  # loaddata: the fixture's own rows, nothing to invalidate yet
        return
    changes = {"version": _raised_version()}
    # An entry published from a later moment: its pages change then, note when.
    instance = kwargs.get("instance")
    scheduled = getattr(instance, "publish_at", None)
    if (
        isinstance(instance, Publishable)
        and instance.publication == PublicationStatus.PUBLISHED
        and scheduled
        and scheduled > timezone.now()
    ):
        # NULL-safe on every database (SQLite's LEAST is NULL if any argument is).
        changes["next_publication_at"] = Coalesce(
            Least("next_publication_at", Value(scheduled)), Value(scheduled)
        )
    if not ContentVersion.objects.filter(pk=1).update(**changes):
        ContentVersion.objects.get_or_create(
            pk=1,
            defaults={
                "version": time.time_ns() // 1000,
                "next_publication_at": next_publication(timezone.now()),
            },
        )


def code_fingerprint() -> str:
    """What the pages are rendered with: templates, translations, code, static file names.

    Part of every key, so that after a deploy a shared cache (Redis outlives the workers)
    does not serve pages rendered by the previous release, with its old texts or links to
    stylesheets that are no longer there.
    """
    digest = hashlib.md5(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    for folder, patterns in (
        ("templates", ("*.html", "*.txt", "*.xml")),
        ("locale", ("*.mo",)),
        ("cooperation", ("*.py",)),
        ("rosario_intl", ("*.py",)),
    ):
        for pattern in patterns:
            for path in sorted((base / folder).rglob(pattern)):
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


# A signal rather than a call in each save path: content changes through the admin, its
# inlines, reversion's restores, the seed commands and the shell, and every one of them
# must invalidate the pages.
@receiver(post_save, dispatch_uid="page_cache_post_save")
@receiver(post_delete, dispatch_uid="page_cache_post_delete")
@receiver(m2m_changed, dispatch_uid="page_cache_m2m_changed")
def _on_change(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label != "cooperation" or sender in NOT_CONTENT:
        return
    content_changed(**kwargs)


# The query parameters a public page depends on: any other does not make a page of its own.
PAGE_PARAMETERS = frozenset({"page", *DirectoryFilterForm.base_fields, *SearchForm.base_fields})


def page_address(request) -> str:
    """The path and the parameters the page depends on (``forms.only_parameters``)."""
    query = only_parameters(request.GET, PAGE_PARAMETERS)
    return f"{request.path}?{query}" if query else request.path


# This worker's copies of pages from a shared cache (see PageCacheMiddleware.read).
LOCAL = LocMemCache("page-cache-local", {"OPTIONS": {"MAX_ENTRIES": 1000}})


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache, keyed on the content version.

    It steps aside for anyone with a session cookie (staff), for the admin and for
    previews; it reads the cookie itself, so it needs no session middleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.admin_prefixes = tuple(
            f"/{code}/{settings.ADMIN_URL}" for code, _name in settings.LANGUAGES
        )
        # Public pages live under a language prefix; health probes and the like do not,
        # and must not even read the version.
        self.public_prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.fingerprint = code_fingerprint()

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
        shared = caches[settings.PAGE_CACHE_ALIAS]
        version = _content_version_or_none()
        if version is None:
            return self.get_response(request)
        path_hash = hashlib.md5(page_address(request).encode(), usedforsecurity=False)
        page = f"{self.fingerprint}:{version}:{path_hash.hexdigest()}"
        key = f"page:{page}"
        response = self.read(shared, key)
        if response is None:
            response = self.get_response(request)
            if not self.cacheable_response(response):
                return response
            response["ETag"] = quote_etag(page)
            # Browsers and proxies may keep the page but must ask again before using it:
            # an edit has to show at once.
            patch_cache_control(response, public=True, no_cache=True)
            self.write(shared, key, response)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        return conditional if conditional is not None else response

    # Two tiers when the cache is shared (Redis): this worker's memory first, then the shared
    # cache. A key names one version of one page and its content never changes, so a copy
    # kept in memory cannot go stale; it saves the network round trip and the unpickling of
    # the whole page from Redis at every hit. A shared cache that fails (Redis down) is a
    # miss, never an error page.

    def read(self, shared, key: str):
        tiered = not isinstance(shared, LocMemCache)
        if tiered and (response := LOCAL.get(key)) is not None:
            return response
        try:
            response = shared.get(key)
        except RedisError:
            logger.warning("Page cache unavailable: serving without it.", exc_info=True)
            return None
        if response is not None and tiered:
            LOCAL.set(key, response, self.timeout)
        return response

    def write(self, shared, key: str, response) -> None:
        if not isinstance(shared, LocMemCache):
            LOCAL.set(key, response, self.timeout)
        try:
            shared.set(key, response, self.timeout)
        except RedisError:
            logger.warning("Page cache unavailable: page not stored.", exc_info=True)

    @staticmethod
    def cacheable_response(response) -> bool:
        return (
            response.status_code in CACHEABLE_STATUSES
            and not response.streaming
            and not response.cookies
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", "")
        )
