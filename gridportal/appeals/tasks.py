"""Celery tasks of the appeals desk: thin, idempotent, they call services."""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from .services.reminders import reminders_send


@shared_task(name="appeals.reminders")
def reminders(today_iso: str | None = None) -> int:
    """Beat task (hourly): remind assignees before and after due dates; idempotent."""
    today = dt.date.fromisoformat(today_iso) if today_iso else None
    return reminders_send(today=today)


def _register_beat(sender, **kwargs):
    sender.add_periodic_task(3600.0, reminders.s(), name="appeals: due-date reminders")


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
