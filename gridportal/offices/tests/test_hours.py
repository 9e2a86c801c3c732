"""Opening hours and slots: breaks, public holidays, shortened and transferred days, time zones."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.core.calendar import WorkingCalendar
from gridportal.offices.hours import Closure, DayHours, Schedule, desk_for, slots

T = dt.time
WEEKDAY = DayHours(T(8), T(17), breaks=((T(12), T(13)),))
SATURDAY = DayHours(T(9), T(13))
WEEK = {0: WEEKDAY, 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY}
MOSCOW = Schedule(weekly=WEEK, time_zone="Europe/Moscow")
MINUTES_30 = dt.timedelta(minutes=30)


def at(year, month, day, hour, minute=0, zone="Europe/Moscow"):
    return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def starts(found):
    return [s.start.strftime("%H:%M") for s in found]


def test_a_break_splits_the_day_and_no_slot_runs_into_it():
    found = slots(MOSCOW, dt.date(2026, 12, 1), duration=MINUTES_30, desks=[1], step=MINUTES_30)
    assert starts(found)[:8] == [
        "08:00",
        "08:30",
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
    ]
    assert "12:00" not in starts(found) and "12:30" not in starts(found)
    assert starts(found)[8] == "13:00"
    assert starts(found)[-1] == "16:30"
    # A 45-minute service cannot start at 11:30 (it would end in the break) nor at 16:30.
    long = starts(slots(MOSCOW, dt.date(2026, 12, 1), duration=dt.timedelta(minutes=45), desks=[1]))
    assert "11:15" in long and "11:30" not in long
    assert long[-1] == "16:15"


def test_open_now_and_on_a_break_and_opening_tomorrow():
    assert MOSCOW.status(at(2026, 12, 1, 10)).is_open
    assert MOSCOW.status(at(2026, 12, 1, 10)).closes_at == at(2026, 12, 1, 12)
    lunch = MOSCOW.status(at(2026, 12, 1, 12, 20))
    assert not lunch.is_open and lunch.on_break and lunch.opens_at == at(2026, 12, 1, 13)
    evening = MOSCOW.status(at(2026, 12, 1, 18))
    assert not evening.is_open and evening.opens_at == at(2026, 12, 2, 8)
    assert not evening.on_break


def test_a_public_holiday_is_closed_and_friday_evening_opens_after_it():
    # 4 November 2026 (Wednesday) is Unity Day.
    assert MOSCOW.plan(dt.date(2026, 11, 4)).hours is None
    assert MOSCOW.plan(dt.date(2026, 11, 4)).reason == "holiday"
    assert slots(MOSCOW, dt.date(2026, 11, 4), duration=MINUTES_30, desks=[1, 2]) == []
    # Open on Saturdays too, but not on Saturday 9 May 2026 (Victory Day).
    with_saturday = Schedule(weekly={**WEEK, 5: SATURDAY})
    assert with_saturday.plan(dt.date(2026, 5, 16)).hours == SATURDAY
    assert with_saturday.plan(dt.date(2026, 5, 9)).hours is None
    # Monday 11 May is the day off moved from the Saturday holiday: closed as well.
    assert with_saturday.plan(dt.date(2026, 5, 11)).reason == "day_off"
    assert with_saturday.status(at(2026, 5, 8, 18)).opens_at == at(2026, 5, 12, 8)


def test_a_shortened_pre_holiday_day_closes_an_hour_earlier():
    # 3 November 2026, the day before Unity Day.
    plan = MOSCOW.plan(dt.date(2026, 11, 3))
    assert plan.reason == "shortened" and plan.hours.closes == T(16)
    found = starts(
        slots(MOSCOW, dt.date(2026, 11, 3), duration=MINUTES_30, desks=[1], step=MINUTES_30)
    )
    assert found[-1] == "15:30"
    assert not MOSCOW.status(at(2026, 11, 3, 16, 10)).is_open
    assert MOSCOW.status(at(2026, 11, 3, 16, 10)).opens_at == at(2026, 11, 5, 8)
    # A day that ends in a break when shortened loses the break with the last hour.
    late_break = Schedule(weekly={1: DayHours(T(8), T(17), breaks=((T(16), T(17)),))})
    assert late_break.plan(dt.date(2026, 11, 3)).hours == DayHours(T(8), T(16))


def test_a_transferred_working_saturday_works_the_hours_of_the_weekday_it_stands_in_for():
    # Saturday 1 November 2025 was worked for Monday 3 November (a day off), and is shortened.
    plan = MOSCOW.plan(dt.date(2025, 11, 1))
    assert plan.hours == DayHours(T(8), T(16), breaks=((T(12), T(13)),))
    assert MOSCOW.plan(dt.date(2025, 11, 3)).hours is None
    assert MOSCOW.status(at(2025, 11, 1, 9)).is_open
    assert (
        len(
            slots(
                MOSCOW,
                dt.date(2025, 11, 1),
                duration=dt.timedelta(hours=1),
                desks=[1],
                step=dt.timedelta(hours=1),
            )
        )
        == 7
    )


def test_two_time_zones_the_same_instant_differs():
    # 08:30 in Moscow is 10:30 in Yekaterinburg: the Ural office is open, Moscow's is not yet.
    ural = Schedule(weekly={**WEEK}, time_zone="Asia/Yekaterinburg")
    early_moscow = Schedule(weekly={0: DayHours(T(9), T(18))}, time_zone="Europe/Moscow")
    instant = at(2026, 12, 7, 8, 30)
    assert ural.status(instant).is_open
    assert not early_moscow.status(instant).is_open
    assert early_moscow.status(instant).opens_at == at(2026, 12, 7, 9)
    # Late evening in Moscow is already the next local date in Vladivostok.
    far_east = Schedule(weekly={1: DayHours(T(8), T(17))}, time_zone="Asia/Vladivostok")
    status = far_east.status(at(2026, 12, 7, 23, 30))  # Monday 23:30 MSK = Tuesday 06:30 VLAT
    assert not status.is_open
    assert status.opens_at == dt.datetime(2026, 12, 8, 8, tzinfo=ZoneInfo("Asia/Vladivostok"))
    assert status.opens_at.astimezone(ZoneInfo("Europe/Moscow")).hour == 1
    found = slots(far_east, dt.date(2026, 12, 8), duration=MINUTES_30, desks=[1])
    assert found[0].start.utcoffset() == dt.timedelta(hours=10)


def test_closures_and_exceptions_override_the_week():
    schedule = Schedule(
        weekly=WEEK,
        closures=(Closure(dt.date(2026, 12, 14), dt.date(2026, 12, 16), "renovation"),),
        exceptions={dt.date(2026, 12, 19): DayHours(T(10), T(14)), dt.date(2026, 12, 18): None},
    )
    assert [schedule.plan(dt.date(2026, 12, d)).hours is None for d in (13, 14, 15, 16, 17)] == [
        True,
        True,
        True,
        True,
        False,
    ]
    assert schedule.plan(dt.date(2026, 12, 18)).hours is None
    assert schedule.plan(dt.date(2026, 12, 19)).hours == DayHours(T(10), T(14))


def test_desks_limit_the_slots_and_a_long_booking_blocks_overlaps():
    day = dt.date(2026, 12, 1)
    nine = at(2026, 12, 1, 9)
    busy = {1: [(nine, nine + dt.timedelta(hours=1))]}
    found = {
        s.start: s.free_desks
        for s in slots(MOSCOW, day, duration=MINUTES_30, desks=[1, 2], busy=busy)
    }
    assert found[nine] == (2,)
    assert found[at(2026, 12, 1, 9, 45)] == (2,)
    assert found[at(2026, 12, 1, 10)] == (1, 2)
    busy[2] = [(nine, nine + MINUTES_30)]
    found = {s.start for s in slots(MOSCOW, day, duration=MINUTES_30, desks=[1, 2], busy=busy)}
    assert nine not in found and at(2026, 12, 1, 8, 45) not in found
    assert at(2026, 12, 1, 8, 30) in found
    assert desk_for(nine, nine + MINUTES_30, desks=[1, 2], busy={1: busy[1]}) == 2


def test_slots_in_the_past_are_not_offered():
    found = slots(
        MOSCOW,
        dt.date(2026, 12, 1),
        duration=MINUTES_30,
        desks=[1],
        not_before=at(2026, 12, 1, 15, 5),
    )
    assert starts(found) == ["15:15", "15:30", "15:45", "16:00", "16:15", "16:30"]


def test_hours_must_make_sense():
    with pytest.raises(ValueError):
        DayHours(T(17), T(8))
    with pytest.raises(ValueError):
        DayHours(T(8), T(17), breaks=((T(16), T(18)),))


@given(
    day=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 12, 31)),
    minutes=st.sampled_from([15, 20, 30, 45, 60, 90]),
    zone=st.sampled_from(
        ["Europe/Kaliningrad", "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok"]
    ),
)
def test_every_slot_lies_inside_the_open_hours(day, minutes, zone):
    schedule = Schedule(weekly={**WEEK, 5: SATURDAY}, time_zone=zone, calendar=WorkingCalendar())
    duration = dt.timedelta(minutes=minutes)
    spans = schedule.open_spans(day)
    for slot in slots(schedule, day, duration=duration, desks=[1, 2]):
        assert any(start <= slot.start and slot.end <= end for start, end in spans)
        assert slot.start.date() == day
        assert schedule.status(slot.start).is_open
