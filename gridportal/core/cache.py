"""The shared cache's Redis backend: Django's, with one Redis client per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every operation,
and each one sets up its table of some 170 response callbacks: about a tenth of a
millisecond of CPU per cache call, paid several times by every outage report. A client
holds no connection of its own (it borrows from the pool per command) and may be shared
between threads, so one per pool is kept.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


_scripts: dict[str, object] = {}


def redis_script(cache: DjangoRedisCache, source: str, *, keys: list[str], args: list) -> object:
    """Run a Lua script on the Redis behind `cache`: one round trip (EVALSHA; the script is
    loaded on first use and again after a server restart). `keys` are the cache's keys, as
    a caller of `cache.get` names them (prefixed and versioned here)."""
    client = cache._cache.get_client(write=True)
    script = _scripts.get(source)
    if script is None:
        script = _scripts[source] = client.register_script(source)
    keys = [cache.make_and_validate_key(key) for key in keys]
    return script(keys=keys, args=args, client=client)
