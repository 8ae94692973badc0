"""Django's Redis cache backend, with one client per connection pool.

Django's ``RedisCacheClient`` builds a new ``redis.Redis`` object for every operation (a
``get``, a ``set_many``); building one costs about as much CPU as the round trip it makes
(60-100 µs here: it sets up its command callbacks each time). A client holds no connection of
its own (it borrows one from the pool for each command) and is safe to share between threads,
so one per pool does the same work. The page cache and the fragments make a dozen operations
on a page rendered after a save.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache``, its clients reused."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
