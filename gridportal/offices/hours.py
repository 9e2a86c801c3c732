"""Opening hours and booking slots of a service centre: pure functions over dates and times.

An office has weekly hours (per weekday, with breaks) in its own time zone, dated
exceptions (other hours or closed on a date, temporary closures over a period), and
follows the working-day calendar: closed on public holidays and days off moved onto
weekdays, one hour shorter on a shortened pre-holiday day, and on a transferred working
Saturday it works the hours of the weekday that Saturday stands in for.

Nothing here reads the database; `gridportal.offices.selectors` builds a `Schedule`
from an office's rows and hands it the calendar in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from gridportal.core.calendar import SHORTENED_BY, WorkingCalendar, is_public_holiday

LOOK_AHEAD_DAYS = 21


@dataclass(frozen=True)
class DayHours:
    """Opening and closing time of a day with the breaks inside it (local wall-clock)."""

    opens: dt.time
    closes: dt.time
    breaks: tuple[tuple[dt.time, dt.time], ...] = ()

    def __post_init__(self):
        if self.closes <= self.opens:
            raise ValueError("an office closes after it opens")
        for start, end in self.breaks:
            if not (self.opens <= start < end <= self.closes):
                raise ValueError("a break lies inside the opening hours")

    def intervals(self) -> list[tuple[dt.time, dt.time]]:
        """The open stretches of the day: the hours minus the breaks, in order."""
        spans, cursor = [], self.opens
        for start, end in sorted(self.breaks):
            if start > cursor:
                spans.append((cursor, start))
            cursor = max(cursor, end)
        if cursor < self.closes:
            spans.append((cursor, self.closes))
        return spans

    def shortened(self, by: dt.timedelta = SHORTENED_BY) -> DayHours:
        """The same day closing `by` earlier; breaks after the new closing time are dropped."""
        closes = (dt.datetime.combine(dt.date.min, self.closes) - by).time()
        if closes <= self.opens:
            raise ValueError("a shortened day leaves no opening hours")
        breaks = tuple((start, min(end, closes)) for start, end in self.breaks if start < closes)
        return DayHours(self.opens, closes, breaks)


@dataclass(frozen=True)
class Closure:
    """A temporary closure over a period of local dates, both ends included."""

    first: dt.date
    last: dt.date
    reason: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class DayPlan:
    """What a date looks like at the office and why."""

    day: dt.date
    hours: DayHours | None
    reason: (
        str  # "regular", "holiday", "day_off", "closure", "exception", "shortened", "transferred"
    )


@dataclass(frozen=True)
class Schedule:
    """One office's hours: weekly pattern, exceptions, closures, time zone and calendar."""

    weekly: Mapping[int, DayHours]  # weekday 0 = Monday; a missing weekday is closed
    time_zone: str = "Europe/Moscow"
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    exceptions: Mapping[dt.date, DayHours | None] = field(default_factory=dict)
    closures: tuple[Closure, ...] = ()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def plan(self, day: dt.date) -> DayPlan:
        """The hours of a local date, after exceptions, closures and the calendar."""
        if day in self.exceptions:
            return DayPlan(day, self.exceptions[day], "exception")
        for closure in self.closures:
            if closure.covers(day):
                return DayPlan(day, None, "closure")
        if is_public_holiday(day):
            return DayPlan(day, None, "holiday")
        calendar = self.calendar
        if day.weekday() < 5 and not calendar.is_working_day(day):
            return DayPlan(day, None, "day_off")
        reason = "regular"
        hours = self.weekly.get(day.weekday())
        if day.weekday() >= 5 and calendar.is_working_day(day):
            works_as = calendar.works_as(day)
            if works_as != day:
                hours, reason = self.weekly.get(works_as.weekday()), "transferred"
        if hours is not None and calendar.is_shortened_day(day):
            try:
                hours, reason = hours.shortened(), "shortened"
            except ValueError:
                hours, reason = None, "shortened"
        return DayPlan(day, hours, reason)

    def local(self, moment: dt.datetime) -> dt.datetime:
        if moment.tzinfo is None:
            raise ValueError("an aware datetime is needed")
        return moment.astimezone(self.tz)

    def open_spans(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The open stretches of a local date as aware datetimes in the office's zone."""
        hours = self.plan(day).hours
        if hours is None:
            return []
        tz = self.tz
        return [
            (dt.datetime.combine(day, start, tz), dt.datetime.combine(day, end, tz))
            for start, end in hours.intervals()
        ]

    def status(self, moment: dt.datetime) -> OpenStatus:
        """Open now (until when) or closed (opening when), as seen at `moment`."""
        now = self.local(moment)
        for offset in range(LOOK_AHEAD_DAYS):
            spans = self.open_spans(now.date() + dt.timedelta(days=offset))
            for index, (start, end) in enumerate(spans):
                if start <= now < end:
                    return OpenStatus(True, closes_at=end)
                if start > now:
                    return OpenStatus(False, opens_at=start, on_break=offset == 0 and index > 0)
        return OpenStatus(False)

    def opens_on_saturday(self) -> bool:
        return 5 in self.weekly


@dataclass(frozen=True)
class OpenStatus:
    is_open: bool
    closes_at: dt.datetime | None = None
    opens_at: dt.datetime | None = None
    on_break: bool = False


@dataclass(frozen=True)
class Slot:
    """A start time at which a service of a given length fits at one or more free desks."""

    start: dt.datetime
    end: dt.datetime
    free_desks: tuple[int, ...]


def slots(
    schedule: Schedule,
    day: dt.date,
    *,
    duration: dt.timedelta,
    desks: Iterable[int],
    busy: Mapping[int, Iterable[tuple[dt.datetime, dt.datetime]]] | None = None,
    step: dt.timedelta = dt.timedelta(minutes=15),
    not_before: dt.datetime | None = None,
) -> list[Slot]:
    """Free slots of a local date: every step inside an open stretch where the service fits
    before the stretch ends (no running into a break or closing) and a desk is free
    throughout. `busy` maps desk number -> its booked (start, end) spans."""
    if duration <= dt.timedelta(0) or step <= dt.timedelta(0):
        raise ValueError("duration and step must be positive")
    desks = tuple(sorted(set(desks)))
    busy = {desk: list(spans) for desk, spans in (busy or {}).items()}
    found = []
    for span_start, span_end in schedule.open_spans(day):
        start = span_start
        while start + duration <= span_end:
            end = start + duration
            if not_before is None or start >= not_before:
                free = tuple(
                    desk
                    for desk in desks
                    if not any(
                        b_start < end and start < b_end for b_start, b_end in busy.get(desk, ())
                    )
                )
                if free:
                    found.append(Slot(start, end, free))
            start += step
    return found


def desk_for(slot_start: dt.datetime, slot_end: dt.datetime, *, desks, busy) -> int | None:
    """The lowest-numbered desk free over [slot_start, slot_end), or None."""
    for desk in sorted(set(desks)):
        if not any(
            b_start < slot_end and slot_start < b_end for b_start, b_end in busy.get(desk, ())
        ):
            return desk
    return None
