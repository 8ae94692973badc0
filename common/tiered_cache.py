"""A shared cache (Redis in production) read through this process's own memory.

For values kept under keys that each name one version of one thing (a page, a fragment):
such a value never changes, so a copy in the worker's memory cannot go stale, and a hit then
costs neither a network round trip nor unpickling. When the shared cache is itself this
process's memory (locmem: development, tests) it is used alone. A shared cache that fails
(Redis down) is a miss, and a write that does not happen, logged: never an error page.

Used by the page cache (``rosario_intl/page_cache.py``) and the fragments
(``cooperation/fragments.py``), each with a memory of its own.
"""

import logging

from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class TieredCache:
    def __init__(self, name: str, *, max_entries: int):
        self.name = name
        self.local = LocMemCache(name, {"OPTIONS": {"MAX_ENTRIES": max_entries}})

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
