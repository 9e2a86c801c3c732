"""The calculator over the catalogue and the tariff tables: the one path the page and the API use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from . import energy
from .choices import ApplianceCategory, UseProfile
from .models import Appliance, Tariff

LAMP_HOURS_A_DAY = Decimal(3)


@dataclass(frozen=True)
class Line:
    """A household line as a person entered it."""

    appliance: Appliance
    count: int
    hours: Decimal
    night: bool = False


@dataclass(frozen=True)
class Result:
    tariff: Tariff
    lines: list[tuple[Line, energy.LineEnergy]]
    estimate: energy.Estimate
    savings: list[tuple[energy.Saving, Appliance, Appliance]]
    lamps: list[tuple[energy.LampRow, Appliance]]
    lamp_rate: Decimal


def tariff_spec(tariff: Tariff) -> energy.TariffSpec:
    return energy.TariffSpec(
        kind=tariff.kind,
        rates={zone: Decimal(str(rate)) for zone, rate in tariff.rates.items()},
        zone_hours={
            zone: tuple(tuple(r) for r in ranges) for zone, ranges in tariff.zone_hours.items()
        },
        norm_kwh=tariff.norm_kwh,
        above_norm_rates={z: Decimal(str(r)) for z, r in (tariff.above_norm_rates or {}).items()},
    )


def _use(line: Line) -> energy.ApplianceUse:
    appliance = line.appliance
    return energy.ApplianceUse(
        key=appliance.slug,
        power_w=appliance.power_w,
        standby_w=appliance.standby_w,
        count=line.count,
        hours=line.hours,
        profile=UseProfile.NIGHT if line.night else appliance.profile,
    )


def lamp_rate(tariff: Tariff) -> Decimal:
    """The rate an evening lamp is mostly priced at: all-day, day, or peak."""
    for zone in ("all_day", "day", "peak"):
        if zone in tariff.rates:
            return Decimal(str(tariff.rates[zone]))
    return Decimal(str(next(iter(tariff.rates.values()))))


def household_estimate(
    *, tariff: Tariff, lines: Iterable[Line], catalogue: Iterable[Appliance]
) -> Result:
    """Monthly kWh and cost per zone, the saving of each change and the lamp comparison."""
    lines = [line for line in lines if line.count > 0]
    spec = tariff_spec(tariff)
    uses = [_use(line) for line in lines]
    result = energy.estimate(uses, spec)
    by_slug = {a.slug: a for a in catalogue}
    replacements = {
        line.appliance.slug: energy.ApplianceUse(
            key=line.appliance.better.slug,
            power_w=line.appliance.better.power_w,
            standby_w=line.appliance.better.standby_w,
        )
        for line in lines
        if line.appliance.better is not None
    }
    movable = [line.appliance.slug for line in lines if line.appliance.movable]
    found = energy.savings(uses, spec, replacements=replacements, movable=movable)
    lamps = sorted(
        (a for a in by_slug.values() if a.category == ApplianceCategory.LIGHTING and a.lamp_lumens),
        key=lambda a: -a.power_w,
    )
    rate = lamp_rate(tariff)
    rows = energy.lamp_comparison(
        [(a.slug, a.power_w) for a in lamps], hours_a_day=LAMP_HOURS_A_DAY, rate=rate
    )
    return Result(
        tariff=tariff,
        lines=list(zip(lines, result.lines, strict=True)),
        estimate=result,
        savings=[(s, by_slug[s.key], by_slug[s.replacement_key]) for s in found],
        lamps=list(zip(rows, lamps, strict=True)),
        lamp_rate=rate,
    )
