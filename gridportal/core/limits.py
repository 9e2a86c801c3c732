"""The one rate limiter: fixed-window counters in the shared cache.

Windows are whole hours (or whatever period a caller names), counted in the cache that
every web node shares (Redis in production). The sizes come from dated rules, so an
administrator can change a limit without a release; 0 switches a limit off.

Several limits of one request (the hotline's per sender, per contact and per address)
are counted together, in one command to Redis (a Lua script: INCR each, and EXPIRE a
counter when it starts), so a storm of reports does not pay a round trip, nor the
client's work of a command, per limit. Other caches (the embedded tier's
local memory) count with `add` and `incr`. When the cache cannot count, the limit is open:
the hotline keeps accepting reports rather than refusing everyone (RATELIMIT_FAIL_OPEN).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from .cache import redis_script

logger = logging.getLogger(__name__)

HOUR = 3600

# KEYS: the counters; ARGV: their periods. Returns the counts after this attempt.
_COUNT = """
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('INCR', key)
  if counts[i] == 1 then redis.call('EXPIRE', key, ARGV[i]) end
end
return counts
"""


@dataclass(frozen=True)
class Limit:
    """At most `limit` attempts of `value` in `group` per `period` seconds (0: no limit)."""

    group: str
    value: str
    limit: int
    period: int = HOUR

    @property
    def active(self) -> bool:
        return self.limit > 0 and bool(self.value)

    def key(self, now: float) -> str:
        window = int(now // self.period)
        digest = hashlib.blake2b(f"{self.group}\0{self.value}".encode(), digest_size=12)
        return f"limit:{self.period}:{window}:{digest.hexdigest()}"


def _cache():
    return caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]


def _count(limits: list[Limit], now: float) -> list[int]:
    cache = _cache()
    keys = [limit.key(now) for limit in limits]
    if isinstance(cache, RedisCache):
        counts = redis_script(cache, _COUNT, keys=keys, args=[limit.period for limit in limits])
        return [int(n) for n in counts]
    counts = []
    for key, limit in zip(keys, limits, strict=True):
        cache.add(key, 0, limit.period)
        counts.append(cache.incr(key))
    return counts


def limits_hit(*limits: Limit, at: float | None = None) -> Limit | None:
    """Count one attempt against each limit; the first whose window is now over it, or None.
    `at`: the time counted at (now), for `limits_uncount` to take the attempt back."""
    active = [limit for limit in limits if limit.active]
    if not active:
        return None
    try:
        counts = _count(active, time.time() if at is None else at)
    except Exception:
        if not getattr(settings, "RATELIMIT_FAIL_OPEN", False):
            raise
        logger.exception("rate limits: the cache cannot count; the limits are open")
        return None
    for limit, count in zip(active, counts, strict=True):
        if count > limit.limit:
            return limit
    return None


def limit_hit(*, group: str, value: str, limit: int, period: int = HOUR) -> bool:
    """Count one attempt of `value` in `group`; True when this window's count passes `limit`."""
    return limits_hit(Limit(group, value, int(limit), int(period))) is not None


def limits_uncount(*limits: Limit, at: float) -> None:
    """Take back the attempt `limits_hit(*limits, at=at)` counted (it turned out to be a
    repeat of an earlier one, which the limits do not count). Best effort: a counter that
    cannot be reached is left as it is."""
    active = [limit for limit in limits if limit.active]
    cache = _cache()
    try:
        if isinstance(cache, RedisCache):
            pipe = cache._cache.get_client(write=True).pipeline(transaction=False)
            for limit in active:
                pipe.decr(cache.make_and_validate_key(limit.key(at)))
            pipe.execute()
            return
        for limit in active:
            cache.decr(limit.key(at))
    except Exception:
        logger.warning("rate limits: an attempt could not be taken back", exc_info=True)
