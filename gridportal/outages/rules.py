"""Regulation as data: the dated, sourced numbers the hotline works by.

`DEFAULT_RULES` is what the data migration ships; administrators add newer rows in
Django admin. The value in force on a date is the row with the latest `valid_from`
not after that date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone

from .choices import RuleKey

MINENERGO_186 = (
    "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
    "обслуживания сетевыми организациями потребителей услуг сетевых организаций»"
)
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's dispatching service"

DEFAULT_RULES: list[tuple[str, str, str, str]] = [
    (RuleKey.CALLBACK_HOURS, "4", "2014-04-15", MINENERGO_186),
    (RuleKey.SUBSTATION_MIN_REPORTS, "2", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.FEEDER_MIN_SUBSTATIONS, "3", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.FEEDER_SUBSTATION_SHARE, "0.5", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.CENTRE_MIN_FEEDERS, "3", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.CENTRE_FEEDER_SHARE, "0.5", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.ROLLUP_WINDOW_MINUTES, "180", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.DUPLICATE_WINDOW_MINUTES, "60", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.LIMIT_PER_IP_HOUR, "200", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.LIMIT_PER_PHONE_HOUR, "5", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.LIMIT_PER_ADDRESS_HOUR, "60", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.ETR_TOLERANCE_MINUTES, "30", "2026-01-01", GRIDPORTAL_DEFAULT),
    (RuleKey.PLANNED_NOTICE_DAYS, "3", "2026-01-01", GRIDPORTAL_DEFAULT),
]

FALLBACK = {key: Decimal(value) for key, value, _date, _source in DEFAULT_RULES}
CACHE_KEY = "outages:rules:v1"


def rules_in_force(rows, on: dt.date) -> dict[str, Decimal]:
    """Pure: the value of every rule on a date from (key, value, valid_from) rows."""
    chosen: dict[str, tuple[dt.date, Decimal]] = {}
    for key, value, valid_from in rows:
        if valid_from > on:
            continue
        if key not in chosen or valid_from > chosen[key][0]:
            chosen[key] = (valid_from, Decimal(value))
    values = dict(FALLBACK)
    values.update({key: value for key, (_d, value) in chosen.items()})
    return values


def rule_values(on: dt.date | None = None) -> dict[str, Decimal]:
    """The rules in force today (or on a date), cached briefly: the table is tiny, reads are hot."""
    from .models import OutageRule

    on = on or timezone.localdate()
    rows = cache.get(CACHE_KEY)
    if rows is None:
        rows = list(OutageRule.objects.values_list("key", "value", "valid_from"))
        cache.set(CACHE_KEY, rows, 60)
    return rules_in_force(rows, on)


def rule(key: str, on: dt.date | None = None) -> Decimal:
    return rule_values(on)[key]


def rules_cache_clear(**kwargs) -> None:
    cache.delete(CACHE_KEY)
