"""The calendar's arithmetic: periods, due dates, the next due period."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gridportal.disclosure.choices import Frequency
from gridportal.disclosure.periods import (
    due_date,
    next_due,
    period_next,
    period_of,
    period_parse,
)

FREQUENCIES = [Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY]
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))


@given(day=days, frequency=st.sampled_from(FREQUENCIES))
def test_a_period_holds_its_day_and_the_next_starts_the_day_after(day, frequency):
    period = period_of(day, frequency)
    assert period.start <= day <= period.end
    following = period_next(period, frequency)
    assert following.start == period.end + dt.timedelta(days=1)
    assert period_parse(period.code, frequency) == period


def test_codes_name_the_period():
    day = dt.date(2026, 11, 30)
    assert period_of(day, Frequency.MONTHLY).code == "2026-11"
    assert period_of(day, Frequency.QUARTERLY).code == "2026-Q4"
    assert period_of(day, Frequency.HALF_YEARLY).code == "2026-H2"
    assert period_of(day, Frequency.YEARLY).code == "2026"
    assert period_parse("2026-Q5", Frequency.QUARTERLY) is None
    assert period_parse("2026-Q4", Frequency.MONTHLY) is None


def test_a_quarter_published_two_weeks_in_is_due_mid_first_month():
    q4 = period_of(dt.date(2026, 11, 1), Frequency.QUARTERLY)
    assert due_date(q4, -75) == dt.date(2026, 10, 17)
    assert due_date(q4, -200) == q4.start  # never before the period starts


def test_the_first_unpublished_period_is_next_and_overdue_once_its_date_passed():
    common = {
        "frequency": Frequency.QUARTERLY,
        "offset_days": -75,
        "tracked_from": dt.date(2026, 7, 1),
    }
    due = next_due(published=set(), today=dt.date(2026, 11, 30), **common)
    assert due.period.code == "2026-Q3" and due.overdue
    due = next_due(published={"2026-Q3", "2026-Q4"}, today=dt.date(2026, 11, 30), **common)
    assert due.period.code == "2027-Q1"
    assert due.due == dt.date(2027, 1, 15) and not due.overdue and due.days_left == 46


def test_items_published_when_they_change_have_no_calendar():
    assert (
        next_due(
            frequency=Frequency.ON_CHANGE,
            offset_days=0,
            tracked_from=dt.date(2026, 1, 1),
            published=set(),
            today=dt.date(2026, 6, 1),
        )
        is None
    )
