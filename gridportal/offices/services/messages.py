"""Letters about a booking: confirmation (with the .ics), cancellation, the reminder the day before."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from gridportal.notifications.rendering import render_text

from ..choices import BookingStatus
from ..ical import booking_calendar
from ..models import Booking
from ..selectors import schedule_of, service_label

KINDS = ("confirmation", "cancelled", "reminder")


def _context(booking: Booking) -> dict:
    local = schedule_of(booking.office).local(booking.starts_at)
    return {
        "booking": booking,
        "office": booking.office,
        "service": service_label(booking.service),
        "when": f"{date_format(local.date(), 'DATE_FORMAT')}, {local:%H:%M}",
        "day": date_format(local.date(), "DATE_FORMAT"),
        "time": local.strftime("%H:%M"),
        "manage_url": settings.SITE_URL.rstrip("/")
        + reverse("offices:booking-manage")
        + f"?code={booking.code}",
        "portal_name": settings.PORTAL_NAME,
    }


def booking_message_send(*, booking_id: int, kind: str) -> bool:
    """Send one letter about a booking to its e-mail; False when there is nothing to send."""
    if kind not in KINDS:
        raise ValueError(kind)
    booking = Booking.objects.select_related("office", "desk").filter(pk=booking_id).first()
    if booking is None or not booking.email:
        return False
    if kind != "cancelled" and booking.status != BookingStatus.BOOKED:
        return False
    with translation.override(booking.language):
        context = _context(booking)
        subject = render_text(f"offices/messages/{kind}.subject.txt", context)
        body = render_text(f"offices/messages/{kind}.body.txt", context)
    message = EmailMessage(
        connection=get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 30),
        subject=" ".join(subject.split()),
        body=body,
        to=[booking.email],
    )
    if kind != "cancelled":
        message.attach(f"visit-{booking.code}.ics", booking_calendar(booking), "text/calendar")
    message.send(fail_silently=False)
    return True


def bookings_remind(*, now: dt.datetime | None = None) -> list[int]:
    """Mark the bookings of tomorrow (each office's local tomorrow) not yet reminded, and
    hand back their ids to send; a second run finds none, so nobody hears twice."""
    now = now or timezone.now()
    candidates = Booking.objects.filter(
        status=BookingStatus.BOOKED,
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lt=now + dt.timedelta(days=2, hours=14),
    ).exclude(email="")
    due = []
    with transaction.atomic():
        for booking in candidates.select_for_update(skip_locked=True, of=("self",)).select_related(
            "office"
        ):
            schedule = schedule_of(booking.office)
            tomorrow = schedule.local(now).date() + dt.timedelta(days=1)
            if schedule.local(booking.starts_at).date() == tomorrow:
                due.append(booking.pk)
        Booking.objects.filter(pk__in=due).update(reminded_at=now)
    return due
