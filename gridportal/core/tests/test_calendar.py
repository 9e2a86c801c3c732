import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.core.calendar import WorkingCalendar
from gridportal.core.choices import CalendarDayKind
from gridportal.core.models import CalendarException
from gridportal.core.selectors import add_working_days, working_days_between

calendar = WorkingCalendar()


def working_days_in_year(year):
    day, count = dt.date(year, 1, 1), 0
    while day.year == year:
        count += calendar.is_working_day(day)
        day += dt.timedelta(days=1)
    return count


@pytest.mark.parametrize(("year", "expected"), [(2025, 247), (2026, 247)])
def test_the_year_has_as_many_working_days_as_the_official_calendar(year, expected):
    assert working_days_in_year(year) == expected


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2025, 11, 1), True),  # Saturday, worked for the 3 November day off
        (dt.date(2025, 11, 3), False),
        (dt.date(2025, 11, 4), False),  # Unity Day
        (dt.date(2025, 5, 2), False),
        (dt.date(2025, 5, 8), False),
        (dt.date(2025, 6, 13), False),
        (dt.date(2025, 12, 31), False),
        (dt.date(2025, 12, 30), True),
        (dt.date(2026, 1, 9), False),
        (dt.date(2026, 1, 12), True),
        (dt.date(2026, 3, 9), False),  # 8 March falls on a Sunday
        (dt.date(2026, 5, 11), False),  # 9 May falls on a Saturday
        (dt.date(2026, 12, 31), False),
        (dt.date(2026, 11, 26), True),
    ],
)
def test_it_knows_official_days_off_and_transferred_working_days(day, working):
    assert calendar.is_working_day(day) is working


def test_a_deadline_counted_over_the_new_year_skips_the_holidays():
    assert calendar.add_working_days(dt.date(2025, 12, 30), 1) == dt.date(2026, 1, 12)


def test_thirty_working_days_from_a_date_before_may_holidays():
    # 2026-04-20 (Mon) + 30 working days skips 1 and 11 May.
    assert calendar.add_working_days(dt.date(2026, 4, 20), 30) == dt.date(2026, 6, 3)


def test_zero_days_lands_on_the_next_working_day():
    assert calendar.add_working_days(dt.date(2025, 11, 2), 0) == dt.date(2025, 11, 5)


def test_working_days_between_counts_the_end_but_not_the_start():
    assert calendar.working_days_between(dt.date(2025, 10, 31), dt.date(2025, 11, 5)) == 2
    assert calendar.working_days_between(dt.date(2025, 11, 5), dt.date(2025, 10, 31)) == -2


@given(
    start=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)),
    days=st.integers(min_value=1, max_value=60),
)
def test_adding_working_days_lands_on_a_working_day_that_far_away(start, days):
    end = calendar.add_working_days(start, days)
    assert calendar.is_working_day(end)
    assert calendar.working_days_between(start, end) == days


@pytest.mark.django_db
def test_an_administrator_override_changes_the_calendar():
    CalendarException.objects.create(
        date=dt.date(2026, 12, 30), kind=CalendarDayKind.DAY_OFF, source="test decree"
    )
    assert add_working_days(dt.date(2026, 12, 29), 1) == dt.date(2027, 1, 11)
    assert working_days_between(dt.date(2026, 12, 28), dt.date(2026, 12, 31)) == 1


@pytest.mark.django_db
def test_the_shipped_calendar_data_marks_the_2025_working_saturday():
    assert CalendarException.objects.get(date=dt.date(2025, 11, 1)).kind == CalendarDayKind.WORKING


def shortened_days_in_year(year):
    day, found = dt.date(year, 1, 1), []
    while day.year == year:
        if calendar.is_shortened_day(day):
            found.append(day)
        day += dt.timedelta(days=1)
    return found


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # The official production calendars: 1972 hours for a 40-hour week both years.
        (2025, [(3, 7), (4, 30), (6, 11), (11, 1)]),
        (2026, [(4, 30), (5, 8), (6, 11), (11, 3)]),
    ],
)
def test_the_day_before_a_public_holiday_is_one_hour_shorter(year, expected):
    assert shortened_days_in_year(year) == [dt.date(year, m, d) for m, d in expected]
    assert working_days_in_year(year) * 8 - len(expected) == 1972


def test_the_day_before_a_transferred_day_off_is_not_shortened():
    # 31 December 2026 is a day off moved from 4 January, not a holiday.
    assert not calendar.is_shortened_day(dt.date(2026, 12, 30))
    # 8 March 2026 is a Sunday: the Friday before it is a full day.
    assert not calendar.is_shortened_day(dt.date(2026, 3, 6))


@pytest.mark.django_db
def test_an_administrator_can_mark_a_shortened_day():
    CalendarException.objects.create(
        date=dt.date(2026, 12, 30), kind=CalendarDayKind.SHORTENED, source="company order"
    )
    from gridportal.core.selectors import working_calendar

    cal = working_calendar()
    assert cal.is_working_day(dt.date(2026, 12, 30))
    assert cal.is_shortened_day(dt.date(2026, 12, 30))
