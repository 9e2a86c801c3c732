"""The answer clock of an appeal: pure arithmetic over dates, no database.

How the due date is counted (decided 2026-11-30; sources in `rules.py`):

- the clock runs `answer_days` **calendar days** from the day of registration (59-ФЗ
  art. 12 p. 1: «в течение 30 дней со дня регистрации»; the law does not say «working»);
- it may be extended **once**, by at most `extension_max_days` (art. 12 p. 2), with notice;
- while the company waits for information from the person the clock stops: the due date
  moves later by the whole days the wait lasted (a wait started after the clock ran out
  does not revive it);
- a due day that falls on a day off moves to the next working day (ГК РФ art. 193, the
  working-day calendar of `core.calendar`);
- a reopened appeal starts a new clock on the day it is reopened;
- a phone question not answered during the call is called back within `callback_hours`.

Every function only ever moves a due date later: a pause or an extension never brings it
nearer (property-tested in tests/test_deadlines.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gridportal.core.calendar import WorkingCalendar

from .choices import ClockState

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Pause:
    """A wait for the person: from the day information was requested to the day it came."""

    started: dt.date
    ended: dt.date | None = None  # None: still waiting

    def days(self, today: dt.date) -> int:
        end = self.ended if self.ended is not None else max(today, self.started)
        return max(0, (end - self.started).days)


class ExtensionRefused(ValueError):
    """The extension asked for is not allowed (a second one, or too long)."""


def next_working_day(day: dt.date, calendar: WorkingCalendar) -> dt.date:
    """The day itself when it is a working day, else the first working day after it."""
    while not calendar.is_working_day(day):
        day += DAY
    return day


def clock_end(
    *,
    started_on: dt.date,
    answer_days: int,
    extension_days: int = 0,
    pauses: Iterable[Pause] = (),
    today: dt.date | None = None,
) -> dt.date:
    """The last calendar day of the clock before the day-off shift.

    Pauses are taken in order; one that begins before the clock has run out pushes the end
    on by its length (an open pause by the days it has lasted until `today`).
    """
    if answer_days < 0 or extension_days < 0:
        raise ValueError("days must not be negative")
    today = today or started_on
    end = started_on + dt.timedelta(days=answer_days + extension_days)
    for pause in sorted(pauses, key=lambda p: p.started):
        if pause.started <= end:
            end += dt.timedelta(days=pause.days(today))
    return end


def due_date(
    *,
    started_on: dt.date,
    answer_days: int,
    calendar: WorkingCalendar,
    extension_days: int = 0,
    pauses: Iterable[Pause] = (),
    today: dt.date | None = None,
) -> dt.date:
    """The day the answer on the merits is due: the clock's end, moved off days off."""
    end = clock_end(
        started_on=started_on,
        answer_days=answer_days,
        extension_days=extension_days,
        pauses=pauses,
        today=today,
    )
    return next_working_day(end, calendar)


def extension_check(*, days: int, max_days: int, already_extended: bool) -> int:
    """The extension in days if allowed; ExtensionRefused otherwise."""
    if already_extended:
        raise ExtensionRefused("already extended")
    if days < 1 or days > max_days:
        raise ExtensionRefused("out of range")
    return days


def redirect_due(*, registered_on: dt.date, redirect_days: int, calendar: WorkingCalendar):
    """The day by which an appeal outside our competence must be sent on."""
    return next_working_day(registered_on + dt.timedelta(days=redirect_days), calendar)


def callback_due(*, received_at: dt.datetime, hours: int) -> dt.datetime:
    """When a phone question not answered during the call must be called back."""
    return received_at + dt.timedelta(hours=hours)


def reopen_until(*, answered_on: dt.date, reopen_days: int) -> dt.date:
    """The last day the person may reopen an answered appeal."""
    return answered_on + dt.timedelta(days=reopen_days)


def clock_state(
    *,
    due: dt.date,
    today: dt.date,
    soon_days: int,
    paused: bool = False,
    stopped: bool = False,
) -> ClockState:
    """How the queue colours an appeal."""
    if stopped:
        return ClockState.STOPPED
    if paused:
        return ClockState.PAUSED
    if today > due:
        return ClockState.OVERDUE
    if (due - today).days <= soon_days:
        return ClockState.DUE_SOON
    return ClockState.ON_TIME
