"""Regulation as data: the dated, sourced numbers the hotline works by.

They are declared here, once, in the shared registry of `gridportal.core.rules`; the
data migrations ship the defaults as `core.Rule` rows and administrators add newer rows
in Django admin. The value in force on a date is the row with the latest `valid_from`
not after that date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.functional import lazy
from django.utils.translation import gettext

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import RuleKey

NAMESPACE = "outages"

MINENERGO_186 = (
    "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
    "обслуживания сетевыми организациями потребителей услуг сетевых организаций»"
)
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's dispatching service"
SINCE = dt.date(2026, 1, 1)


def _spec(key: RuleKey, default, unit, **extra) -> RuleSpec:
    extra.setdefault("source", GRIDPORTAL_DEFAULT)
    extra.setdefault("valid_from", SINCE)
    return RuleSpec(key=key.value, default=default, unit=unit, label=key.label, **extra)


SPECS = [
    _spec(
        RuleKey.CALLBACK_HOURS,
        4,
        RuleUnit.HOURS,
        minimum=1,
        source=MINENERGO_186,
        valid_from=dt.date(2014, 4, 15),
    ),
    _spec(RuleKey.SUBSTATION_MIN_REPORTS, 2, RuleUnit.COUNT, minimum=1),
    _spec(RuleKey.FEEDER_MIN_SUBSTATIONS, 3, RuleUnit.COUNT, minimum=1),
    _spec(
        RuleKey.FEEDER_SUBSTATION_SHARE,
        Decimal("0.5"),
        RuleUnit.SHARE,
        type=Decimal,
        above=0,
        maximum=1,
    ),
    _spec(RuleKey.CENTRE_MIN_FEEDERS, 3, RuleUnit.COUNT, minimum=1),
    _spec(
        RuleKey.CENTRE_FEEDER_SHARE,
        Decimal("0.5"),
        RuleUnit.SHARE,
        type=Decimal,
        above=0,
        maximum=1,
    ),
    _spec(RuleKey.ROLLUP_WINDOW_MINUTES, 180, RuleUnit.MINUTES, minimum=1),
    _spec(RuleKey.DUPLICATE_WINDOW_MINUTES, 60, RuleUnit.MINUTES, minimum=0),
    _spec(RuleKey.LIMIT_PER_IP_HOUR, 200, RuleUnit.PER_HOUR, minimum=1),
    _spec(RuleKey.LIMIT_PER_PHONE_HOUR, 5, RuleUnit.PER_HOUR, minimum=1),
    _spec(RuleKey.LIMIT_PER_ADDRESS_HOUR, 60, RuleUnit.PER_HOUR, minimum=1),
    _spec(RuleKey.ETR_TOLERANCE_MINUTES, 30, RuleUnit.MINUTES, minimum=0),
    _spec(RuleKey.PLANNED_NOTICE_DAYS, 3, RuleUnit.DAYS, minimum=1),
    _spec(RuleKey.ETR_HORIZON_SHORT_MINUTES, 60, RuleUnit.MINUTES, minimum=1),
    _spec(RuleKey.ETR_HORIZON_LONG_MINUTES, 180, RuleUnit.MINUTES, minimum=1),
    _spec(RuleKey.UNDO_MINUTES, 5, RuleUnit.MINUTES, minimum=0, maximum=60),
]
core_rules.register(NAMESPACE, SPECS)

# (key, value, valid_from, source): the shipped defaults, as the data migrations froze them.
DEFAULT_RULES: list[tuple[str, str, str, str]] = [
    (s.key, s.default_text, s.valid_from.isoformat(), s.source) for s in SPECS
]
FALLBACK = {s.key: Decimal(s.default_text) for s in SPECS}


def rule_values(on: dt.date | None = None) -> dict[str, Decimal]:
    """The hotline's rules in force today (or on a date), keyed by `RuleKey`, as Decimals."""
    values = core_rules.rule_values(NAMESPACE, on=on)
    return {key: Decimal(core_rules.format_value(value)) for key, value in values.items()}


def rule(key: str, on: dt.date | None = None) -> Decimal:
    return rule_values(on)[key]


def callback_hours(on: dt.date | None = None) -> int:
    """Hours within which a call not answered at once must be answered (for pages and forms)."""
    return core_rules.rule_value(NAMESPACE, RuleKey.CALLBACK_HOURS.value, on=on)


def _callback_requested_label() -> str:
    return gettext("Could not answer at once: call back within {deadline}").format(
        deadline=core_rules.rule_display(NAMESPACE, RuleKey.CALLBACK_HOURS.value)
    )


# Read when the form is drawn, so that a new rule shows without a restart.
callback_requested_label = lazy(_callback_requested_label, str)()
