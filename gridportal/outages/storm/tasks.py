"""Celery tasks of storm mode: thin and idempotent."""

from __future__ import annotations

from celery import shared_task
from django.core.cache import cache

from gridportal.core.metrics import SNAPSHOT_REBUILD_SECONDS

from . import selectors, services


@shared_task(name="storm.snapshot_rebuild", ignore_result=True)
def snapshot_rebuild() -> str:
    """Rebuild the snapshot from the database (and publish it when STORM_PUBLISH_DIR is set).

    The pending mark is dropped first, so a change committed while this build
    reads the database schedules the next build instead of being missed; that build
    waits a second for the changes after it (services.rebuild_countdown).
    """
    cache.delete(services.PENDING_KEY)
    services.rebuild_mark()
    try:
        with SNAPSHOT_REBUILD_SECONDS.time():
            return services.snapshot_rebuild().version
    finally:
        services.rebuild_mark()  # a second from its end, too


@shared_task(name="storm.address_buckets_warm", ignore_result=True)
def address_buckets_warm() -> int:
    """Keep every address's substation in the cache for degraded mode (at most every 12 h)."""
    return selectors.address_buckets_warm()


def _register_beat(sender, **kwargs):
    # Planned works start and end without any row changing; a minutely build moves their state on.
    sender.add_periodic_task(60.0, snapshot_rebuild.s(), name="storm: snapshot rebuild")
    sender.add_periodic_task(600.0, address_buckets_warm.s(), name="storm: address buckets")


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
