"""Re-render the most visited pages into the page cache after a change of content commits.

Every change raises the content version (``rosario_intl/page_cache.py``), so after a save every
cached page is of an older version and the next visitor of each page waits for it to be
rendered. For the few pages most visitors land on (``PAGE_CACHE_WARM``: URL names, each in
every language), and for the pages of what changed (the entry saved, in every language: the
app names their paths), this process renders them once more right after the commit, in a
thread of its own, so that the first visitors after an edit already get them from the cache.

Each page is requested through Django's own WSGI handler, as the WSGI server would pass it a
visitor's anonymous GET: the whole middleware chain, the page cache included, so that what is
stored is exactly what a visitor gets, under the key a visitor's request looks up (the scheme
and host of ``SITE_URL``, the public origin). Nothing here knows how pages are keyed or stored.

- The save is not slowed down: the work starts once the transaction has committed (the app
  calls ``warm_soon`` through ``PAGE_CACHE_WARM_AFTER_COMMIT``, from ``transaction.on_commit``)
  and runs in a daemon thread, while the worker answers the save. It shares the worker's
  interpreter, though, for about half a second of CPU on the benchmark's data: a request that
  worker answers meanwhile is slower (``bench/README.md``, ``bench/warm_up.py``).
- One warm-up at a time per process: a change committed while one runs makes it start over
  at the next page, for the newer version (``_Warmer``).
- An error is logged, never raised: a page that fails is only left for its first visitor, as
  without the warm-up.
- The thread's database connections are its own, and closed when it ends.

Only the process that handled the save warms the pages. With the shared cache (Redis,
``REDIS_URL``) every worker then reads them; with a cache per worker (locmem) only that worker
has them, and the others render them at their first request as before.
"""

import io
import logging
import sys
import threading
import time
from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.urls import reverse
from django.utils import translation

from rosario_intl.page_cache import content_version_or_none

logger = logging.getLogger(__name__)


def warm_addresses() -> list[str]:
    """The paths of ``PAGE_CACHE_WARM``, in every language."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in settings.PAGE_CACHE_WARM]
    return paths


def _environ(path: str) -> dict:
    """A visitor's anonymous GET of ``path`` at ``SITE_URL``, as a WSGI server passes it on."""
    origin = urlsplit(settings.SITE_URL)
    port = origin.port or (443 if origin.scheme == "https" else 80)
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        # PEP 3333: the path undone from its %-escapes, its bytes as Latin-1.
        "PATH_INFO": unquote_to_bytes(path).decode("iso-8859-1"),
        "QUERY_STRING": "",
        "SERVER_NAME": origin.hostname,
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": origin.netloc,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": origin.scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _ignore_start_response(status, headers, exc_info=None) -> None:
    pass


def page_warm(handler: WSGIHandler, path: str) -> None:
    """Request ``path`` through ``handler``: a miss is rendered and stored, a hit costs nothing."""
    response = handler(_environ(path), _ignore_start_response)
    try:
        # A page that cannot be cached: its error, if any, is logged by Django ("django.request").
        if response.status_code != 200:
            logger.warning("Page cache warm-up: %s answered %s.", path, response.status_code)
    finally:
        response.close()  # request_finished, as after a visitor's request


def pages_warm(*, superseded=lambda: False, touched=()) -> int:
    """Render the ``PAGE_CACHE_WARM`` pages, then the ``touched`` paths (the pages of what
    changed), into the page cache; the number rendered or found.

    Stops early when ``superseded()`` says a newer version is waiting. Errors are logged.
    """
    done = 0
    try:
        # Built anew each time: its middleware reads their settings when built.
        handler = WSGIHandler()
        paths = warm_addresses()
        for path in [*paths, *(path for path in touched if path not in paths)]:
            if superseded():
                break
            try:
                page_warm(handler, path)
            except Exception:
                logger.exception("Page cache warm-up: %s failed.", path)
            else:
                done += 1
    except Exception:
        logger.exception("Page cache warm-up failed.")
    return done


class _Warmer:
    """At most one warm-up thread per process; a newer version makes it start over.

    A save calls ``request`` several times (the entry, its inlines, its many-to-many fields:
    each raises the version, all in one transaction), so what stops a round is not a call but
    the version having changed since the round began. A call during a round only makes one
    more round follow, in which the pages already warmed are cache hits.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = 0  # raised by each call
        self.thread = None
        self.named = []  # callables that name the paths of what changed, not yet called
        self.touched = []  # those paths, until a round for the newest version has warmed them

    def request(self, touched=None) -> None:
        with self.lock:
            self.generation += 1
            # What names the same pages (equal callables: a save and its rows) is called once.
            if touched is not None and touched not in self.named:
                self.named.append(touched)
            if self.thread is None:
                self.thread = threading.Thread(target=self.run, name="page-cache-warm", daemon=True)
                self.thread.start()

    def run(self) -> None:
        try:
            while True:
                with self.lock:
                    generation, named, self.named = self.generation, self.named, []
                touched = self.paths_named(named)
                self.round(touched)
                with self.lock:
                    if self.generation == generation:
                        # Warmed for the newest version: those pages are done.
                        self.touched = [path for path in self.touched if path not in touched]
                        self.thread = None
                        return
        finally:
            with self.lock:
                if self.thread is threading.current_thread():  # ended by an error
                    self.thread = None
            # This thread's own connections (Django's are per thread).
            connections.close_all()

    def paths_named(self, named) -> list[str]:
        """Call what names the pages of what changed (here, in this thread, with its own
        connection: the save's request does not wait for their queries); every path named so
        far and not yet warmed."""
        paths = []
        for name in named:
            try:
                paths += name()
            except Exception:
                logger.exception("Page cache warm-up: the changed pages could not be named.")
        with self.lock:
            self.touched += [path for path in dict.fromkeys(paths) if path not in self.touched]
            return list(self.touched)

    @staticmethod
    def round(touched=()) -> None:
        version = content_version_or_none()
        if version is None:  # the database unreachable: the pages would be 503s
            return
        started = time.perf_counter()
        done = pages_warm(superseded=lambda: content_version_or_none() != version, touched=touched)
        logger.info(
            "Page cache warm-up: %s pages for version %s in %.0f ms.",
            done,
            version,
            (time.perf_counter() - started) * 1000,
        )

    def join(self, timeout: float | None = None) -> None:
        """Wait for the running warm-up, if any (tests, the benchmark)."""
        thread = self.thread
        if thread is not None:
            thread.join(timeout)


WARMER = _Warmer()


def warm_soon(touched=None) -> None:
    """Called once a change of content has committed: warm the pages in the background, and
    those of what changed: ``touched()`` gives their paths (the app names them; called in
    the warm-up's thread, once for equal ``touched``)."""
    if settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_WARM:
        WARMER.request(touched)
