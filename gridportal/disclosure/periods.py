"""Pure arithmetic of the disclosure calendar: periods, their due dates, what is due next.

A disclosure item is published once per period of its frequency: «2026-11» (monthly),
«2026-Q4» (quarterly), «2026-H2» (twice a year), «2026» (yearly). The publication for
a period is due `due_offset_days` after the period's end; a negative offset means
within the period (free capacity is published at the start of the quarter it is for).
The calendar tracks every period since `tracked_from`: the next due one is the first
that has no publication; it is overdue once its due date has passed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .choices import Frequency

MONTHS_IN = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
_CODE = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])))?$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date  # the last day of the period
    code: str

    @property
    def label(self) -> str:
        return period_label(self.code)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _code(start: dt.date, frequency: str) -> str:
    if frequency == Frequency.MONTHLY:
        return f"{start.year}-{start.month:02d}"
    if frequency == Frequency.QUARTERLY:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if frequency == Frequency.HALF_YEARLY:
        return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    return str(start.year)


def period_label(code: str) -> str:
    """The period as a reader names it: «2026-Q4» → «4 квартал 2026», «2026-11» → «Ноябрь 2026»."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    match = _CODE.match(code or "")
    if not match:
        return code
    year = match["year"]
    if match["month"] and 1 <= int(match["month"]) <= 12:
        return date_format(dt.date(int(year), int(match["month"]), 1), "F Y")
    if match["q"]:
        return gettext("Q{number} {year}").format(number=match["q"], year=year)
    if match["h"]:
        return gettext("H{number} {year}").format(number=match["h"], year=year)
    return year


def period_of(day: dt.date, frequency: str) -> Period:
    """The period of `frequency` that contains `day`."""
    months = MONTHS_IN[Frequency(frequency)]
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    end = _add_months(start, months) - dt.timedelta(days=1)
    return Period(start=start, end=end, code=_code(start, frequency))


def period_next(period: Period, frequency: str) -> Period:
    return period_of(period.end + dt.timedelta(days=1), frequency)


def period_parse(code: str, frequency: str) -> Period | None:
    """The period a code names, if the code is of the frequency's form."""
    match = _CODE.match(code or "")
    if not match or frequency not in MONTHS_IN:
        return None
    year = int(match["year"])
    if frequency == Frequency.MONTHLY and match["month"] and 1 <= int(match["month"]) <= 12:
        return period_of(dt.date(year, int(match["month"]), 1), frequency)
    if frequency == Frequency.QUARTERLY and match["q"]:
        return period_of(dt.date(year, (int(match["q"]) - 1) * 3 + 1, 1), frequency)
    if frequency == Frequency.HALF_YEARLY and match["h"]:
        return period_of(dt.date(year, (int(match["h"]) - 1) * 6 + 1, 1), frequency)
    if frequency == Frequency.YEARLY and not (match["month"] or match["q"] or match["h"]):
        return period_of(dt.date(year, 1, 1), frequency)
    return None


def due_date(period: Period, offset_days: int) -> dt.date:
    """When the publication for `period` is due; never before the period starts."""
    return max(period.start, period.end + dt.timedelta(days=offset_days))


@dataclass(frozen=True)
class Due:
    period: Period
    due: dt.date
    overdue: bool
    days_left: int


def next_due(
    *,
    frequency: str,
    offset_days: int,
    tracked_from: dt.date,
    published: set[str],
    today: dt.date,
) -> Due | None:
    """The first period since `tracked_from` without a publication, with its due date.

    None for items published when they change (no calendar).
    """
    if frequency not in MONTHS_IN:
        return None
    period = period_of(tracked_from, frequency)
    # A period whose due date fell before tracking started is not owed.
    while due_date(period, offset_days) < tracked_from:
        period = period_next(period, frequency)
    while period.code in published:
        period = period_next(period, frequency)
    due = due_date(period, offset_days)
    return Due(period=period, due=due, overdue=due < today, days_left=(due - today).days)
