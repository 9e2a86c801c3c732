"""Hand-built RFC 5545 calendars of planned work (no dependency needed for VEVENTs)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _


def _escape(text: str) -> str:
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 §3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def planned_calendar(*, address, planned, host: str, now: dt.datetime | None = None) -> str:
    now = now or timezone.now()
    calendar_name = _("Planned outages: {address}").format(address=address.label)
    summary = _("Planned power outage")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Gridportal//Planned outages//RU",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(calendar_name)}",
    ]
    for work in planned:
        status = "CANCELLED" if work.status == "cancelled" else "CONFIRMED"
        lines += [
            "BEGIN:VEVENT",
            f"UID:planned-{work.pk}@{host or 'gridportal'}",
            f"DTSTAMP:{_utc(now)}",
            f"LAST-MODIFIED:{_utc(work.updated_at)}",
            f"DTSTART:{_utc(work.starts_at)}",
            f"DTEND:{_utc(work.ends_at)}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(work.reason)}",
            f"LOCATION:{_escape(address.label)}",
            f"STATUS:{status}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
