"""Staff reads of the hotline, scoped to the reader's branches: the board, reports, archive."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gridportal.accounts.scoping import restrict_to_branches

from ..choices import (
    ACTIVE_STATUSES,
    CallbackStatus,
    EventKind,
    IncidentStatus,
    UnassignedReason,
)
from ..models import (
    CriticalFacility,
    Incident,
    IncidentEvent,
    OutageReport,
    PlannedOutage,
)


def critical_facilities_for(*, incident: Incident):
    return (
        CriticalFacility.objects.filter(
            substation__incident_coverage__incident=incident,
            substation__incident_coverage__restored_at__isnull=True,
        )
        .select_related("substation")
        .order_by("kind", "name")
        .distinct()
    )


FAR = dt.datetime.max.replace(tzinfo=dt.UTC)

BOARD_SORTS = {
    # Predictions to decide first, then critical facilities, danger, overdue, newest.
    "priority": lambda i: (
        i.status != IncidentStatus.PREDICTED,
        not i.facilities,
        not i.urgent_count,
        not i.overdue,
        -i.started_at.timestamp(),
    ),
    "started": lambda i: (i.started_at, i.pk),
    "customers": lambda i: (-i.customers_out, i.pk),
    "etr": lambda i: (i.etr or FAR, i.pk),
}


def recent_decisions_for_user(*, user, now=None) -> list:
    """The dispatcher's own confirm / reject / restore decisions still inside the undo window."""
    from ..services.undo import undo_deadline, undo_window

    now = now or timezone.now()
    events = (
        IncidentEvent.objects.filter(
            actor=user,
            kind__in=[EventKind.CONFIRMED, EventKind.REJECTED, EventKind.RESTORED],
            at__gte=now - undo_window(),
        )
        .select_related("incident__branch")
        .order_by("-at")[:20]
    )
    seen, rows = set(), []
    for event in events:
        if event.incident_id in seen:
            continue
        seen.add(event.incident_id)
        deadline = undo_deadline(event.incident, now=now)
        if deadline is not None:
            rows.append({"event": event, "incident": event.incident, "until": deadline})
    return rows


def element_names(
    *, branch_id: int, level: str = "", query: str = "", limit: int = 20
) -> list[str]:
    """Dispatch names of a branch's elements matching what the dispatcher typed (typeahead).

    «ТП-11» finds ТП-11, ТП-110…; «ПС-1 Ф-3» finds that feeder; «ПС-1» finds the centre and
    its feeders. Only the given level when one is chosen; at most `limit` names.
    """
    from gridportal.grid.models import Feeder, PowerCentre, Substation

    from ..choices import Level

    text = " ".join(query.split())
    names: list[str] = []
    if level in ("", Level.POWER_CENTRE):
        centres = PowerCentre.objects.filter(branch_id=branch_id)
        if text:
            centres = centres.filter(Q(dispatch_number__icontains=text) | Q(name__icontains=text))
        names += centres.order_by("dispatch_number").values_list("dispatch_number", flat=True)[
            :limit
        ]
    if level in ("", Level.FEEDER):
        feeders = Feeder.objects.filter(branch_id=branch_id)
        if text:
            centre, _space, feeder = text.rpartition(" ")
            if centre:
                match = Q(power_centre__dispatch_number__iexact=centre, name__icontains=feeder)
            else:
                match = Q(name__icontains=text) | Q(power_centre__dispatch_number__iexact=text)
            feeders = feeders.filter(match)
        names += [
            f"{pc} {name}"
            for pc, name in feeders.order_by("power_centre__dispatch_number", "name").values_list(
                "power_centre__dispatch_number", "name"
            )[:limit]
        ]
    if level in ("", Level.SUBSTATION):
        substations = Substation.objects.filter(branch_id=branch_id)
        if text:
            substations = substations.filter(name__icontains=text)
        names += substations.order_by("name").values_list("name", flat=True)[:limit]
    return names[:limit]


def element_by_name(*, branch_id: int, level: str, name: str) -> int | None:
    """The id of the element a dispatcher named («ТП-110», «ПС-1 Ф-3», «ПС-1»), in their branch."""
    from gridportal.grid.models import Feeder, PowerCentre, Substation

    from ..choices import Level

    text = " ".join(name.split())
    if level == Level.SUBSTATION:
        qs = Substation.objects.filter(branch_id=branch_id, name__iexact=text)
    elif level == Level.FEEDER:
        centre, _space, feeder = text.rpartition(" ")
        qs = Feeder.objects.filter(branch_id=branch_id, name__iexact=feeder)
        if centre:
            qs = qs.filter(power_centre__dispatch_number__iexact=centre)
    elif level == Level.POWER_CENTRE:
        qs = PowerCentre.objects.filter(branch_id=branch_id).filter(
            Q(dispatch_number__iexact=text) | Q(name__iexact=text)
        )
    else:
        return None
    ids = list(qs.values_list("pk", flat=True)[:2])
    return ids[0] if len(ids) == 1 else None


def board_for_user(*, user, now=None, filters: dict | None = None) -> dict:
    """The dispatcher board: active incidents (critical facilities first) and unassigned reports.

    `filters` (the board's BoardFilterForm): branch, district, level, status, overdue, sort.
    """
    now = now or timezone.now()
    filters = filters or {}
    qs = restrict_to_branches(
        Incident.objects.filter(status__in=ACTIVE_STATUSES).select_related(
            "branch", "power_centre", "feeder", "substation", "district"
        ),
        user,
    )
    for name in ("branch", "district", "level", "status"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    if filters.get("overdue"):
        qs = qs.filter(status=IncidentStatus.CONFIRMED, etr__lt=now)
    incidents = list(
        qs.annotate(
            report_count=Count("reports", distinct=True),
            urgent_count=Count("reports", filter=Q(reports__urgent=True), distinct=True),
        ).order_by("status", "-started_at")
    )
    facilities: dict[int, list] = defaultdict(list)
    for row in CriticalFacility.objects.filter(
        substation__incident_coverage__incident__in=incidents,
        substation__incident_coverage__restored_at__isnull=True,
    ).values("name", "kind", "substation__incident_coverage__incident"):
        facilities[row["substation__incident_coverage__incident"]].append(row)
    for incident in incidents:
        incident.facilities = facilities.get(incident.pk, [])
    special = special_needs_out(incidents=incidents)
    for incident in incidents:
        incident.special_needs = special.get(incident.pk, 0)
        incident.overdue = bool(
            incident.status == IncidentStatus.CONFIRMED and incident.etr and incident.etr < now
        )
    incidents.sort(key=BOARD_SORTS.get(filters.get("sort") or "priority", BOARD_SORTS["priority"]))
    unassigned = (
        restrict_to_branches(
            OutageReport.objects.filter(
                incident__isnull=True,
                created_at__gte=now - dt.timedelta(hours=24),
            ).exclude(unassigned_reason=UnassignedReason.CLOSED),
            user,
        )
        .select_related("address", "substation")
        .order_by("-urgent", "-created_at")[:200]
    )
    return {"incidents": incidents, "unassigned": list(unassigned)}


def incident_get_for_user(*, user, pk) -> Incident:
    qs = restrict_to_branches(
        Incident.objects.select_related(
            "branch", "district", "power_centre", "feeder", "substation", "merged_into"
        ),
        user,
    )
    return get_object_or_404(qs, pk=pk)


def incident_reports(*, incident: Incident):
    return incident.reports.select_related("address").order_by("-urgent", "created_at")


def report_get_for_user(*, user, pk) -> OutageReport:
    qs = restrict_to_branches(
        OutageReport.objects.select_related("address", "substation", "incident", "branch"), user
    )
    return get_object_or_404(qs, pk=pk)


def callback_queue_for_user(*, user):
    return (
        restrict_to_branches(
            OutageReport.objects.filter(callback_status=CallbackStatus.PENDING), user
        )
        .select_related("address", "incident", "created_by")
        .order_by("callback_due_at", "id")
    )


def archive_for_user(*, user):
    return (
        restrict_to_branches(
            Incident.objects.filter(status=IncidentStatus.RESTORED).select_related(
                "branch", "district", "power_centre", "feeder", "substation"
            ),
            user,
        )
        .prefetch_related(Prefetch("events"))
        .order_by("-restored_at")
    )


def planned_for_user(*, user, now=None):
    """Work ahead, under way, and ended in the last two days (to mark done with its actual
    times; nobody's work is closed on schedule a day after its end)."""
    now = now or timezone.now()
    return (
        restrict_to_branches(
            PlannedOutage.objects.filter(ends_at__gt=now - dt.timedelta(days=2)), user
        )
        .select_related("branch", "district", "settlement")
        .prefetch_related("substations")
        .order_by("starts_at", "id")
    )


def crews_for_user(*, user):
    """The crew register of the reader's branches, with the incident each crew works on."""
    from ..models import Crew

    return restrict_to_branches(
        Crew.objects.select_related("branch", "district").order_by("branch__name", "name"), user
    )


def crew_assignments(*, crews) -> dict[int, list]:
    """Per crew id: the active incidents it is assigned to."""
    found: dict[int, list] = defaultdict(list)
    for incident in Incident.objects.filter(crew__in=crews, status__in=ACTIVE_STATUSES).order_by(
        "started_at"
    ):
        found[incident.crew_id].append(incident)
    return found


def special_needs_for_user(*, user):
    from ..models import SpecialNeedsCustomer

    return restrict_to_branches(
        SpecialNeedsCustomer.objects.select_related("branch", "address", "consent"), user
    ).order_by("branch__name", "address__label")


def special_needs_out(*, incidents) -> dict[int, int]:
    """Per incident id: how many special-needs customers it leaves without power."""
    from ..models import IncidentSubstation, SpecialNeedsCustomer

    live = IncidentSubstation.objects.filter(
        incident__in=incidents, restored_at__isnull=True
    ).values_list("incident_id", "substation_id")
    by_substation: dict[int, set] = defaultdict(set)
    for incident_id, substation_id in live:
        by_substation[substation_id].add(incident_id)
    counts: dict[int, int] = defaultdict(int)
    for substation_id in SpecialNeedsCustomer.objects.filter(
        address__substation_id__in=list(by_substation)
    ).values_list("address__substation_id", flat=True):
        for incident_id in by_substation[substation_id]:
            counts[incident_id] += 1
    return counts
