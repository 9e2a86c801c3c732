"""Celery tasks of reliability: thin and idempotent."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from .services import interruptions_sync


@shared_task(name="reliability.sync")
def sync(days: int = 2) -> int:
    """Beat task (hourly): sync incidents restored or changed in the last days."""
    return interruptions_sync(updated_since=timezone.now() - dt.timedelta(days=days))


def _register_beat(sender, **kwargs):
    sender.add_periodic_task(3600.0, sync.s(), name="reliability: sync the archive")


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
