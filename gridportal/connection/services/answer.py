"""The immediate, non-binding answer to a request-intention: category, candidates, fee,
deadlines and documents, JSON-ready, in the applicant's language (stored as given)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from gridportal.capacity import selectors as capacity
from gridportal.core.selectors import working_calendar

from .. import deadlines, fees
from ..choices import Category, Voltage
from ..documents import documents_for, procedure_for
from ..rules import category_for, rule_values
from ..selectors import rates_for

RURAL_KINDS = {"village", "hamlet"}


def _candidate(c) -> dict:
    def s(v):
        return None if v is None else str(v)

    return {
        "kind": c.kind,
        "id": c.element_id,
        "name": c.name,
        "voltage": c.voltage,
        "unit": c.unit,
        "reserve": s(c.reserve),
        "need": s(c.need),
        "left": s(c.left),
        "reserve_kw": s(c.reserve_kw),
        "fits": c.fits,
        "withheld": c.withheld,
        "measured_on": c.measured_on.isoformat() if c.measured_on else None,
        "measurement": c.measurement,
        "distance_km": c.distance_km,
        "url": c.url,
    }


def _fee(*, category, power_kw, branch, social, voltage, on) -> dict | None:
    rate = rates_for(branch=branch, year=on.year)
    if rate is None:
        return None
    r = fees.Rates(
        year=rate.year,
        preferential_per_kw=rate.preferential_per_kw,
        social_per_kw=rate.social_per_kw,
        c1_per_application=rate.c1_per_application,
        c8_per_point=rate.c8_per_point,
        construction_per_kw=rate.construction_per_kw,
        verified=rate.verified,
        source=rate.source,
    )
    fee = fees.fee_for(
        category=category,
        power_kw=power_kw,
        rates=r,
        social=social,
        preferential_eligible=Decimal(voltage) <= Decimal("0.4"),
    )
    return {
        "total": str(fee.total),
        "currency": "RUB",
        "basis": fee.basis,
        "breakdown": [
            {"label": str(s.label), "formula": s.formula, "amount": str(s.amount)}
            for s in fee.steps
        ],
        "rates_year": r.year,
        "rates_verified": r.verified,
        "rates_source": r.source,
    }


def intention_answer(
    *,
    branch,
    address,
    point,
    applicant: str,
    object_kind: str,
    power_new_kw: Decimal,
    power_existing_kw: Decimal,
    voltage: str,
    reliability: str,
    social: bool,
    procurement: bool = False,
    on: dt.date,
) -> dict:
    values = rule_values(on)
    choice = category_for(
        applicant=applicant,
        object_kind=object_kind,
        power_new_kw=power_new_kw,
        power_existing_kw=power_existing_kw,
        reliability=reliability,
        values=values,
    )
    found = capacity.connection_candidates(
        address=address, point=point, power_kw=power_new_kw, voltage_kv=Decimal(voltage), on=on
    )
    first = found.candidates[0] if found.candidates else None
    distance_m = (
        int(first.distance_km * 1000)
        if first is not None and first.kind == "substation" and first.distance_km is not None
        else None
    )
    rural = bool(address and address.street.settlement.kind in RURAL_KINDS)
    calendar = working_calendar()
    terms = [
        deadlines.offer_term(category=choice.category, values=values),
        deadlines.payment_term(procurement=procurement, values=values),
        deadlines.completion_term(
            category=choice.category,
            voltage_kv=Decimal(voltage),
            distance_m=distance_m,
            rural=rural,
            values=values,
        ),
    ]
    starts = {
        "offer": _("from the day the complete application is registered"),
        "payment": _("from the day the offer is posted"),
        "completion": _("from the day the contract is concluded"),
    }
    return {
        "category": {
            "code": choice.category,
            "label": str(Category(choice.category).label),
            "why": choice.why,
            "total_kw": str(choice.total_kw),
            "procedure": procedure_for(choice.category),
        },
        "voltage_label": str(Voltage(voltage).label),
        "route": found.route,
        "cos_phi": str(found.cos_phi),
        "need_kva": str(found.need_kva),
        "closed": found.closed,
        # The address's ТП has no room: the load goes through it whatever the centre has.
        "blocked_by": found.blocked_by.name if found.blocked_by else "",
        "candidates": [_candidate(c) for c in found.candidates],
        "fee": _fee(
            category=choice.category,
            power_kw=Decimal(power_new_kw),
            branch=branch,
            social=social,
            voltage=voltage,
            on=on,
        ),
        "deadlines": [
            {
                "kind": t.kind,
                "label": str(t.label()),
                "what": str(_kind_label(t.kind)),
                "why": t.why,
                "counted": starts.get(str(t.kind), ""),
                "rule": t.rule_key,
                "example_due": deadlines.due(on, t, calendar).isoformat(),
            }
            for t in terms
        ],
        "documents": documents_for(
            applicant=applicant, category=choice.category, object_kind=object_kind, social=social
        ),
        "binding": False,
    }


def _kind_label(kind):
    from ..choices import DeadlineKind

    return DeadlineKind(kind).label
