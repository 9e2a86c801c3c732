"""Celery tasks of the disclosure calendar: thin, idempotent, they call services."""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from .services import reminders_send


@shared_task(name="disclosure.reminders")
def disclosure_reminders(today_iso: str | None = None) -> int:
    """Beat task (every 6 hours): remind the responsible person before an item is due.

    Idempotent: each item records the period it was reminded for.
    """
    today = dt.date.fromisoformat(today_iso) if today_iso else None
    return reminders_send(today=today)


def _register_beat(sender, **kwargs):
    sender.add_periodic_task(6 * 3600.0, disclosure_reminders.s(), name="disclosure: reminders")


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
