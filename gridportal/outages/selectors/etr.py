"""ETR honesty figures per branch and РЭС (the pure rules: outages/etr_accuracy.py)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from gridportal.core.models import Branch

from ..choices import EventKind, IncidentStatus, RuleKey
from ..etr_accuracy import Tally, outcome
from ..models import Incident, IncidentEvent
from ..rules import rule_values


def _rules() -> dict:
    values = rule_values()
    return {
        "short": dt.timedelta(minutes=int(values[RuleKey.ETR_HORIZON_SHORT_MINUTES])),
        "long": dt.timedelta(minutes=int(values[RuleKey.ETR_HORIZON_LONG_MINUTES])),
        "tolerance": dt.timedelta(minutes=int(values[RuleKey.ETR_TOLERANCE_MINUTES])),
    }


def etr_tallies(*, branch: Branch | None = None) -> tuple[dict[int, Tally], dict[int, Tally]]:
    """Tallies of restored outages: per branch id, and per district id."""
    rules = _rules()
    incidents = Incident.objects.filter(status=IncidentStatus.RESTORED, restored_at__isnull=False)
    if branch is not None:
        incidents = incidents.filter(branch=branch)
    rows = list(
        incidents.values_list("pk", "branch_id", "district_id", "started_at", "restored_at")
    )
    estimates: dict[int, list] = defaultdict(list)
    for incident_id, at, etr in IncidentEvent.objects.filter(
        incident__in=[r[0] for r in rows], kind=EventKind.ETR, etr__isnull=False
    ).values_list("incident_id", "at", "etr"):
        estimates[incident_id].append((at, etr))
    by_branch: dict[int, Tally] = defaultdict(Tally)
    by_district: dict[int, Tally] = defaultdict(Tally)
    for pk, branch_id, district_id, started_at, restored_at in rows:
        result = outcome(
            started_at=started_at, restored_at=restored_at, estimates=estimates[pk], **rules
        )
        by_branch[branch_id].add(result)
        if district_id:
            by_district[district_id].add(result)
    return by_branch, by_district


def etr_accuracy_rows(*, branch: Branch | None = None) -> list[dict]:
    """One row per branch, then its districts: the met shares, first vs horizons vs final."""
    from gridportal.core.models import District

    by_branch, by_district = etr_tallies(branch=branch)
    branches = Branch.objects.order_by("name")
    if branch is not None:
        branches = branches.filter(pk=branch.pk)
    rows = []
    for b in branches:
        rows.append({"branch": b, "district": None, "etr": by_branch.get(b.pk, Tally()).as_dict()})
        for d in District.objects.filter(branch=b, pk__in=list(by_district)).order_by("name"):
            rows.append({"branch": b, "district": d, "etr": by_district[d.pk].as_dict()})
    return rows
