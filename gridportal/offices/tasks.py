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
