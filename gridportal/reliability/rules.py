"""The reliability figures' dated, sourced rules and the `Params` in force on a date.

None is marked verified: /work/shared/reference/regulations.md (§5) marks the IEEE 1366
definitions and the formulas of the Russian methodology as not checked against the text
in force, and the ПП 861 limits as a secondary source. An administrator who checks a
source sets `verified` on its row in admin.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import RuleKey
from .indices import Params

NAMESPACE = "reliability"

IEEE_1366 = (
    "IEEE Std 1366-2012, IEEE Guide for Electric Power Distribution Reliability Indices "
    "(approved 2012-05-14): a momentary interruption lasts 5 minutes or less; major event "
    "days by the 2.5β method over five years of daily SAIDI (UNVERIFIED: the reference "
    "marks the IEEE definitions [U])"
)
MINENERGO_1256 = (
    "Методические указания по расчету уровня надежности и качества поставляемых товаров и "
    "оказываемых услуг, Приказ Минэнерго России от 29.11.2016 № 1256 (ред. № 544 от "
    "21.06.2017): Пsaidi = Σ T_i·N_i / N_т, Пsaifi = Σ N_i / N_т over points of supply "
    "(UNVERIFIED: the minimum duration counted and the exclusions are [U] in the reference; "
    "points of supply are counted as customer accounts)"
)
MINENERGO_399 = (
    "Приказ Минэнерго России от 14.06.2023 № 399 (amending № 1256), applied to tariffs from "
    "01.01.2024: the indicators are calculated per voltage level НН, СН2, СН1, ВН "
    "(UNVERIFIED: [V2] in the reference)"
)
PP_861 = (
    "Постановление Правительства РФ от 27.12.2004 № 861, Правила недискриминационного "
    "доступа к услугам по передаче электрической энергии, п. 31(6): for category III no more "
    "than 24 hours at a time and 72 hours a year (UNVERIFIED: [V2] in the reference)"
)
IEEE_SINCE = dt.date(2012, 5, 14)
M1256_SINCE = dt.date(2016, 11, 29)


def _spec(key: RuleKey, default, unit, source, valid_from, **extra) -> RuleSpec:
    return RuleSpec(
        key=key.value,
        default=default,
        unit=unit,
        label=key.label,
        source=source,
        valid_from=valid_from,
        **extra,
    )


SPECS = [
    _spec(RuleKey.MOMENTARY_MAX_MINUTES, 5, RuleUnit.MINUTES, IEEE_1366, IEEE_SINCE, minimum=0),
    _spec(
        RuleKey.MED_BETA,
        Decimal("2.5"),
        RuleUnit.FACTOR,
        IEEE_1366,
        IEEE_SINCE,
        type=Decimal,
        above=0,
    ),
    _spec(RuleKey.MED_HISTORY_YEARS, 5, RuleUnit.COUNT, IEEE_1366, IEEE_SINCE, minimum=1),
    _spec(RuleKey.P_MIN_MINUTES, 5, RuleUnit.MINUTES, MINENERGO_1256, M1256_SINCE, minimum=0),
    _spec(
        RuleKey.P_COUNT_PLANNED,
        0,
        RuleUnit.COUNT,
        MINENERGO_1256,
        M1256_SINCE,
        minimum=0,
        maximum=1,
    ),
    _spec(
        RuleKey.P_PER_LEVEL,
        1,
        RuleUnit.COUNT,
        MINENERGO_399,
        dt.date(2024, 1, 1),
        minimum=0,
        maximum=1,
    ),
    _spec(RuleKey.LIMIT_SINGLE_HOURS, 24, RuleUnit.HOURS, PP_861, dt.date(2004, 12, 27), minimum=1),
    _spec(RuleKey.LIMIT_YEAR_HOURS, 72, RuleUnit.HOURS, PP_861, dt.date(2004, 12, 27), minimum=1),
]
core_rules.register(NAMESPACE, SPECS)

# (key, value, unit, valid_from, source): the shipped rows, as the data migration froze them.
# Before № 399 the indicators were one figure for all levels: a row of its own, dated.
DEFAULT_RULES: list[tuple[str, str, str, str, str]] = [
    (s.key, s.default_text, s.unit, s.valid_from.isoformat(), s.source) for s in SPECS
] + [(RuleKey.P_PER_LEVEL.value, "0", RuleUnit.COUNT, M1256_SINCE.isoformat(), MINENERGO_1256)]


def params_on(day: dt.date) -> Params:
    """The rules in force on a day (the period's first day), as the indices take them."""
    v = core_rules.rule_values(NAMESPACE, on=day)
    return Params(
        momentary_max_minutes=float(v[RuleKey.MOMENTARY_MAX_MINUTES]),
        med_beta=float(v[RuleKey.MED_BETA]),
        med_history_years=int(v[RuleKey.MED_HISTORY_YEARS]),
        p_min_minutes=float(v[RuleKey.P_MIN_MINUTES]),
        p_count_planned=bool(int(v[RuleKey.P_COUNT_PLANNED])),
        p_per_level=bool(int(v[RuleKey.P_PER_LEVEL])),
    )


def limits_on(day: dt.date) -> tuple[float, float]:
    """(hours at a time, hours a year) permitted for category III on a day."""
    v = core_rules.rule_values(NAMESPACE, on=day)
    return float(v[RuleKey.LIMIT_SINGLE_HOURS]), float(v[RuleKey.LIMIT_YEAR_HOURS])
