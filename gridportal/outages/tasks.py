"""Celery tasks of the hotline: thin, idempotent, they call services."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .services import planned_outages_close, planned_reminders_send, rollup_run, rollup_sweep


@shared_task(name="outages.planned_reminders")
def planned_reminders(now_iso: str | None = None) -> int:
    """Beat task (hourly): remind subscribers N days and 1 day before planned work.

    Idempotent: the event key is per (planned work, days before), and the
    notifications module queues each key once per subscription.
    """
    now = dt.datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    return planned_reminders_send(now=now)


@shared_task(name="outages.planned_close")
def planned_close() -> int:
    """Beat task (hourly): planned work nobody marked done a day after its end is done on
    schedule (so it reaches the reliability indices). Idempotent."""
    return planned_outages_close()


@shared_task(name="outages.rollup_centre", ignore_result=True)
def rollup_centre(power_centre_id: int) -> int:
    """Roll one power centre up: every report waiting there, however many came (idempotent:
    a second run finds nothing waiting and writes no difference)."""
    return rollup_run(power_centre_id=power_centre_id)


@shared_task(name="outages.rollup_sweep", ignore_result=True)
def rollup_sweep_task() -> int:
    """Beat task (every 30 s): roll up reports whose queued roll-up never came."""
    return rollup_sweep()


def _register_beat(sender, **kwargs):
    sender.add_periodic_task(3600.0, planned_reminders.s(), name="outages: planned reminders")
    sender.add_periodic_task(3600.0, planned_close.s(), name="outages: planned work closed")
    # Only a deferred roll-up leaves reports waiting; in the request-rolls-up tier any left
    # from before are picked up by the next roll-up of their centre.
    if getattr(settings, "OUTAGES_ROLLUP_DEFERRED", False):
        sender.add_periodic_task(30.0, rollup_sweep_task.s(), name="outages: roll-up sweep")


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass

# Storm mode's task lives in outages/storm/; importing it here lets Celery's autodiscovery
# (which reads <app>.tasks) register it under its unchanged name "storm.snapshot_rebuild".
from .storm.tasks import snapshot_rebuild  # noqa: E402, F401
