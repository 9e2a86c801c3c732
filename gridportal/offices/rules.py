"""The offices' dated rules: waiting-time standard, booking limits and horizon."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import RuleKey

NAMESPACE = "offices"

MINENERGO_186 = (
    "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
    "обслуживания сетевыми организациями потребителей услуг сетевых организаций»"
)
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's customer service"
SINCE = dt.date(2026, 1, 1)


def _spec(key: RuleKey, default, unit, **extra) -> RuleSpec:
    extra.setdefault("source", GRIDPORTAL_DEFAULT)
    extra.setdefault("valid_from", SINCE)
    return RuleSpec(key=key.value, default=default, unit=unit, label=key.label, **extra)


SPECS = [
    _spec(
        RuleKey.WAIT_MINUTES,
        30,
        RuleUnit.MINUTES,
        minimum=1,
        source=MINENERGO_186,
        valid_from=dt.date(2014, 4, 15),
    ),
    _spec(RuleKey.BOOKINGS_PER_DAY, 2, RuleUnit.COUNT, minimum=1),
    _spec(RuleKey.BOOKING_HORIZON_DAYS, 14, RuleUnit.DAYS, minimum=1),
    _spec(RuleKey.SUBMITS_PER_HOUR, 10, RuleUnit.COUNT, minimum=1),
]

core_rules.register(NAMESPACE, SPECS)


def rule(key: RuleKey, on: dt.date | None = None) -> Decimal:
    return core_rules.rule_value(NAMESPACE, key.value, on=on)
