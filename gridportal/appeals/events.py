"""The history of an appeal in the reader's language: kind + stored values → a sentence.

Only what a person wrote (a reason, a question, a note) is stored as text; everything else
is rendered here, so a Russian reader and an English reader see their own words.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from .choices import Channel, EventKind


def _date(value) -> str:
    try:
        return date_format(dt.date.fromisoformat(str(value)), "DATE_FORMAT")
    except ValueError:
        return ""


def _with_reason(sentence: str, text: str) -> str:
    return f"{sentence}: {text}" if text else sentence


def event_text(event) -> str:
    details = event.details or {}
    kind = event.kind
    if kind == EventKind.REGISTERED:
        channel = details.get("channel")
        label = str(Channel(channel).label) if channel in Channel.values else ""
        return gettext("Channel: {channel}; answer due {date}").format(
            channel=label, date=_date(details.get("due_on"))
        )
    if kind == EventKind.ASSIGNED:
        return gettext("Assigned to {name}").format(name=details.get("assignee", ""))
    if kind == EventKind.EXTENDED:
        days = int(details.get("days", 0))
        sentence = ngettext(
            "Extended by {n} day, answer due {date}",
            "Extended by {n} days, answer due {date}",
            days,
        ).format(n=days, date=_date(details.get("due_on")))
        return _with_reason(sentence, event.text)
    if kind == EventKind.REDIRECTED_BRANCH:
        sentence = gettext("Passed to {branch}").format(branch=details.get("branch", ""))
        return _with_reason(sentence, event.text)
    if kind == EventKind.REDIRECTED_OUTSIDE:
        sentence = gettext("Sent to {body}, which is responsible").format(
            body=details.get("body", "")
        )
        return _with_reason(sentence, event.text)
    if kind == EventKind.INFO_ADDED and "due_on" in details:
        sentence = gettext("The clock runs again, answer due {date}").format(
            date=_date(details["due_on"])
        )
        return _with_reason(sentence, event.text)
    if kind == EventKind.RATED:
        rating = int(details.get("rating", 0))
        return gettext("Rated {rating} of 5").format(rating=rating)
    if kind == EventKind.REOPENED:
        sentence = gettext("Reopened, new answer due {date}").format(
            date=_date(details.get("due_on"))
        )
        return _with_reason(sentence, event.text)
    if kind == EventKind.HAZARD_REPORTED:
        return gettext("Urgent report no. {report} passed to the dispatchers").format(
            report=details.get("report", "")
        )
    if kind == EventKind.REMINDER:
        return gettext("Reminder: {what}").format(what=details.get("what", ""))
    return event.text
