"""common/redis_cache.py: Django's Redis cache with one client per connection pool, against
the Redis server on this machine (CI starts one)."""

import secrets
from unittest import mock

import pytest
import redis
from redis.exceptions import ConnectionError as RedisConnectionError

from common.redis_cache import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/4"


@pytest.fixture
def cache():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{secrets.token_hex(4)}"})
    yield cache
    cache.clear()


def test_every_operation_works_through_one_client(cache):
    with mock.patch.object(redis, "Redis", wraps=redis.Redis) as made:
        cache.set("a", {"page": 1}, timeout=60)
        cache.set_many({"b": [2], "c": "tres"}, timeout=60)
        assert cache.get("a") == {"page": 1}
        assert cache.get_many(["a", "b", "c", "d"]) == {"a": {"page": 1}, "b": [2], "c": "tres"}
        cache.delete("a")
        assert cache.get("a") is None
    # Django's own backend makes one per operation: six here.
    assert made.call_count == 1


def test_a_server_down_still_raises_for_the_callers_to_handle():
    down = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    for _ in range(2):  # the shared client does not hide the second failure either
        with pytest.raises(RedisConnectionError):
            down.get("a")
