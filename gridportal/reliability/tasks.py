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
