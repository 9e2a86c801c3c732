"""The household energy calculator: pure arithmetic over plain values.

The rule, stated once (the page and the API say the same):

- An appliance uses `power_w × count × hours` watt-hours a day while on, and
  `standby_w × count × (24 − hours)` while plugged in and off.
- A month is `DAYS_PER_MONTH` (30) days.
- Its on-hours are spread evenly over the hours of its **use profile** (the lighting's
  evening, the fridge's whole day; a movable load the person says runs «at night» uses
  the night profile), so the share of the on-energy in a tariff zone is the share of the
  profile's hours that fall in that zone. Standby is spread evenly over the whole day.
- A single-rate tariff has one zone, `all_day`. Zone hours and rates are data (a `TariffSpec`
  per region, year and half-year).
- A social norm (социальная норма), where a region has one, prices the first `norm_kwh`
  a month at the zone rates and the rest at the above-norm rates; on a zone tariff every
  zone is split in the same proportion (norm / total).
- Costs are rounded to kopecks per zone (half up); the total is the sum of the zone costs,
  so the figures on the page add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

DAYS_PER_MONTH = 30
HOURS = 24
KOPECK = Decimal("0.01")

# Hour ranges [start, end) of each use profile; a range may wrap past midnight (23, 7).
PROFILE_HOURS: dict[str, tuple[tuple[int, int], ...]] = {
    "continuous": ((0, 24),),
    "evening": ((17, 23),),
    "daytime": ((10, 17),),
    "morning_evening": ((7, 9), (18, 22)),
    "night": ((23, 7),),
}

# The zone hours most Russian regions use (ФАС России, приказ от 27.12.2022 № 1033/22 and
# its predecessors); a tariff may carry its own.
STANDARD_ZONE_HOURS: dict[str, dict[str, tuple[tuple[int, int], ...]]] = {
    "single": {"all_day": ((0, 24),)},
    "two_zone": {"day": ((7, 23),), "night": ((23, 7),)},
    "three_zone": {
        "peak": ((7, 10), (17, 21)),
        "half_peak": ((10, 17), (21, 23)),
        "night": ((23, 7),),
    },
}


class EstimateError(ValueError):
    """Input the calculator cannot price (hours outside a day, no rate for a zone)."""


def hour_set(ranges: Iterable[Sequence[int]]) -> frozenset[int]:
    """The hours 0–23 covered by [start, end) ranges; (23, 7) wraps past midnight."""
    hours = set()
    for start, end in ranges:
        if not (0 <= start <= 24 and 0 <= end <= 24):
            raise EstimateError(f"hour range {start}–{end} is outside a day")
        if start < end:
            hours.update(range(start, end))
        elif start > end:
            hours.update(range(start, 24))
            hours.update(range(0, end))
    return frozenset(hours)


@dataclass(frozen=True)
class TariffSpec:
    """A tariff as data: its zones' hours, rates (RUB/kWh) and the social norm if any."""

    kind: str
    rates: Mapping[str, Decimal]
    zone_hours: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    norm_kwh: Decimal | None = None
    above_norm_rates: Mapping[str, Decimal] = field(default_factory=dict)

    def hours_by_zone(self) -> dict[str, frozenset[int]]:
        ranges = self.zone_hours or STANDARD_ZONE_HOURS[self.kind]
        zones = {zone: hour_set(r) for zone, r in ranges.items()}
        covered = [h for hours in zones.values() for h in hours]
        if sorted(covered) != list(range(HOURS)):
            raise EstimateError("the zones must cover every hour of the day exactly once")
        missing = set(zones) - set(self.rates)
        if missing:
            raise EstimateError(f"no rate for zone {sorted(missing)}")
        if self.norm_kwh is not None and set(zones) - set(self.above_norm_rates):
            raise EstimateError("a social norm needs an above-norm rate for every zone")
        return zones


@dataclass(frozen=True)
class ApplianceUse:
    """One line of the household: an appliance, how many, hours a day and when."""

    key: str
    power_w: Decimal
    standby_w: Decimal = Decimal(0)
    count: int = 1
    hours: Decimal = Decimal(0)
    profile: str = "continuous"

    def __post_init__(self):
        if not 0 <= Decimal(self.hours) <= HOURS:
            raise EstimateError("hours a day must be between 0 and 24")
        if self.count < 0 or self.power_w < 0 or self.standby_w < 0:
            raise EstimateError("counts and powers cannot be negative")
        if self.profile not in PROFILE_HOURS:
            raise EstimateError(f"unknown use profile {self.profile!r}")


@dataclass(frozen=True)
class ZoneCost:
    zone: str
    kwh: Decimal
    within_norm_kwh: Decimal
    above_norm_kwh: Decimal
    rate: Decimal
    above_norm_rate: Decimal | None
    cost: Decimal


@dataclass(frozen=True)
class LineEnergy:
    key: str
    kwh: Decimal  # a month, on and standby together
    standby_kwh: Decimal


@dataclass(frozen=True)
class Estimate:
    zones: tuple[ZoneCost, ...]
    lines: tuple[LineEnergy, ...]
    total_kwh: Decimal
    total_cost: Decimal
    norm_kwh: Decimal | None


def _dec(value: Fraction, places: Decimal = KOPECK) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        places, rounding=ROUND_HALF_UP
    )


def _frac(value) -> Fraction:
    return Fraction(str(value)) if isinstance(value, Decimal | float) else Fraction(value)


def _monthly_wh_by_zone(
    use: ApplianceUse, zones: Mapping[str, frozenset[int]]
) -> tuple[dict[str, Fraction], Fraction]:
    """Watt-hours a month per zone for one line, and how much of it is standby."""
    hours = _frac(use.hours)
    on_wh = _frac(use.power_w) * use.count * hours * DAYS_PER_MONTH
    standby_wh = _frac(use.standby_w) * use.count * (HOURS - hours) * DAYS_PER_MONTH
    window = hour_set(PROFILE_HOURS[use.profile])
    result = {}
    for zone, zone_hours in zones.items():
        on_share = Fraction(len(window & zone_hours), len(window))
        standby_share = Fraction(len(zone_hours), HOURS)
        result[zone] = on_wh * on_share + standby_wh * standby_share
    return result, standby_wh


def estimate(uses: Iterable[ApplianceUse], tariff: TariffSpec) -> Estimate:
    """Monthly kWh and cost per zone of a household at a tariff."""
    zones = tariff.hours_by_zone()
    wh = {zone: Fraction(0) for zone in zones}
    lines = []
    for use in uses:
        per_zone, standby_wh = _monthly_wh_by_zone(use, zones)
        for zone, value in per_zone.items():
            wh[zone] += value
        lines.append(
            LineEnergy(
                key=use.key,
                kwh=_dec(sum(per_zone.values(), Fraction(0)) / 1000),
                standby_kwh=_dec(standby_wh / 1000),
            )
        )
    total = sum(wh.values(), Fraction(0)) / 1000
    norm = _frac(tariff.norm_kwh) if tariff.norm_kwh is not None else None
    within_share = Fraction(1) if norm is None or total <= norm else norm / total
    costs = []
    for zone in zones:
        kwh = wh[zone] / 1000
        within, above = kwh * within_share, kwh * (1 - within_share)
        rate = _frac(tariff.rates[zone])
        above_rate = _frac(tariff.above_norm_rates[zone]) if norm is not None else None
        cost = within * rate + (above * above_rate if above_rate is not None else 0)
        costs.append(
            ZoneCost(
                zone=zone,
                kwh=_dec(kwh),
                within_norm_kwh=_dec(within),
                above_norm_kwh=_dec(above),
                rate=Decimal(tariff.rates[zone]),
                above_norm_rate=Decimal(tariff.above_norm_rates[zone])
                if norm is not None
                else None,
                cost=_dec(cost),
            )
        )
    return Estimate(
        zones=tuple(costs),
        lines=tuple(lines),
        total_kwh=_dec(total),
        total_cost=sum((c.cost for c in costs), Decimal("0.00")),
        norm_kwh=tariff.norm_kwh,
    )


# --- advice -------------------------------------------------------------------


@dataclass(frozen=True)
class Saving:
    """What one change saves a month: `kind` is «replace» or «night»."""

    kind: str
    key: str
    replacement_key: str
    kwh: Decimal
    cost: Decimal


def savings(
    uses: Sequence[ApplianceUse],
    tariff: TariffSpec,
    *,
    replacements: Mapping[str, ApplianceUse],
    movable: Iterable[str] = (),
) -> list[Saving]:
    """The saving of each change on its own, against the household as it is.

    `replacements` maps an appliance key to the better appliance (its power and standby;
    count, hours and profile are kept): LED instead of incandescent, an A+++ fridge
    instead of an old one. `movable` keys can run at night: worth it on a zone tariff.
    """
    base = estimate(uses, tariff)
    movable = set(movable)
    found = []
    for index, use in enumerate(uses):
        if use.count == 0 or (use.hours == 0 and use.standby_w == 0):
            continue
        changes = []
        better = replacements.get(use.key)
        if better is not None:
            changes.append(
                (
                    "replace",
                    better.key,
                    replace(
                        use, key=better.key, power_w=better.power_w, standby_w=better.standby_w
                    ),
                )
            )
        if use.key in movable and use.profile != "night" and tariff.kind != "single":
            changes.append(("night", use.key, replace(use, profile="night")))
        for kind, new_key, changed in changes:
            after = estimate([*uses[:index], changed, *uses[index + 1 :]], tariff)
            saved_cost = base.total_cost - after.total_cost
            if saved_cost > 0:
                found.append(
                    Saving(
                        kind=kind,
                        key=use.key,
                        replacement_key=new_key,
                        kwh=base.total_kwh - after.total_kwh,
                        cost=saved_cost,
                    )
                )
    return sorted(found, key=lambda s: -s.cost)


@dataclass(frozen=True)
class LampRow:
    key: str
    power_w: Decimal
    kwh_year: Decimal
    cost_year: Decimal


def lamp_comparison(
    lamps: Iterable[tuple[str, Decimal]], *, hours_a_day: Decimal, rate: Decimal
) -> list[LampRow]:
    """Lamps of the same light side by side: energy and money a year (365 days)."""
    rows = []
    for key, power in lamps:
        kwh = _frac(power) * _frac(hours_a_day) * 365 / 1000
        rows.append(
            LampRow(key=key, power_w=power, kwh_year=_dec(kwh), cost_year=_dec(kwh * _frac(rate)))
        )
    return rows
