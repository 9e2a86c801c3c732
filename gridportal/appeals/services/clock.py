"""The appeal's clock from its stored fields and the rules in force (reads deadlines.py)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gridportal.core.selectors import working_calendar

from ..choices import OPEN_STATUSES, RuleKey
from ..deadlines import Pause, clock_state, due_date, redirect_due
from ..rules import rule_values


def pauses_of(appeal) -> list[Pause]:
    return [
        Pause(dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None)
        for start, end in (appeal.pauses or [])
    ]


def due_for(appeal, *, today: dt.date | None = None) -> dt.date:
    """The due date of an appeal's current clock (an open pause counted until today)."""
    today = today or timezone.localdate()
    values = rule_values(appeal.clock_started_on)
    return due_date(
        started_on=appeal.clock_started_on,
        answer_days=int(values[RuleKey.ANSWER_DAYS]),
        calendar=working_calendar(),
        extension_days=appeal.extension_days,
        pauses=pauses_of(appeal),
        today=today,
    )


def state_of(appeal, *, today: dt.date | None = None, soon_days: int | None = None):
    today = today or timezone.localdate()
    if soon_days is None:
        soon_days = int(rule_values(today)[RuleKey.DUE_SOON_DAYS])
    return clock_state(
        due=appeal.due_on,
        today=today,
        soon_days=soon_days,
        paused=appeal.waiting,
        stopped=appeal.status not in OPEN_STATUSES,
    )


def redirect_by(appeal) -> dt.date:
    """The day by which an appeal outside our competence must be sent on (59-ФЗ art. 8)."""
    registered = timezone.localdate(appeal.registered_at)
    days = int(rule_values(registered)[RuleKey.REDIRECT_DAYS])
    return redirect_due(registered_on=registered, redirect_days=days, calendar=working_calendar())
