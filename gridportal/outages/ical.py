"""Calendars of planned work per address (RFC 5545, written by the icalendar library)."""

from __future__ import annotations

import datetime as dt

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import PlannedStatus


def planned_calendar(*, address, planned, host: str, now: dt.datetime | None = None) -> bytes:
    """A calendar a phone or mail client subscribes to: every planned outage at the address."""
    now = now or timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Gridportal//Planned outages//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Planned outages: {address}").format(address=address.label))
    summary = _("Planned power outage")
    for work in planned:
        event = icalendar.Event()
        event.add("uid", f"planned-{work.pk}@{host or 'gridportal'}")
        event.add("dtstamp", now.astimezone(dt.UTC))
        event.add("last-modified", work.updated_at.astimezone(dt.UTC))
        event.add("dtstart", work.starts_at.astimezone(dt.UTC))
        event.add("dtend", work.ends_at.astimezone(dt.UTC))
        event.add("summary", summary)
        event.add("description", work.reason)
        event.add("location", address.label)
        event.add("status", "CANCELLED" if work.status == PlannedStatus.CANCELLED else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
