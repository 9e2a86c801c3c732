"""Russian working-day calendar: pure functions over dates.

Days off come from the `holidays` package (official holidays and the transferred
days off of each year's government decree). Working weekend days (e.g. Saturday
2025-11-01) are the dates a day off was transferred *from* that are not holidays
themselves. Administrators can override any date with a CalendarException.

Shortened pre-holiday days (Labour Code art. 95): a working day immediately before a
non-working public holiday (art. 112) is one hour shorter. A transferred day off is not
a public holiday, so the day before it is not shortened; a working weekend day stands in
for the weekday it was swapped with, so it is shortened when that weekday would have
been (1 November 2025 stood in for 3 November, the day before Unity Day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

SHORTENED_BY = dt.timedelta(hours=1)


def _transfers(year: int) -> tuple[tuple[dt.date, dt.date], ...]:
    """(day off moved to, the day it was moved from) pairs of the year's decree."""
    # Imported here, not read off the package: `holidays` loads its country modules lazily,
    # so `holidays.countries.russia` may not exist yet when nothing has asked for RU.
    from holidays.countries.russia import RussiaStaticHolidays

    special = getattr(RussiaStaticHolidays, "special_public_holidays", {}).get(year, ())
    if special and not isinstance(special[0], tuple):
        special = (special,)
    pairs = []
    for entry in special:
        if len(entry) == 4:
            month_to, day_to, month_from, day_from = entry
            pairs.append((dt.date(year, month_to, day_to), dt.date(year, month_from, day_from)))
    return tuple(pairs)


@lru_cache(maxsize=64)
def _official_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, working weekend days) of the official calendar for a year."""
    ru = holidays.RU(years=year)
    days_off = frozenset(ru.keys())
    working = set()
    for _target, source in _transfers(year):
        if source.weekday() >= 5 and source not in days_off:
            working.add(source)
    return days_off, frozenset(working)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[dt.date]:
    """The non-working public holidays themselves (art. 112), without days moved onto them."""
    targets = {target for target, _source in _transfers(year)}
    return frozenset(set(holidays.RU(years=year, observed=False).keys()) - targets)


def is_public_holiday(day: dt.date) -> bool:
    return day in _public_holidays(day.year)


@lru_cache(maxsize=64)
def _stands_in_for(year: int) -> dict[dt.date, dt.date]:
    """Working weekend day -> the weekday whose work it carries."""
    _days_off, working = _official_year(year)
    return {source: target for target, source in _transfers(year) if source in working}


@dataclass(frozen=True)
class WorkingCalendar:
    """The official calendar plus administrator overrides (date -> is working)."""

    overrides: dict[dt.date, bool] = field(default_factory=dict)
    shortened: frozenset[dt.date] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        days_off, working_weekends = _official_year(day.year)
        if day in working_weekends:
            return True
        return day.weekday() < 5 and day not in days_off

    def works_as(self, day: dt.date) -> dt.date:
        """The weekday whose work a transferred working weekend day carries (else the day)."""
        return _stands_in_for(day.year).get(day, day)

    def is_shortened_day(self, day: dt.date) -> bool:
        """A working day one hour shorter because a public holiday follows (art. 95)."""
        if not self.is_working_day(day):
            return False
        if day in self.shortened:
            return True
        return is_public_holiday(self.works_as(day) + dt.timedelta(days=1))

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date `days` working days after `start` (start itself not counted).

        With days == 0 the result is start if it is a working day, else the next one.
        """
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        if days == 0:
            while not self.is_working_day(current):
                current += dt.timedelta(days=1)
            return current
        remaining = days
        while remaining:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

    def working_days_in(self, days: Iterable[dt.date]) -> list[dt.date]:
        return [d for d in days if self.is_working_day(d)]
