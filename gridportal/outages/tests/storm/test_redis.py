"""The snapshot through a real Redis: one process builds, another serves without the database."""

import pytest
import redis
from django.core.cache import cache

from gridportal.outages.storm import selectors, services

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def storm_redis(redis_cache):
    services._local.clear()
    selectors.address_local_clear()
    yield redis_cache
    services._local.clear()
    selectors.address_local_clear()


def test_another_process_serves_the_snapshot_from_redis_without_the_database(
    client, network, outage, storm_redis, django_assert_num_queries
):
    built = services.snapshot_rebuild()
    assert cache.get(services.CURRENT_KEY) == built.version
    stored = {k.decode().split(":", 2)[2] for k in redis.Redis.from_url(storm_redis).keys("test:*")}
    assert {
        "storm:current",
        f"storm:{built.version}:answers",
        f"storm:{built.version}:docs",
    } <= stored
    first = client.get("/outages/live/status.json", {"address": network.addresses[0].pk})
    assert first.json()["state"] == "outage"

    services._local.clear()  # as if this were another web process
    selectors.address_local_clear()
    with django_assert_num_queries(0):
        again = client.get("/outages/live/status.json", {"address": network.addresses[0].pk})
    assert again.status_code == 200
    assert again.content == first.content and again["ETag"] == first["ETag"]


def test_a_new_version_in_redis_reaches_the_process_within_a_second(
    client, network, officer, outage, storm_redis
):
    from gridportal.outages import services as outages

    services.snapshot_rebuild()
    old = client.get("/outages/live/status.json", {"substation": network.substations[0].pk})
    outages.incident_restore(incident=outage, actor=officer)
    # Another process (a Celery worker) rebuilds: only Redis learns the new version.
    local = services._local.snapshot
    services.snapshot_rebuild()
    services._local.put(local)
    services._local.checked -= services.RECHECK_SECONDS  # the re-check interval has passed
    new = client.get("/outages/live/status.json", {"substation": network.substations[0].pk})
    assert new["ETag"] != old["ETag"] and new.json()["state"] == "none"
