"""Regulation as data: the dated, sourced numbers the appeals desk works by.

Declared once in the shared registry of `gridportal.core.rules`; migration 0002 ships
the defaults as `core.Rule` rows; administrators add newer dated rows in Django admin.

Counting the answer deadline (decision of 2026-11-30, see `deadlines.py`): **calendar
days** from registration (59-ФЗ art. 12 p. 1 counts «в течение 30 дней со дня
регистрации» without «рабочих»), and a due day that falls on a day off moves to the
next working day (the general rule of ГК РФ art. 193 for deadlines).
"""

from __future__ import annotations

import datetime as dt

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import RuleKey

NAMESPACE = "appeals"

LAW_59 = (
    "Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан "
    "Российской Федерации»"
)
ANSWER_SOURCE = LAW_59 + ", ст. 12 ч. 1 (30 дней со дня регистрации)"
EXTENSION_SOURCE = LAW_59 + ", ст. 12 ч. 2 (продление не более чем на 30 дней)"
REDIRECT_SOURCE = LAW_59 + ", ст. 8 ч. 3 (переадресация в течение 7 дней)"
MINENERGO_186 = (
    "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
    "обслуживания сетевыми организациями потребителей услуг сетевых организаций»"
)
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's customer service"
LAW_DATE = dt.date(2006, 5, 2)
SINCE = dt.date(2026, 1, 1)


def _spec(key: RuleKey, default, unit, **extra) -> RuleSpec:
    extra.setdefault("source", GRIDPORTAL_DEFAULT)
    extra.setdefault("valid_from", SINCE)
    return RuleSpec(key=key.value, default=default, unit=unit, label=key.label, **extra)


SPECS = [
    _spec(
        RuleKey.ANSWER_DAYS,
        30,
        RuleUnit.DAYS,
        minimum=1,
        source=ANSWER_SOURCE,
        valid_from=LAW_DATE,
    ),
    _spec(
        RuleKey.EXTENSION_MAX_DAYS,
        30,
        RuleUnit.DAYS,
        minimum=1,
        source=EXTENSION_SOURCE,
        valid_from=LAW_DATE,
    ),
    _spec(
        RuleKey.CALLBACK_HOURS,
        4,
        RuleUnit.HOURS,
        minimum=1,
        source=MINENERGO_186,
        valid_from=dt.date(2014, 4, 15),
    ),
    _spec(
        RuleKey.REDIRECT_DAYS,
        7,
        RuleUnit.DAYS,
        minimum=1,
        source=REDIRECT_SOURCE,
        valid_from=LAW_DATE,
    ),
    _spec(RuleKey.DUE_SOON_DAYS, 5, RuleUnit.DAYS, minimum=0),
    _spec(RuleKey.REOPEN_DAYS, 30, RuleUnit.DAYS, minimum=0),
    _spec(RuleKey.LIMIT_PER_IP_HOUR, 30, RuleUnit.PER_HOUR, minimum=0),
    _spec(RuleKey.LIMIT_PER_CONTACT_DAY, 10, RuleUnit.COUNT, minimum=0),
    _spec(RuleKey.TRACK_PER_IP_HOUR, 30, RuleUnit.PER_HOUR, minimum=0),
    _spec(RuleKey.MAX_ATTACHMENTS, 5, RuleUnit.COUNT, minimum=0, maximum=20),
]
core_rules.register(NAMESPACE, SPECS)

DEFAULT_RULES: list[tuple[str, str, str, str, str]] = [
    (s.key, s.default_text, str(s.unit), s.valid_from.isoformat(), s.source) for s in SPECS
]


def rule_values(on: dt.date | None = None) -> dict:
    """The appeals rules in force today (or on a date), keyed by `RuleKey` value."""
    return core_rules.rule_values(NAMESPACE, on=on)


def rule(key: RuleKey, on: dt.date | None = None):
    return core_rules.rule_value(NAMESPACE, key.value, on=on)
