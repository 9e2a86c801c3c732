"""The connection rules (Правила технологического присоединения, ПП РФ № 861) as dated rules,
and the pure choice of the applicant category.

Every threshold and term is a `core.Rule` of namespace "connection": an administrator
changes it with a new dated row when the Правила are amended (they have been, dozens of
times). None is marked verified: they come from secondary copies of the text
(docs/shared regulations notes) and must be checked against the consolidated text.
Fees are in `fees.py`, deadlines in `deadlines.py`; both take these values as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import DOMESTIC_OBJECTS, ApplicantKind, Category, ObjectKind, Reliability

NAMESPACE = "connection"
POINT_SOURCE = (
    "Правило портала: заявка-намерение по точке на карте принимается, только если рядом есть "
    "ТП компании (иначе точка вне территории обслуживания)."
)
SINCE = date(2022, 7, 1)  # ПП РФ от 30.06.2022 № 1178 (the 2022 reform of the Правила ТП)
PP861 = (
    "Постановление Правительства РФ от 27.12.2004 № 861 (Правила технологического присоединения)"
)

SPECS = [
    RuleSpec(
        key="individual_max_kw",
        default=15,
        unit=RuleUnit.KW,
        label=_("individuals for domestic needs: up to, kW (III category, one source)"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 14.",
    ),
    RuleSpec(
        key="small_max_kw",
        default=150,
        unit=RuleUnit.KW,
        label=_("small applicants: up to, kW (personal-account contract)"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 12(1).",
    ),
    RuleSpec(
        key="large_from_kw",
        default=670,
        unit=RuleUnit.KW,
        label=_("large applicants: from, kW"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", типовые ТУ «свыше 150 кВт и менее 670 кВт».",
    ),
    RuleSpec(
        key="temporary_max_kw",
        default=150,
        unit=RuleUnit.KW,
        label=_("temporary connection of mobile objects: up to, kW"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", пп. 12, 16.",
    ),
    RuleSpec(
        key="max_request_kw",
        default=200000,
        unit=RuleUnit.KW,
        label=_(
            "largest power a request may name, kW (beyond it the request is refused as a typo)"
        ),
        minimum=1,
        valid_from=SINCE,
        source="Правило портала: заявки свыше 200 МВт подаются через персонального менеджера.",
    ),
    RuleSpec(
        key="offer_wd_personal",
        default=10,
        unit=RuleUnit.DAYS,
        label=_("working days to post the contract and TU in the personal account"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 15 (по вторичным источникам; сверить с действующей редакцией).",
    ),
    RuleSpec(
        key="offer_wd_other",
        default=20,
        unit=RuleUnit.DAYS,
        label=_("working days to send the contract and TU to other applicants"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 15 (по вторичным источникам; сверить с действующей редакцией).",
    ),
    RuleSpec(
        key="incomplete_notice_wd",
        default=3,
        unit=RuleUnit.DAYS,
        label=_("working days to tell the applicant the application is incomplete"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 15 (прежняя редакция — 6 рабочих дней; сверить).",
    ),
    RuleSpec(
        key="applicant_completes_wd",
        default=20,
        unit=RuleUnit.DAYS,
        label=_("working days the applicant has to complete the application"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 15 (сверить с действующей редакцией).",
    ),
    RuleSpec(
        key="payment_wd",
        default=5,
        unit=RuleUnit.DAYS,
        label=_("working days to pay the invoice, else the application is annulled"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", раздел X: оплата счёта — акцепт оферты.",
    ),
    RuleSpec(
        key="payment_wd_procurement",
        default=15,
        unit=RuleUnit.DAYS,
        label=_("working days to pay for buyers under 44-ФЗ or 275-ФЗ"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", раздел X: заявители, закупающие по 44-ФЗ или 275-ФЗ.",
    ),
    RuleSpec(
        key="completion_lv_wd",
        default=30,
        unit=RuleUnit.DAYS,
        label=_("working days to connect at 0.4 kV within the short distance"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="lv_distance_m",
        default=15,
        unit=RuleUnit.COUNT,
        label=_("short distance to the grid for the 30-working-day term, m"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="completion_temporary_wd",
        default=15,
        unit=RuleUnit.DAYS,
        label=_("working days for a temporary connection of a mobile object"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="completion_mv_months",
        default=6,
        unit=RuleUnit.COUNT,
        label=_("months to connect up to 20 kV within the town / rural distance"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="town_distance_m",
        default=300,
        unit=RuleUnit.COUNT,
        label=_("distance to the grid in towns for the 6-month term, m"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="rural_distance_m",
        default=500,
        unit=RuleUnit.COUNT,
        label=_("distance to the grid in rural areas for the 6-month term, m"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="mv_max_kv",
        default=20,
        unit=RuleUnit.COUNT,
        label=_("highest voltage for the 6-month term, kV"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
    RuleSpec(
        key="completion_long_months",
        default=12,
        unit=RuleUnit.COUNT,
        label=_("months to connect over 670 kW or beyond the distances"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 16 «б».",
    ),
]
# The company's steps after the applicant's readiness notice (ПП 861 раздел IX, пп. 82–90, and
# раздел X for personal-account applicants). Not found in the reference notes
# (shared/reference/regulations.md): portal defaults, unverified, to be checked against the
# consolidated text. Each due date is also capped by the contract's completion deadline.
UNSOURCED = (
    " Не найдено в справочнике портала (regulations.md): значение по умолчанию, НЕ ПРОВЕРЕНО — "
    "сверить с действующей редакцией."
)
SPECS += [
    RuleSpec(
        key="inspection_wd",
        default=10,
        unit=RuleUnit.DAYS,
        label=_("working days to inspect after the applicant's readiness notice (up to 150 kW)"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", раздел IX (пп. 82–90), раздел X." + UNSOURCED,
    ),
    RuleSpec(
        key="act_wd",
        default=5,
        unit=RuleUnit.DAYS,
        label=_("working days to issue the connection act after the inspection"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", пп. 88–90, раздел X." + UNSOURCED,
    ),
    RuleSpec(
        key="energize_wd",
        default=5,
        unit=RuleUnit.DAYS,
        label=_("working days to energize the object after the connection act"),
        minimum=1,
        valid_from=SINCE,
        source=PP861 + ", п. 7 «г»–«е», раздел X." + UNSOURCED,
    ),
]
SPECS += [
    RuleSpec(
        key="limit_per_ip_hour",
        default=20,
        unit=RuleUnit.PER_HOUR,
        label=_("request-intentions from one address per hour (0: no limit)"),
        minimum=0,
        valid_from=SINCE,
        source="Правило портала: защита от автоматических отправок.",
    ),
    RuleSpec(
        key="repeat_window_minutes",
        default=30,
        unit=RuleUnit.MINUTES,
        label=_("the same request again within this time is counted once"),
        minimum=0,
        valid_from=SINCE,
        source="Правило портала.",
    ),
    RuleSpec(
        key="point_max_distance_m",
        default=5000,
        unit=RuleUnit.COUNT,
        label=_(
            "a point on the map farther than this from every transformer substation, m, "
            "is outside the territory served"
        ),
        minimum=1,
        valid_from=SINCE,
        source=POINT_SOURCE,
    ),
]
core_rules.register(NAMESPACE, SPECS)


def rule_values(on: date | None = None) -> dict:
    return core_rules.rule_values(NAMESPACE, on=on)


@dataclass(frozen=True)
class CategoryChoice:
    category: str
    total_kw: Decimal
    why: str


def category_for(
    *,
    applicant: str,
    object_kind: str,
    power_new_kw: Decimal,
    power_existing_kw: Decimal,
    reliability: str,
    values: dict,
) -> CategoryChoice:
    """The applicant category of the Правила ТП, with the reason in words.

    The thresholds count the power already connected at the point (ПП 861: «с учётом ранее
    присоединённой»).
    """
    total = Decimal(power_new_kw) + Decimal(power_existing_kw)
    individual_max = values["individual_max_kw"]
    small_max = values["small_max_kw"]
    large_from = values["large_from_kw"]
    if object_kind == ObjectKind.TEMPORARY and total <= values["temporary_max_kw"]:
        why = _("A temporary connection of a mobile object of up to {limit} kW.").format(
            limit=values["temporary_max_kw"]
        )
        return CategoryChoice(Category.TEMPORARY, total, str(why))
    if object_kind == ObjectKind.MICROGENERATION and total <= small_max:
        why = _("Microgeneration at up to 1 kV, with load of up to {limit} kW.").format(
            limit=small_max
        )
        return CategoryChoice(Category.MICROGENERATION, total, str(why))
    if (
        applicant == ApplicantKind.INDIVIDUAL
        and object_kind in DOMESTIC_OBJECTS
        and total <= individual_max
        and reliability == Reliability.III
    ):
        why = _(
            "An individual's domestic object of {total} kW in total (new and already connected), "
            "at most {limit} kW, III reliability category."
        ).format(total=_kw(total), limit=individual_max)
        return CategoryChoice(Category.INDIVIDUAL_15, total, str(why))
    if total <= small_max and reliability != Reliability.I:
        why = _(
            "{total} kW in total (new and already connected), at most {limit} kW, "
            "II or III reliability category."
        ).format(total=_kw(total), limit=small_max)
        return CategoryChoice(Category.SMALL_150, total, str(why))
    if total < large_from:
        why = _("{total} kW in total: over {low} kW and under {high} kW.").format(
            total=_kw(total), low=small_max, high=large_from
        )
        if total <= small_max:
            why = _("I reliability category needs two independent sources: the general procedure.")
        return CategoryChoice(Category.MEDIUM_670, total, str(why))
    why = _("{total} kW in total: {high} kW or more.").format(total=_kw(total), high=large_from)
    return CategoryChoice(Category.LARGE, total, str(why))


def _kw(value: Decimal) -> str:
    from django.utils.formats import number_format

    return number_format(int(value) if value == value.to_integral() else value, use_l10n=True)
