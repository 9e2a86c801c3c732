"""The calculator's figures, worked out by hand (energy.py states the rule)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.learn.energy import (
    ApplianceUse,
    EstimateError,
    TariffSpec,
    estimate,
    lamp_comparison,
    savings,
)

SINGLE = TariffSpec(kind="single", rates={"all_day": D("6.00")})
TWO = TariffSpec(kind="two_zone", rates={"day": D("6.00"), "night": D("3.00")})
THREE = TariffSpec(
    kind="three_zone", rates={"peak": D("8.00"), "half_peak": D("6.00"), "night": D("3.00")}
)

LAMPS = ApplianceUse(key="lamp-60", power_w=D(60), count=5, hours=D(4), profile="evening")
TV = ApplianceUse(key="tv", power_w=D(100), standby_w=D(1), hours=D(4), profile="evening")
WASHER_AT_NIGHT = ApplianceUse(key="washer", power_w=D(2000), hours=D(1), profile="night")


def zones(result):
    return {z.zone: (z.kwh, z.cost) for z in result.zones}


def test_single_rate_prices_every_kwh_at_one_rate():
    """Lamps: 60 W × 5 × 4 h × 30 days = 36 000 Wh = 36 kWh.
    TV on: 100 W × 4 h × 30 = 12 000 Wh; standby: 1 W × (24 − 4) h × 30 = 600 Wh → 12.6 kWh.
    Total 48.6 kWh × 6.00 = 291.60 RUB.
    """
    result = estimate([LAMPS, TV], SINGLE)
    assert zones(result) == {"all_day": (D("48.60"), D("291.60"))}
    assert result.total_kwh == D("48.60") and result.total_cost == D("291.60")
    assert [(line.key, line.kwh, line.standby_kwh) for line in result.lines] == [
        ("lamp-60", D("36.00"), D("0.00")),
        ("tv", D("12.60"), D("0.60")),
    ]


def test_two_zone_splits_by_profile_and_spreads_standby_over_the_day():
    """Day 7–23 at 6.00, night 23–7 at 3.00.
    Lamps (evening 17–23, all in the day zone): 36 kWh day.
    TV on 12 kWh day; standby 600 Wh spread over 24 h: 16/24 → 400 Wh day, 8/24 → 200 Wh night.
    Washer at night: 2000 W × 1 h × 30 = 60 kWh night.
    Day 36 + 12 + 0.4 = 48.4 kWh × 6 = 290.40; night 0.2 + 60 = 60.2 kWh × 3 = 180.60.
    Total 108.6 kWh, 471.00 RUB.
    """
    result = estimate([LAMPS, TV, WASHER_AT_NIGHT], TWO)
    assert zones(result) == {
        "day": (D("48.40"), D("290.40")),
        "night": (D("60.20"), D("180.60")),
    }
    assert (result.total_kwh, result.total_cost) == (D("108.60"), D("471.00"))


def test_three_zone_splits_the_evening_between_peak_and_half_peak():
    """Peak 7–10 and 17–21 at 8.00; half-peak 10–17 and 21–23 at 6.00; night 23–7 at 3.00.
    Lamps, evening 17–23: hours 17–20 are peak (4 of 6), 21–22 half-peak (2 of 6):
    36 kWh → 24 peak, 12 half-peak.
    Fridge 150 W × 24 h × 30 = 108 kWh over the whole day: peak 7/24 → 31.5,
    half-peak 9/24 → 40.5, night 8/24 → 36.
    Peak 55.5 × 8 = 444.00; half-peak 52.5 × 6 = 315.00; night 36 × 3 = 108.00.
    Total 144 kWh, 867.00 RUB.
    """
    fridge = ApplianceUse(key="fridge", power_w=D(150), hours=D(24), profile="continuous")
    result = estimate([LAMPS, fridge], THREE)
    assert zones(result) == {
        "peak": (D("55.50"), D("444.00")),
        "half_peak": (D("52.50"), D("315.00")),
        "night": (D("36.00"), D("108.00")),
    }
    assert (result.total_kwh, result.total_cost) == (D("144.00"), D("867.00"))


SOCIAL = TariffSpec(
    kind="single",
    rates={"all_day": D("5.00")},
    norm_kwh=D(100),
    above_norm_rates={"all_day": D("7.00")},
)


def test_social_norm_prices_consumption_above_the_norm_at_the_higher_rate():
    """Norm 100 kWh at 5.00, above at 7.00.
    Heater 250 W × 20 h × 30 = 150 kWh: 100 × 5 = 500 plus 50 × 7 = 350 → 850.00 RUB.
    """
    heater = ApplianceUse(key="heater", power_w=D(250), hours=D(20))
    result = estimate([heater], SOCIAL)
    (zone,) = result.zones
    assert (zone.within_norm_kwh, zone.above_norm_kwh) == (D("100.00"), D("50.00"))
    assert result.total_cost == D("850.00")


def test_within_the_social_norm_everything_is_at_the_lower_rate():
    """Heater 250 W × 10 h × 30 = 75 kWh ≤ 100: 75 × 5.00 = 375.00 RUB."""
    heater = ApplianceUse(key="heater", power_w=D(250), hours=D(10))
    result = estimate([heater], SOCIAL)
    assert result.zones[0].above_norm_kwh == D("0.00")
    assert result.total_cost == D("375.00")


def test_social_norm_on_a_zone_tariff_splits_every_zone_in_proportion():
    """Norm 120 kWh; day 6.00 / above 8.40, night 3.00 / above 4.20.
    Lamps 100 W × 5 × 4 h × 30 = 60 kWh (day); washer 2000 W × 1.5 h × 30 = 90 kWh (night).
    Total 150 kWh; within share 120 / 150 = 0.8.
    Day: 48 × 6 + 12 × 8.4 = 288 + 100.8 = 388.80; night: 72 × 3 + 18 × 4.2 = 216 + 75.6 = 291.60.
    Total 680.40 RUB.
    """
    tariff = TariffSpec(
        kind="two_zone",
        rates={"day": D("6.00"), "night": D("3.00")},
        norm_kwh=D(120),
        above_norm_rates={"day": D("8.40"), "night": D("4.20")},
    )
    lamps = ApplianceUse(key="lamp-100", power_w=D(100), count=5, hours=D(4), profile="evening")
    washer = ApplianceUse(key="washer", power_w=D(2000), hours=D("1.5"), profile="night")
    result = estimate([lamps, washer], tariff)
    assert {z.zone: (z.within_norm_kwh, z.above_norm_kwh, z.cost) for z in result.zones} == {
        "day": (D("48.00"), D("12.00"), D("388.80")),
        "night": (D("72.00"), D("18.00"), D("291.60")),
    }
    assert result.total_cost == D("680.40")


def test_led_instead_of_incandescent_saves_the_difference():
    """5 × 60 W × 4 h × 30 = 36 kWh (216.00 RUB at 6.00); LED 8 W: 4.8 kWh (28.80 RUB).
    Saving 31.2 kWh and 187.20 RUB a month.
    """
    led = ApplianceUse(key="led-8", power_w=D(8))
    (saving,) = savings([LAMPS], SINGLE, replacements={"lamp-60": led})
    assert (saving.kind, saving.replacement_key, saving.kwh, saving.cost) == (
        "replace",
        "led-8",
        D("31.20"),
        D("187.20"),
    )


def test_moving_the_washing_to_the_night_saves_on_a_zone_tariff_only():
    """Washer 2000 W × 1 h × 30 = 60 kWh: daytime 60 × 6 = 360.00, night 60 × 3 = 180.00.
    Saving 180.00 RUB and no kWh; on a single-rate tariff nothing to gain.
    """
    washer = ApplianceUse(key="washer", power_w=D(2000), hours=D(1), profile="daytime")
    (saving,) = savings([washer], TWO, replacements={}, movable=["washer"])
    assert (saving.kind, saving.kwh, saving.cost) == ("night", D("0.00"), D("180.00"))
    assert savings([washer], SINGLE, replacements={}, movable=["washer"]) == []


def test_lamp_comparison_per_year():
    """60 W × 3 h × 365 = 65.7 kWh × 6.00 = 394.20; 8 W: 8.76 kWh × 6.00 = 52.56."""
    rows = lamp_comparison(
        [("incandescent", D(60)), ("led", D(8))], hours_a_day=D(3), rate=D("6.00")
    )
    assert [(r.key, r.kwh_year, r.cost_year) for r in rows] == [
        ("incandescent", D("65.70"), D("394.20")),
        ("led", D("8.76"), D("52.56")),
    ]


def test_it_refuses_what_cannot_be_priced():
    with pytest.raises(EstimateError):
        ApplianceUse(key="x", power_w=D(10), hours=D(25))
    with pytest.raises(EstimateError):
        estimate([LAMPS], TariffSpec(kind="two_zone", rates={"day": D(6)}))
    with pytest.raises(EstimateError):
        estimate([LAMPS], TariffSpec(kind="single", rates={"all_day": D(6)}, norm_kwh=D(50)))


uses = st.lists(
    st.builds(
        ApplianceUse,
        key=st.just("a"),
        power_w=st.integers(0, 3000).map(D),
        standby_w=st.integers(0, 20).map(D),
        count=st.integers(0, 10),
        hours=st.integers(0, 24).map(D),
        profile=st.sampled_from(["continuous", "evening", "daytime", "morning_evening", "night"]),
    ),
    max_size=6,
)


@given(uses)
def test_the_kwh_do_not_depend_on_the_tariff(household):
    totals = {estimate(household, t).total_kwh for t in (SINGLE, TWO, THREE)}
    spread = max(totals) - min(totals)
    assert spread <= D("0.02")  # zones are rounded to hundredths each


@given(uses)
def test_zone_costs_add_up_and_night_is_never_dearer(household):
    single, two = estimate(household, SINGLE), estimate(household, TWO)
    assert two.total_cost <= single.total_cost + D("0.01")
    assert two.total_cost == sum(z.cost for z in two.zones)
