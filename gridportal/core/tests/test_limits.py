"""The one rate limiter: several limits counted together, in the local cache and in Redis."""

import logging

import pytest
import redis
from django.core.cache import caches

from gridportal.core.limits import Limit, limit_hit, limits_hit


def three(limit: int = 2) -> tuple[Limit, Limit, Limit]:
    return (
        Limit("t.ip", "10.0.0.1", limit * 10),
        Limit("t.contact", "tel:+79005550101", limit),
        Limit("t.address", "42", limit * 5),
    )


def test_the_first_limit_passed_is_named_and_the_others_keep_counting(settings):
    assert limits_hit(*three()) is None
    assert limits_hit(*three()) is None
    hit = limits_hit(*three())
    assert hit is not None and hit.group == "t.contact"
    # Another contact from the same sender and address is still accepted.
    assert limits_hit(three()[0], Limit("t.contact", "tel:+79005550102", 2), three()[2]) is None


def test_zero_or_an_empty_value_switches_a_limit_off():
    for _ in range(5):
        assert limits_hit(Limit("t.off", "x", 0), Limit("t.empty", "", 1)) is None
    assert not limit_hit(group="t.one", value="x", limit=1)
    assert limit_hit(group="t.one", value="x", limit=1)


def test_windows_are_separate_per_period():
    assert limits_hit(Limit("t.p", "x", 1, period=60)) is None
    # The same group and value over a day is another counter.
    assert limits_hit(Limit("t.p", "x", 1, period=86400)) is None
    assert limits_hit(Limit("t.p", "x", 1, period=60)) is not None


@pytest.mark.redis
def test_in_redis_the_limits_are_counted_in_one_command_and_expire(redis_cache):
    server = redis.Redis.from_url(redis_cache)
    cache = caches["default"]
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client  # one client per pool, reused
    server.script_flush()  # a server restarted: the script is loaded again when needed
    assert limits_hit(Limit("t.other", "x", 5)) is None

    sent = []
    original = client.execute_command

    def execute_command(*args, **kwargs):
        sent.append(args[0])
        return original(*args, **kwargs)

    client.execute_command = execute_command
    try:
        assert limits_hit(*three()) is None
        assert limits_hit(*three()) is None
        assert limits_hit(*three()).group == "t.contact"
    finally:
        del client.execute_command
    assert sent == ["EVALSHA"] * 3  # one command per request, whatever the number of limits
    keys = server.keys("test:*")
    assert sorted(int(server.get(k)) for k in keys) == [1, 3, 3, 3]  # t.other's, and three()
    assert all(0 < server.ttl(k) <= 3600 for k in keys)


@pytest.mark.redis
def test_when_the_cache_cannot_count_the_limits_are_open(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "gridportal.core.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    settings.RATELIMIT_FAIL_OPEN = True
    with caplog.at_level(logging.ERROR, logger="gridportal.core.limits"):
        for _ in range(3):
            assert limits_hit(Limit("t.down", "x", 1)) is None
    assert "the limits are open" in caplog.text

    settings.RATELIMIT_FAIL_OPEN = False
    with pytest.raises(redis.exceptions.ConnectionError):
        limits_hit(Limit("t.down", "x", 1))
