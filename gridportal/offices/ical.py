"""A booked visit as an iCalendar file (RFC 5545, written by the icalendar library)."""

from __future__ import annotations

import datetime as dt

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import BookingStatus
from .selectors import service_label


def booking_calendar(booking, *, host: str = "", now: dt.datetime | None = None) -> bytes:
    now = now or timezone.now()
    office = booking.office
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Gridportal//Service centre visit//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"booking-{booking.code}@{host or 'gridportal'}")
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", booking.starts_at.astimezone(dt.UTC))
    event.add("dtend", booking.ends_at.astimezone(dt.UTC))
    event.add(
        "summary",
        _("Visit to {office}: {service}").format(
            office=office.name, service=service_label(booking.service)
        ),
    )
    event.add(
        "description",
        _("Booking code {code}. Desk {desk}.").format(code=booking.code, desk=booking.desk.number),
    )
    event.add("location", office.address)
    event.add("geo", (office.latitude, office.longitude))
    event.add("status", "CANCELLED" if booking.status == BookingStatus.CANCELLED else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
