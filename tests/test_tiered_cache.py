"""common/tiered_cache.py: a shared cache read through the process's own memory."""

import logging
import time

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from common.tiered_cache import LocalCopies, TieredCache


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


def test_a_string_is_shared_and_anything_else_copied_for_each_read():
    copies = LocalCopies(max_entries=10)
    html = "<li>una tarjeta</li>" * 3
    page = {"headers": ["a"]}
    copies.set_many({"card": html, "page": page}, timeout=60)
    first = copies.get_many(["card", "page"])
    assert first["card"] is html
    first["page"]["headers"].append("set by one request")
    assert copies.get_many(["page"]) == {"page": {"headers": ["a"]}}
    page["headers"].append("changed after it was kept")
    assert copies.get_many(["page"]) == {"page": {"headers": ["a"]}}


def test_the_least_recently_read_copy_is_forgotten_first():
    copies = LocalCopies(max_entries=3)
    copies.set_many({"a": "1", "b": "2", "c": "3"}, timeout=60)
    copies.get_many(["a"])
    copies.set_many({"d": "4"}, timeout=60)
    assert copies.get_many(["a", "b", "c", "d"]) == {"a": "1", "c": "3", "d": "4"}


def test_a_copy_past_its_time_is_a_miss(monkeypatch):
    copies = LocalCopies(max_entries=10)
    now = time.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: now)
    copies.set_many({"a": "1", "b": [2]}, timeout=60)
    monkeypatch.setattr(time, "monotonic", lambda: now + 59)
    assert copies.get_many(["a", "b"]) == {"a": "1", "b": [2]}
    monkeypatch.setattr(time, "monotonic", lambda: now + 60)
    assert copies.get_many(["a", "b"]) == {}
    assert copies.entries == {}
