"""Thin, idempotent tasks: they take ids and call services."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_booking_message(booking_id: int, kind: str) -> None:
    """One letter about a booking (confirmation, cancellation, reminder)."""
    services.booking_message_send(booking_id=booking_id, kind=kind)


@shared_task(ignore_result=True)
def remind_bookings() -> int:
    """Periodic (beat, hourly): remind tomorrow's visitors once each."""
    due = services.bookings_remind()
    for booking_id in due:
        send_booking_message.delay(booking_id, "reminder")
    return len(due)


def _register_beat(sender, **kwargs):
    sender.add_periodic_task(3600.0, remind_bookings.s(), name="offices: remind bookings")


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
