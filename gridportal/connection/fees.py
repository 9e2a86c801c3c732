"""The indicative connection fee, with every step of the calculation. Pure: no database.

Up to 15 kW (an individual's domestic object, III category, one source, 0.4 kV, within
the town / rural distance — ПП № 1178 of 30.06.2022 amending п. 17 of the Правила ТП)
the fee is the LOWER of
  (1) the standardized tariff rates (C1 per application, C8 metering, construction per kW);
  (2) the regional preferential rate per kW × the requested kW
      (the lower social rate for the listed categories: low-income families, veterans,
      disabled persons, large families …).
Others pay by the standardized rates; construction is fixed by the technical conditions,
so the figure is indicative. Rates are data per region and year (`ConnectionRate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .choices import Category

KOPECK = Decimal("0.01")


@dataclass(frozen=True)
class Rates:
    """A region's rates for a year (RUB, VAT included)."""

    year: int
    preferential_per_kw: Decimal
    social_per_kw: Decimal
    c1_per_application: Decimal
    c8_per_point: Decimal
    construction_per_kw: Decimal
    verified: bool = False
    source: str = ""


@dataclass(frozen=True)
class FeeStep:
    label: str
    formula: str
    amount: Decimal


@dataclass(frozen=True)
class Fee:
    total: Decimal
    basis: str  # "preferential", "social", "standardized"
    steps: list[FeeStep] = field(default_factory=list)
    indicative: bool = True


def rub(value: Decimal) -> Decimal:
    return Decimal(value).quantize(KOPECK, rounding=ROUND_HALF_UP)


def _n(value) -> str:
    return number_format(value, use_l10n=True, force_grouping=True)


def standardized(*, power_kw: Decimal, rates: Rates) -> list[FeeStep]:
    construction = rub(rates.construction_per_kw * power_kw)
    total = rub(rates.c1_per_application + rates.c8_per_point + construction)
    return [
        FeeStep(
            _("Organisational measures (rate C1)"),
            _n(rates.c1_per_application),
            rub(rates.c1_per_application),
        ),
        FeeStep(_("Metering (rate C8)"), _n(rates.c8_per_point), rub(rates.c8_per_point)),
        FeeStep(
            _("Construction per kW"),
            _("{rate} ₽/kW × {kw} kW").format(rate=_n(rates.construction_per_kw), kw=_n(power_kw)),
            construction,
        ),
        FeeStep(
            _("By the standardized rates"),
            f"{_n(rub(rates.c1_per_application))} + {_n(rub(rates.c8_per_point))} + {_n(construction)}",
            total,
        ),
    ]


def fee_for(
    *,
    category: str,
    power_kw: Decimal,
    rates: Rates,
    social: bool = False,
    preferential_eligible: bool = True,
) -> Fee:
    """The indicative fee for `power_kw` of new power, with its steps."""
    power_kw = Decimal(power_kw)
    steps = standardized(power_kw=power_kw, rates=rates)
    by_rates = steps[-1].amount
    if category != Category.INDIVIDUAL_15 or not preferential_eligible:
        return Fee(total=by_rates, basis="standardized", steps=steps)
    per_kw = rates.social_per_kw if social else rates.preferential_per_kw
    label = (
        _("By the regional social rate per kW")
        if social
        else _("By the regional preferential rate per kW")
    )
    by_kw = rub(per_kw * power_kw)
    steps.append(
        FeeStep(label, _("{rate} ₽/kW × {kw} kW").format(rate=_n(per_kw), kw=_n(power_kw)), by_kw)
    )
    total = min(by_rates, by_kw)
    steps.append(
        FeeStep(
            _("The fee is the lower of the two"),
            f"min({_n(by_rates)}; {_n(by_kw)})",
            total,
        )
    )
    basis = "standardized" if by_rates <= by_kw else ("social" if social else "preferential")
    return Fee(total=total, basis=basis, steps=steps)
