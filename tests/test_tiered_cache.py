"""common/tiered_cache.py: a shared cache read through the process's own memory."""

import logging

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from common.tiered_cache import TieredCache


def test_what_the_shared_cache_holds_is_then_read_from_memory(tmp_path):
    shared = FileBasedCache(str(tmp_path), {})  # not this process's memory, like Redis
    tiers = TieredCache("test", max_entries=10)
    tiers.set_many(shared, {"a": 1}, timeout=60)
    shared.set("b", 2)
    assert tiers.get_many(shared, ["a", "b", "c"], timeout=60) == {"a": 1, "b": 2}
    shared.clear()
    assert tiers.get_many(shared, ["a", "b"], timeout=60) == {"a": 1, "b": 2}
    tiers.clear_local()
    assert tiers.get_many(shared, ["a", "b"], timeout=60) == {}


def test_a_shared_cache_in_memory_is_used_alone():
    shared = LocMemCache("tiered-test", {})
    tiers = TieredCache("test", max_entries=10)
    tiers.set_many(shared, {"a": 1}, timeout=60)
    shared.clear()
    assert tiers.get_many(shared, ["a"], timeout=60) == {}


def test_a_shared_cache_that_fails_is_a_miss_and_is_logged(caplog):
    shared = RedisCache("redis://127.0.0.1:1/0", {})  # nothing listens there
    tiers = TieredCache("Test cache", max_entries=10)
    with caplog.at_level(logging.WARNING, logger="common.tiered_cache"):
        tiers.set_many(shared, {"a": 1}, timeout=60)
        tiers.clear_local()
        assert tiers.get_many(shared, ["a"], timeout=60) == {}
    assert [record.getMessage() for record in caplog.records] == [
        "Test cache: shared cache unavailable, not stored.",
        "Test cache: shared cache unavailable, read as a miss.",
    ]
