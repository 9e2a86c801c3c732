"""Legal deadlines of a connection, counted on the working-day calendar. Pure: no database.

Completion, counted from the contract (ПП 861 п. 16 «б»):
  - 15 working days: temporary connection of a mobile object ≤ 150 kW;
  - 30 working days: ≤ 15 kW individuals and ≤ 150 kW small applicants at 0.4 kV
    within 15 m of the grid;
  - 6 months: personal-account applicants at ≤ 20 kV within 300 m (towns) / 500 m (rural);
  - 1 year: over 670 kW, or when the distances are exceeded (and 150–670 kW).
Payment of the invoice: 5 working days after the offer (15 for buyers under 44-ФЗ or
275-ФЗ), otherwise the application is annulled. The numbers come in `values` (dated rules).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gridportal.core.calendar import WorkingCalendar

from .choices import PERSONAL_ACCOUNT_CATEGORIES, Category, DeadlineKind

WORKING_DAYS = "working_days"
MONTHS = "months"


@dataclass(frozen=True)
class Term:
    kind: str  # DeadlineKind
    amount: int
    unit: str  # WORKING_DAYS or MONTHS
    rule_key: str
    why: str

    def label(self) -> str:
        from django.utils.translation import ngettext

        if self.unit == WORKING_DAYS:
            return ngettext("{n} working day", "{n} working days", self.amount).format(
                n=self.amount
            )
        return ngettext("{n} month", "{n} months", self.amount).format(n=self.amount)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def due(start: dt.date, term: Term, calendar: WorkingCalendar) -> dt.date:
    """The last day of a term that starts the day after `start`."""
    if term.unit == WORKING_DAYS:
        return calendar.add_working_days(start, term.amount)
    return add_months(start, term.amount)


def completion_term(
    *,
    category: str,
    voltage_kv: Decimal,
    distance_m: int | None,
    rural: bool,
    values: dict,
) -> Term:
    """The term to complete the connection after the contract, and why it applies."""
    voltage_kv = Decimal(voltage_kv)
    if category == Category.TEMPORARY:
        return Term(
            DeadlineKind.COMPLETION,
            values["completion_temporary_wd"],
            WORKING_DAYS,
            "completion_temporary_wd",
            _("temporary connection of a mobile object"),
        )
    small = category in (Category.INDIVIDUAL_15, Category.SMALL_150)
    if (
        small
        and voltage_kv <= Decimal("0.4")
        and distance_m is not None
        and distance_m <= values["lv_distance_m"]
    ):
        return Term(
            DeadlineKind.COMPLETION,
            values["completion_lv_wd"],
            WORKING_DAYS,
            "completion_lv_wd",
            _("0.4 kV and within {m} m of the existing grid").format(m=values["lv_distance_m"]),
        )
    limit = values["rural_distance_m"] if rural else values["town_distance_m"]
    if (
        category in PERSONAL_ACCOUNT_CATEGORIES
        and voltage_kv <= values["mv_max_kv"]
        and (distance_m is None or distance_m <= limit)
    ):
        where = _("in a rural area") if rural else _("in a town")
        return Term(
            DeadlineKind.COMPLETION,
            values["completion_mv_months"],
            MONTHS,
            "completion_mv_months",
            _("up to {kv} kV and within {m} m of the grid {where}").format(
                kv=values["mv_max_kv"], m=limit, where=where
            ),
        )
    if category == Category.LARGE:
        why = _("{kw} kW or more; longer terms may be agreed for large cases").format(
            kw=values["large_from_kw"]
        )
    elif category == Category.MEDIUM_670:
        why = _("over {kw} kW").format(kw=values["small_max_kw"])
    else:
        why = _("the distance to the grid is longer than {m} m").format(m=limit)
    return Term(
        DeadlineKind.COMPLETION,
        values["completion_long_months"],
        MONTHS,
        "completion_long_months",
        why,
    )


def offer_term(*, category: str, values: dict) -> Term:
    if category in PERSONAL_ACCOUNT_CATEGORIES:
        return Term(
            DeadlineKind.OFFER,
            values["offer_wd_personal"],
            WORKING_DAYS,
            "offer_wd_personal",
            _("posted in your personal account"),
        )
    return Term(
        DeadlineKind.OFFER,
        values["offer_wd_other"],
        WORKING_DAYS,
        "offer_wd_other",
        _("sent to you for signature"),
    )


def payment_term(*, procurement: bool, values: dict) -> Term:
    if procurement:
        return Term(
            DeadlineKind.PAYMENT,
            values["payment_wd_procurement"],
            WORKING_DAYS,
            "payment_wd_procurement",
            _("a buyer under 44-ФЗ or 275-ФЗ"),
        )
    return Term(
        DeadlineKind.PAYMENT,
        values["payment_wd"],
        WORKING_DAYS,
        "payment_wd",
        _("paying the invoice accepts the offer"),
    )


def incomplete_terms(*, values: dict) -> tuple[Term, Term]:
    return (
        Term(
            DeadlineKind.INCOMPLETE_NOTICE,
            values["incomplete_notice_wd"],
            WORKING_DAYS,
            "incomplete_notice_wd",
            _("we tell you what is missing"),
        ),
        Term(
            DeadlineKind.APPLICANT_COMPLETES,
            values["applicant_completes_wd"],
            WORKING_DAYS,
            "applicant_completes_wd",
            _("you send what is missing"),
        ),
    )


def paused_due(due_day: dt.date, paused_working_days: int, calendar: WorkingCalendar) -> dt.date:
    """A working-day deadline moved on by the working days the clock stood still."""
    return (
        calendar.add_working_days(due_day, paused_working_days) if paused_working_days else due_day
    )


# Categories of up to 150 kW, for which the inspection has its own term after the notice.
SMALL_CATEGORIES = PERSONAL_ACCOUNT_CATEGORIES | {Category.TEMPORARY}


def inspection_term(*, category: str, values: dict) -> Term | None:
    """The inspection after the applicant's readiness notice; over 150 kW only the contract's
    completion deadline applies."""
    if category not in SMALL_CATEGORIES:
        return None
    return Term(
        DeadlineKind.INSPECTION,
        values["inspection_wd"],
        WORKING_DAYS,
        "inspection_wd",
        _("after your readiness notice"),
    )


def act_term(*, values: dict) -> Term:
    return Term(
        DeadlineKind.ACT,
        values["act_wd"],
        WORKING_DAYS,
        "act_wd",
        _("after the inspection"),
    )


def energize_term(*, values: dict) -> Term:
    return Term(
        DeadlineKind.ENERGIZING,
        values["energize_wd"],
        WORKING_DAYS,
        "energize_wd",
        _("after the connection act"),
    )


def step_due(
    start: dt.date, term: Term | None, calendar: WorkingCalendar, completion_due: dt.date | None
) -> dt.date | None:
    """A step's own due date, never later than the contract's completion deadline, which
    binds the whole chain of steps after payment."""
    own = due(start, term, calendar) if term is not None else None
    candidates = [d for d in (own, completion_due) if d is not None]
    return min(candidates) if candidates else None
