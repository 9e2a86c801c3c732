"""The indices on worked examples of our own, and their properties (hypothesis)."""

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridportal.reliability.indices import (
    Interruption,
    Params,
    combine,
    compute,
    daily_saidi,
    history_window,
    is_momentary,
    limit_breaches,
    major_event_days,
    med_threshold,
    period_hours,
    without_days,
)

UTC = dt.UTC
T0 = dt.datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
P = Params()
YEAR_HOURS = period_hours(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def rec(event, unit, customers, minutes, *, start=T0, operations=1, planned=False):
    return Interruption.between(
        str(event),
        unit,
        customers,
        start,
        start + dt.timedelta(minutes=minutes),
        operations=operations,
        planned=planned,
    )


def approx(x):
    return pytest.approx(x, rel=1e-9, abs=1e-12)


# Worked example: four substations, 1000 customers.
SERVED = {"A": 100, "B": 200, "C": 300, "D": 400}


def test_saifi_saidi_caidi_caifi_ctaidi_asai_on_a_worked_example():
    records = [
        rec(1, "A", 100, 60),  # 6000 customer-minutes
        rec(2, "A", 100, 30),  # 3000
        rec(3, "B", 200, 90),  # 18000
    ]
    ix = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.customers_served == 1000
    assert ix.saifi == approx(400 / 1000)  # 0.4 interruptions per customer
    assert ix.saidi == approx(27000 / 1000)  # 27 minutes
    assert ix.caidi == approx(27000 / 400)  # 67.5 minutes
    # A's 100 customers were interrupted twice, B's 200 once: 300 distinct customers.
    assert ix.caifi == approx(400 / 300)
    assert ix.ctaidi == approx(27000 / 300)  # 90 minutes
    assert ix.asai == approx(1 - (27000 / 60) / (1000 * 8760))
    assert ix.maifi == 0 and ix.maifi_e == 0


def test_asai_uses_the_periods_own_length():
    records = [rec(1, "A", 100, 60)]
    leap = compute(
        records,
        served=SERVED,
        period_hours=period_hours(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        params=P,
    )
    month = compute(
        records,
        served=SERVED,
        period_hours=period_hours(dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        params=P,
    )
    assert leap.asai == approx(1 - 100 / (1000 * 8784))
    assert month.asai == approx(1 - 100 / (1000 * 672))


def test_a_step_restoration_counts_each_steps_customers_and_own_duration():
    # One event: C's 300 customers, 100 back after 30 minutes, 200 after 3 hours; D after 1 h.
    records = [
        rec(7, "C", 100, 30),
        rec(7, "C", 200, 180),
        rec(7, "D", 400, 60),
    ]
    ix = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.saifi == approx(700 / 1000)
    assert ix.saidi == approx((100 * 30 + 200 * 180 + 400 * 60) / 1000)  # 63 minutes
    assert ix.caidi == approx(63000 / 700)
    # One event per substation: 700 distinct customers, each interrupted once.
    assert ix.caifi == approx(1.0)
    assert ix.cemi[1] == 0


def test_exactly_five_minutes_is_momentary_and_a_second_more_is_sustained():
    five = rec(1, "A", 100, 5)
    longer = Interruption.between("2", "B", 200, T0, T0 + dt.timedelta(minutes=5, seconds=1))
    assert is_momentary(five, P) and not is_momentary(longer, P)
    ix = compute([five, longer], served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.saifi == approx(0.2)
    assert ix.maifi_e == approx(0.1)


def test_the_threshold_is_a_parameter():
    ix = compute(
        [rec(1, "A", 100, 5)],
        served=SERVED,
        period_hours=YEAR_HOURS,
        params=Params(momentary_max_minutes=1),
    )
    assert ix.saifi == approx(0.1) and ix.maifi_e == 0


def test_maifi_counts_operations_and_maifi_e_counts_events():
    records = [
        rec(1, "A", 100, 1, operations=3),  # three reclosings, one event
        rec(2, "B", 200, 2, operations=1),
    ]
    ix = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.maifi == approx((3 * 100 + 200) / 1000)
    assert ix.maifi_e == approx(300 / 1000)
    assert ix.saifi == 0 and ix.saidi == 0


def test_cemi_counts_customers_with_more_than_n_sustained_interruptions():
    records = [
        rec(1, "A", 100, 60),
        rec(2, "A", 100, 60),  # A: twice
        rec(3, "B", 200, 60),  # B: once
        rec(4, "C", 300, 3),  # momentary, not in CEMI
    ]
    ix = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.cemi[1] == approx(100 / 1000)  # more than one: only A's, not B's
    assert ix.cemi[2] == 0  # nobody had more than two
    # CEMSMI counts momentary events too: C's customers had one, so still not more than 1.
    assert ix.cemsmi[1] == approx(100 / 1000)
    more = compute(
        records + [rec(5, "B", 200, 2)], served=SERVED, period_hours=YEAR_HOURS, params=P
    )
    assert more.cemsmi[1] == approx(300 / 1000)
    assert more.cemi[1] == approx(100 / 1000)


def test_customers_of_one_substation_are_the_same_customers_across_events():
    # 100 of A's customers in one event, 60 in another: at most 60 were interrupted twice,
    # and 100 distinct customers were interrupted.
    ix = compute(
        [rec(1, "A", 100, 60), rec(2, "A", 60, 60)],
        served=SERVED,
        period_hours=YEAR_HOURS,
        params=P,
    )
    assert ix.cemi[1] == approx(60 / 1000)
    assert ix.caifi == approx(160 / 100)


def test_no_interruptions():
    ix = compute([], served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.saifi == 0 and ix.saidi == 0 and ix.asai == 1
    assert ix.caidi is None and ix.caifi is None and ix.ctaidi is None


# Russian indicators -------------------------------------------------------------------------


def test_p_saidi_in_hours_and_p_saifi_per_point_of_supply():
    records = [
        rec(1, "A", 100, 120),  # 200 point-hours
        rec(2, "B", 200, 30),  # 100 point-hours
        rec(3, "C", 300, 3),  # momentary: not counted
        rec(4, "D", 400, 600, planned=True),  # planned: not counted by default
    ]
    ix = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert ix.p_saidi["total"] == approx(300 / 1000)
    assert ix.p_saifi["total"] == approx(300 / 1000)
    assert ix.p_saidi["NN"] == approx(0.3) and ix.p_saidi["SN2"] is None
    with_planned = compute(
        records, served=SERVED, period_hours=YEAR_HOURS, params=Params(p_count_planned=True)
    )
    assert with_planned.p_saidi["total"] == approx((300 + 4000) / 1000)
    before_2024 = compute(
        records, served=SERVED, period_hours=YEAR_HOURS, params=Params(p_per_level=False)
    )
    assert before_2024.p_saidi["NN"] is None and before_2024.p_saidi["total"] == approx(0.3)


# Major event days -----------------------------------------------------------------------


def test_the_2_5_beta_threshold_on_a_worked_example():
    # ln SAIDI of the four non-zero days: 0, 0, ln e², ln e² → α = 1, β = sample stdev = 2/√3
    daily = [1.0, 1.0, math.e**2, math.e**2, 0.0]
    threshold = med_threshold(daily, params=P)
    assert threshold == approx(math.exp(1 + 2.5 * 2 / math.sqrt(3)))
    assert round(threshold, 2) == 48.75  # minutes a day
    days = {dt.date(2025, 1, 1): 48.7, dt.date(2025, 1, 2): 48.8, dt.date(2025, 1, 3): 0.0}
    assert major_event_days(days, threshold) == [dt.date(2025, 1, 2)]


def test_no_threshold_without_two_days_of_history():
    assert med_threshold([0.0, 3.0], params=P) is None
    assert major_event_days({dt.date(2025, 1, 1): 1e9}, None) == []


def test_daily_saidi_counts_by_the_local_day_the_interruption_started():
    msk = dt.timezone(dt.timedelta(hours=3))
    late = Interruption.between(
        "1",
        "A",
        100,
        dt.datetime(2025, 1, 1, 22, tzinfo=UTC),
        dt.datetime(2025, 1, 2, 1, tzinfo=UTC),
        tz=msk,
    )
    assert late.day == dt.date(2025, 1, 2)
    days = daily_saidi([late, rec(2, "B", 100, 2)], customers_served=1000, params=P)
    assert days == {dt.date(2025, 1, 2): approx(100 * 180 / 1000)}
    assert without_days([late], [dt.date(2025, 1, 2)]) == []


def test_history_window_is_the_five_years_before():
    assert history_window(dt.date(2025, 1, 1), P) == (dt.date(2020, 1, 1), dt.date(2025, 1, 1))
    assert history_window(dt.date(2024, 2, 29), P)[0] == dt.date(2019, 2, 28)


# Permitted limits ------------------------------------------------------------------------


def test_limits_25_hours_at_once_and_over_72_a_year():
    records = [rec(1, "A", 100, 25 * 60)]
    breaches = limit_breaches(records, single_hours=24, year_hours=72)
    assert [(b.unit, b.kind, round(b.hours)) for b in breaches] == [("A", "single", 25)]
    exactly = limit_breaches([rec(1, "A", 100, 24 * 60)], single_hours=24, year_hours=72)
    assert exactly == []
    four = [rec(i, "B", 200, 20 * 60, start=T0 + dt.timedelta(days=i)) for i in range(4)]
    year = limit_breaches(four, single_hours=24, year_hours=72)
    assert [(b.unit, b.kind, b.hours, len(b.events)) for b in year] == [("B", "year", 80.0, 4)]


def test_a_substation_restored_in_steps_is_off_until_its_last_step():
    records = [rec(1, "C", 100, 60), rec(1, "C", 200, 26 * 60)]
    (breach,) = limit_breaches(records, single_hours=24, year_hours=72)
    assert breach.hours == 26


# Properties ----------------------------------------------------------------------------------

UNITS = st.sampled_from(["A", "B", "C", "D"])
records_strategy = st.lists(
    st.builds(
        lambda event, unit, share, minutes, ops, planned: rec(
            event, unit, max(1, int(SERVED[unit] * share)), minutes, operations=ops, planned=planned
        ),
        st.integers(0, 30),
        UNITS,
        st.floats(0.01, 1.0),
        st.floats(0.1, 3000),
        st.integers(1, 5),
        st.booleans(),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(records_strategy)
def test_saidi_is_saifi_times_caidi(records):
    ix = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    if ix.caidi is None:
        assert ix.saidi == 0 and ix.saifi == 0
    else:
        assert ix.saidi == pytest.approx(ix.saifi * ix.caidi, rel=1e-9)
    assert 0 <= ix.asai <= 1
    assert all(ix.cemi[n] >= ix.cemi[n + 1] for n in range(1, 5))
    assert all(ix.cemsmi[n] >= ix.cemi[n] for n in range(1, 6))


@settings(max_examples=200, deadline=None)
@given(records_strategy, records_strategy)
def test_a_union_of_disjoint_areas_is_the_customer_weighted_combination(left, right):
    west = {"A": 100, "B": 200}
    east = {"C": 300, "D": 400}
    left = [r for r in left if r.unit in west]
    right = [r for r in right if r.unit in east]
    a = compute(left, served=west, period_hours=YEAR_HOURS, params=P)
    b = compute(right, served=east, period_hours=YEAR_HOURS, params=P)
    both = compute(left + right, served=west | east, period_hours=YEAR_HOURS, params=P)
    for key, value in combine([a, b]).items():
        assert getattr(both, key) == pytest.approx(value, rel=1e-9, abs=1e-12)
    weighted_asai = (a.asai * 300 + b.asai * 700) / 1000
    assert both.asai == pytest.approx(weighted_asai, rel=1e-12)
    for n in range(1, 6):
        assert both.cemi[n] == pytest.approx((a.cemi[n] * 300 + b.cemi[n] * 700) / 1000)


@settings(max_examples=200, deadline=None)
@given(records_strategy, records_strategy.filter(bool))
def test_adding_an_interruption_never_lowers_saifi_or_saidi(records, extra):
    before = compute(records, served=SERVED, period_hours=YEAR_HOURS, params=P)
    after = compute(records + extra[:1], served=SERVED, period_hours=YEAR_HOURS, params=P)
    assert after.saifi >= before.saifi
    assert after.saidi >= before.saidi
    assert after.maifi_e >= before.maifi_e
