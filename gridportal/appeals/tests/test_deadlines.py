"""The answer clock (59-ФЗ art. 12): 30 calendar days, one extension, pauses, days off."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.appeals.choices import ClockState
from gridportal.appeals.deadlines import (
    ExtensionRefused,
    Pause,
    callback_due,
    clock_state,
    due_date,
    extension_check,
    next_working_day,
    reopen_until,
)
from gridportal.core.calendar import WorkingCalendar

CAL = WorkingCalendar()
D = dt.date.fromisoformat


def due(started, **kw):
    kw.setdefault("answer_days", 30)
    return due_date(started_on=D(started), calendar=CAL, **kw)


def test_thirty_calendar_days_from_registration():
    # Mon 2 Feb 2026 + 30 days = Wed 4 Mar 2026, a working day.
    assert due("2026-02-02") == D("2026-03-04")


def test_due_day_on_a_holiday_moves_to_the_next_working_day():
    # Sat 7 Feb + 30 = Mon 9 Mar 2026: the day off for 8 March, so Tuesday 10 March.
    assert due("2026-02-07") == D("2026-03-10")


def test_due_day_in_the_new_year_holidays_moves_past_them():
    result = due("2026-12-05")  # + 30 = 4 January 2027
    assert result > D("2027-01-04")
    assert CAL.is_working_day(result)
    assert all(
        not CAL.is_working_day(D("2027-01-04") + dt.timedelta(days=i))
        for i in range((result - D("2027-01-04")).days)
    )


def test_due_day_on_a_weekend_moves_to_monday():
    # Tue 12 May + 30 = Thu 11 Jun; paused three days → Sun 14 Jun → Mon 15 Jun
    # (Fri 12 Jun is Russia Day, Sat 13 a weekend).
    assert due("2026-05-12") == D("2026-06-11")
    paused = due("2026-05-12", pauses=[Pause(D("2026-05-20"), D("2026-05-23"))])
    assert paused == D("2026-06-15")


def test_one_extension_of_at_most_thirty_days():
    assert due("2026-02-02", extension_days=30) == D("2026-04-03")
    assert extension_check(days=30, max_days=30, already_extended=False) == 30
    with pytest.raises(ExtensionRefused):
        extension_check(days=31, max_days=30, already_extended=False)
    with pytest.raises(ExtensionRefused):
        extension_check(days=0, max_days=30, already_extended=False)
    with pytest.raises(ExtensionRefused):
        extension_check(days=5, max_days=30, already_extended=True)


def test_an_open_pause_keeps_moving_the_due_date_while_we_wait():
    pause = Pause(D("2026-02-10"))
    assert due("2026-02-02", pauses=[pause], today=D("2026-02-10")) == D("2026-03-04")
    assert due("2026-02-02", pauses=[pause], today=D("2026-02-15")) == D("2026-03-10")


def test_a_pause_after_the_clock_ran_out_does_not_revive_it():
    late = Pause(D("2026-03-20"), D("2026-03-30"))
    assert due("2026-02-02", pauses=[late]) == D("2026-03-04")


def test_callback_within_four_hours():
    at = dt.datetime(2026, 2, 2, 16, 30, tzinfo=dt.UTC)
    assert callback_due(received_at=at, hours=4) == dt.datetime(2026, 2, 2, 20, 30, tzinfo=dt.UTC)


def test_reopen_period_and_clock_state():
    assert reopen_until(answered_on=D("2026-02-02"), reopen_days=30) == D("2026-03-04")
    today = D("2026-03-01")
    assert clock_state(due=D("2026-03-10"), today=today, soon_days=5) == ClockState.ON_TIME
    assert clock_state(due=D("2026-03-05"), today=today, soon_days=5) == ClockState.DUE_SOON
    assert clock_state(due=D("2026-02-27"), today=today, soon_days=5) == ClockState.OVERDUE
    assert clock_state(due=D("2026-02-27"), today=today, soon_days=5, paused=True) == (
        ClockState.PAUSED
    )


# --- properties ----------------------------------------------------------------------

dates = st.dates(min_value=D("2025-01-01"), max_value=D("2028-12-31"))
pauses = st.lists(
    st.tuples(st.integers(0, 80), st.one_of(st.none(), st.integers(0, 40))).map(
        lambda t: (t[0], t[1])
    ),
    max_size=4,
)


def _pauses(start, spec):
    return [
        Pause(start + dt.timedelta(days=a), None if b is None else start + dt.timedelta(days=a + b))
        for a, b in spec
    ]


@given(start=dates, spec=pauses, extension=st.integers(0, 30), later=st.integers(0, 60))
def test_a_pause_or_an_extension_never_moves_the_due_date_earlier(start, spec, extension, later):
    today = start + dt.timedelta(days=later)
    plain = due_date(started_on=start, answer_days=30, calendar=CAL, today=today)
    extended = due_date(
        started_on=start, answer_days=30, calendar=CAL, extension_days=extension, today=today
    )
    both = due_date(
        started_on=start,
        answer_days=30,
        calendar=CAL,
        extension_days=extension,
        pauses=_pauses(start, spec),
        today=today,
    )
    assert plain <= extended <= both
    assert both >= start + dt.timedelta(days=30)
    assert CAL.is_working_day(both)


@given(start=dates, spec=pauses, later=st.integers(0, 60), step=st.integers(1, 30))
def test_waiting_longer_never_brings_the_due_date_nearer(start, spec, later, step):
    open_pause = [Pause(start + dt.timedelta(days=3))]
    kwargs = {
        "started_on": start,
        "answer_days": 30,
        "calendar": CAL,
        "pauses": _pauses(start, spec) + open_pause,
    }
    first = due_date(today=start + dt.timedelta(days=later), **kwargs)
    second = due_date(today=start + dt.timedelta(days=later + step), **kwargs)
    assert first <= second


@given(day=dates)
def test_next_working_day_is_working_and_not_before(day):
    result = next_working_day(day, CAL)
    assert result >= day and CAL.is_working_day(result)
    assert (result - day).days < 15
