"""A shared cache (Redis in production) read through this process's own memory.

For values kept under keys that each name one version of one thing (a page, a fragment):
such a value never changes, so a copy in the worker's memory cannot go stale, and a hit then
costs no network round trip. When the shared cache is itself this process's memory (locmem:
development, tests) it is used alone. A shared cache that fails (Redis down) is a miss, and a
write that does not happen, logged: never an error page.

Used by the page cache (``rosario_intl/page_cache.py``) and the fragments
(``cooperation/fragments.py``), each with a memory of its own.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class LocalCopies:
    """This process's copies, at most ``max_entries``, the least recently read forgotten first.

    A string (a page's HTML, a card, a fragment) is kept as it is: it cannot change, so every
    request may share it, and a hit costs a dictionary lookup. Anything else (a response,
    whose headers each request sets; model instances) is kept pickled, as Django's
    LocMemCache keeps every value, so that each request unpickles a copy of its own; no
    object is ever shared between two requests, nor with the warm-up's thread. Unpickling a
    card cost more than finding it (about 5 % of a list page).
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self.entries: OrderedDict[str, tuple[float, bool, object]] = OrderedDict()
        # Workers are single-threaded, but the page cache's warm-up renders in a thread.
        self.lock = threading.Lock()

    def get_many(self, keys: list[str]) -> dict:
        now = time.monotonic()
        found = {}
        with self.lock:
            for key in keys:
                entry = self.entries.get(key)
                if entry is None:
                    continue
                expires, pickled, value = entry
                if expires <= now:
                    del self.entries[key]
                    continue
                self.entries.move_to_end(key)
                found[key] = (pickled, value)
        return {
            key: pickle.loads(value) if pickled else value
            for key, (pickled, value) in found.items()
        }

    def set_many(self, values: dict, timeout: int) -> None:
        expires = time.monotonic() + timeout
        entries = {
            key: (expires, False, value)
            if isinstance(value, str)
            else (expires, True, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
            for key, value in values.items()
        }
        with self.lock:
            for key, entry in entries.items():
                self.entries[key] = entry
                self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


class TieredCache:
    def __init__(self, name: str, *, max_entries: int):
        self.name = name
        self.local = LocalCopies(max_entries)

    def get_many(self, shared, keys: list[str], *, timeout: int) -> dict:
        """The values stored under ``keys``: this process's copies, then ``shared``'s (copied
        here for ``timeout`` seconds)."""
        tiered = not isinstance(shared, LocMemCache)
        found = self.local.get_many(keys) if tiered else {}
        missing = [key for key in keys if key not in found]
        if missing:
            try:
                from_shared = shared.get_many(missing)
            except RedisError:
                logger.warning("%s: shared cache unavailable, read as a miss.", self.name,
                               exc_info=True)  # fmt: skip
                from_shared = {}
            if tiered and from_shared:
                self.local.set_many(from_shared, timeout)
            found.update(from_shared)
        return found

    def set_many(self, shared, values: dict, *, timeout: int) -> None:
        if not isinstance(shared, LocMemCache):
            self.local.set_many(values, timeout)
        try:
            shared.set_many(values, timeout)
        except RedisError:
            logger.warning("%s: shared cache unavailable, not stored.", self.name, exc_info=True)

    def clear_local(self) -> None:
        """Forget this process's copies (tests)."""
        self.local.clear()
