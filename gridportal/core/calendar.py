"""Russian working-day calendar: pure functions over dates.

Days off come from the `holidays` package (official holidays and the transferred
days off of each year's government decree). Working weekend days (e.g. Saturday
2025-11-01) are the dates a day off was transferred *from* that are not holidays
themselves. Administrators can override any date with a CalendarException.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _official_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, working weekend days) of the official calendar for a year."""
    ru = holidays.RU(years=year)
    days_off = frozenset(ru.keys())
    working = set()
    static = getattr(getattr(holidays, "countries", None), "russia", None)
    static = getattr(static, "RussiaStaticHolidays", None)
    special = getattr(static, "special_public_holidays", {}).get(year, ())
    if special and not isinstance(special[0], tuple):
        special = (special,)
    for entry in special:
        if len(entry) == 4:
            _month_to, _day_to, month_from, day_from = entry
            source = dt.date(year, month_from, day_from)
            if source.weekday() >= 5 and source not in days_off:
                working.add(source)
    return days_off, frozenset(working)


@dataclass(frozen=True)
class WorkingCalendar:
    """The official calendar plus administrator overrides (date -> is working)."""

    overrides: dict[dt.date, bool] = field(default_factory=dict)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        days_off, working_weekends = _official_year(day.year)
        if day in working_weekends:
            return True
        return day.weekday() < 5 and day not in days_off

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
