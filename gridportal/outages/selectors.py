"""Reads of the hotline: the public answer for an address, public aggregates, the staff board."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, F, Max, Min, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.core.models import Branch
from gridportal.grid.models import ServiceAddress

from .choices import (
    ACTIVE_STATUSES,
    PUBLIC_EVENTS,
    CallbackStatus,
    Cause,
    IncidentStatus,
    PlannedStatus,
    RuleKey,
    UnassignedReason,
)
from .models import (
    CriticalFacility,
    Incident,
    IncidentSubstation,
    OutageReport,
    PlannedOutage,
)
from .rules import rule_values
from .snapshot import IncidentView, PlannedView, StatusAnswer, status_answer

PUBLIC_STATUSES = (IncidentStatus.CONFIRMED, IncidentStatus.RESTORED)


# --- the look-up answer ---------------------------------------------------------------


def incident_views(*, substation_ids=None) -> list[IncidentView]:
    """Active incidents covering these substations (None: all of them), as plain values."""
    rows = IncidentSubstation.objects.filter(
        restored_at__isnull=True, incident__status__in=ACTIVE_STATUSES
    )
    if substation_ids is not None:
        rows = rows.filter(substation_id__in=list(substation_ids))
    rows = rows.values_list("incident_id", "substation_id").order_by("incident_id")
    live: dict[int, set[int]] = defaultdict(set)
    for incident_id, substation_id in rows:
        live[incident_id].add(substation_id)
    return [
        IncidentView(
            id=i.pk,
            status=i.status,
            level=i.level,
            cause=i.cause,
            crew_status=i.crew_status,
            started_at=i.started_at,
            etr=i.etr,
            etr_updated_at=i.etr_updated_at,
            customers_out=i.customers_out,
            public_message=i.public_message,
            live_substations=frozenset(live[i.pk]),
        )
        for i in Incident.objects.filter(pk__in=list(live)).order_by("id")
    ]


def planned_views(*, substation_ids, now: dt.datetime) -> list[PlannedView]:
    rows = (
        PlannedOutage.objects.filter(
            substations__in=list(substation_ids), status=PlannedStatus.SCHEDULED, ends_at__gt=now
        )
        .distinct()
        .prefetch_related("substations")
        .order_by("starts_at", "id")
    )
    return [
        PlannedView(
            p.pk,
            p.starts_at,
            p.ends_at,
            p.reason,
            frozenset(s.pk for s in p.substations.all()),
        )
        for p in rows
    ]


def address_status(*, address: ServiceAddress, now: dt.datetime | None = None) -> StatusAnswer:
    """What the customer at this address should be told now."""
    now = now or timezone.now()
    subs = [address.substation_id] if address.substation_id else []
    return status_answer(
        substation_id=address.substation_id,
        incidents=incident_views(substation_ids=subs),
        planned=planned_views(substation_ids=subs, now=now),
        now=now,
    )


def address_get(pk) -> ServiceAddress | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        ServiceAddress.objects.select_related(
            "branch", "district", "street__settlement", "substation"
        )
        .filter(pk=pk)
        .first()
    )


# --- public pages -------------------------------------------------------------------------


def public_incident_get(*, pk) -> Incident:
    return get_object_or_404(
        Incident.objects.select_related("branch", "district", "power_centre"),
        pk=pk,
        status__in=PUBLIC_STATUSES,
    )


def merged_incident_target(*, pk) -> int | None:
    """Where a merged incident lives on now (followed through chains of merges)."""
    seen = set()
    current = pk
    while current not in seen:
        seen.add(current)
        row = (
            Incident.objects.filter(pk=current, status=IncidentStatus.MERGED)
            .values_list("merged_into_id", flat=True)
            .first()
        )
        if row is None:
            return None if current == pk else current
        current = row
    return None


def public_events(*, incident: Incident):
    return incident.events.filter(public=True, kind__in=PUBLIC_EVENTS).order_by("at", "id")


def public_areas(*, incident: Incident) -> list[dict]:
    """Settlements and streets an incident affects (never individual flats or people)."""
    rows = (
        ServiceAddress.objects.filter(
            substation__incident_coverage__incident=incident,
        )
        .values(
            "street__settlement__name",
            "street__settlement__kind",
            "street__kind",
            "street__name",
        )
        .annotate(
            customers=Sum("customer_count"),
            out=Count("id", filter=Q(substation__incident_coverage__restored_at__isnull=True)),
        )
        .order_by("street__settlement__name", "street__name")
    )
    return list(rows)


def settlement_outages(*, branch: Branch | None = None) -> list[dict]:
    """Confirmed unplanned outages now, per settlement (never individual addresses).

    The one aggregation behind the outage page's table and the storm snapshot.
    """
    qs = ServiceAddress.objects.filter(
        substation__incident_coverage__incident__status=IncidentStatus.CONFIRMED,
        substation__incident_coverage__restored_at__isnull=True,
    )
    if branch is not None:
        qs = qs.filter(branch=branch)
    rows = (
        qs.values(
            "branch__code",
            "branch__name",
            "branch__name_en",
            "district__code",
            "district__name",
            "district__name_en",
            "street__settlement_id",
            "street__settlement__name",
            "street__settlement__latitude",
            "street__settlement__longitude",
        )
        .annotate(
            customers=Sum("customer_count"),
            incidents=Count("substation__incident_coverage__incident", distinct=True),
            first_incident=Min("substation__incident_coverage__incident"),
            since=Min("substation__incident_coverage__incident__started_at"),
            etr=Max("substation__incident_coverage__incident__etr"),
        )
        .order_by("branch__name", "district__name", "street__settlement__name")
    )
    return [
        {
            "branch": row["branch__code"],
            "branch_name": row["branch__name"],
            "branch_name_en": row["branch__name_en"],
            "district": row["district__code"],
            "district_name": row["district__name"],
            "district_name_en": row["district__name_en"],
            "id": row["street__settlement_id"],
            "name": row["street__settlement__name"],
            "latitude": row["street__settlement__latitude"],
            "longitude": row["street__settlement__longitude"],
            "customers_out": row["customers"] or 0,
            "incidents": row["incidents"],
            "first_incident": row["first_incident"],
            "since": row["since"],
            "estimated_restoration": row["etr"],
        }
        for row in rows
    ]


def planned_notice_days() -> int:
    """How many days ahead planned work counts as «soon» (the notice rule)."""
    return int(rule_values()[RuleKey.PLANNED_NOTICE_DAYS])


def branch_counts(*, now: dt.datetime | None = None) -> dict[int, dict]:
    """Per branch id: confirmed incidents, customers out, planned works within the notice days."""
    now = now or timezone.now()
    counts: dict[int, dict] = {}
    for row in (
        Incident.objects.filter(status=IncidentStatus.CONFIRMED)
        .values("branch_id")
        .annotate(incidents=Count("id"), customers=Sum("customers_out"))
    ):
        counts[row["branch_id"]] = {
            "incidents": row["incidents"],
            "customers_out": row["customers"] or 0,
            "planned": 0,
        }
    planned = (
        PlannedOutage.objects.filter(
            status=PlannedStatus.SCHEDULED,
            ends_at__gt=now,
            starts_at__lt=now + dt.timedelta(days=planned_notice_days()),
        )
        .values("branch_id")
        .annotate(n=Count("id"))
        .values_list("branch_id", "n")
    )
    for branch_id, n in planned:
        counts.setdefault(branch_id, {"incidents": 0, "customers_out": 0, "planned": 0})
        counts[branch_id]["planned"] = n
    return counts


def branch_summary() -> list[dict]:
    """Per branch: the counts, and the share of restoration estimates met."""
    counts = branch_counts()
    accuracy = {row["branch"].pk: row for row in etr_accuracy(branches=Branch.objects.all())}
    empty = {"incidents": 0, "customers_out": 0, "planned": 0}
    return [
        {
            "branch": branch,
            **counts.get(branch.pk, empty),
            "estimates_met": accuracy[branch.pk]["percent"],
        }
        for branch in Branch.objects.order_by("name")
    ]


def public_incidents(*, branch: Branch | None = None):
    qs = Incident.objects.filter(status=IncidentStatus.CONFIRMED).select_related(
        "branch", "district"
    )
    if branch is not None:
        qs = qs.filter(branch=branch)
    return qs.order_by("-customers_out", "started_at")


def planned_list(
    *, branch=None, district=None, settlement=None, day: dt.date | None = None, now=None
):
    now = now or timezone.now()
    qs = (
        PlannedOutage.objects.filter(status=PlannedStatus.SCHEDULED, ends_at__gt=now)
        .select_related("branch", "district", "settlement")
        .order_by("starts_at", "id")
    )
    if branch is not None:
        qs = qs.filter(branch=branch)
    if district is not None:
        qs = qs.filter(district=district)
    if settlement is not None:
        qs = qs.filter(settlement=settlement)
    if day is not None:
        start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
        qs = qs.filter(starts_at__lt=start + dt.timedelta(days=1), ends_at__gt=start)
    return qs


def planned_for_address(*, address: ServiceAddress, now=None):
    now = now or timezone.now()
    if address.substation_id is None:
        return PlannedOutage.objects.none()
    return (
        PlannedOutage.objects.filter(substations=address.substation_id, ends_at__gt=now)
        .exclude(status="done")
        .order_by("starts_at", "id")
    )


def feed_incidents(*, branch: Branch | None = None):
    """Incidents of the public feed: confirmed now, with their element's location."""
    qs = Incident.objects.filter(status=IncidentStatus.CONFIRMED).select_related(
        "branch", "district", "power_centre", "feeder", "substation"
    )
    if branch is not None:
        qs = qs.filter(branch=branch)
    return qs.order_by("id")


def feed_items() -> list[dict]:
    """Items of the public outage feed (fields documented in docs/outages.md)."""
    items = []
    for incident in feed_incidents():
        location = incident_location(incident)
        items.append(
            {
                "id": incident.pk,
                "branch": incident.branch.code,
                "district": incident.district.name if incident.district else None,
                "area": incident.district.display_name
                if incident.district
                else incident.branch.display_name,
                "cause": incident.cause,
                "cause_label": str(Cause(incident.cause).label),
                "crew_status": incident.crew_status,
                "started_at": incident.started_at,
                "estimated_restoration": incident.etr,
                "estimated_restoration_local": (
                    timezone.localtime(incident.etr).strftime("%d.%m %H:%M")
                    if incident.etr
                    else None
                ),
                "estimate_updated_at": incident.etr_updated_at,
                "customers_out": incident.customers_out,
                "public_message": incident.public_message,
                "latitude": location[0] if location else None,
                "longitude": location[1] if location else None,
            }
        )
    return items


def incident_location(incident: Incident) -> tuple[float, float] | None:
    for element in (incident.substation, incident.feeder, incident.power_centre, incident.district):
        if element is not None and element.latitude is not None and element.longitude is not None:
            return (element.latitude, element.longitude)
    return None


# --- staff ---------------------------------------------------------------------------------


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


def board_for_user(*, user, now=None) -> dict:
    """The dispatcher board: active incidents (critical facilities first) and unassigned reports."""
    now = now or timezone.now()
    incidents = list(
        restrict_to_branches(
            Incident.objects.filter(status__in=ACTIVE_STATUSES).select_related(
                "branch", "power_centre", "feeder", "substation", "district"
            ),
            user,
        )
        .annotate(
            report_count=Count("reports", distinct=True),
            urgent_count=Count("reports", filter=Q(reports__urgent=True), distinct=True),
        )
        .order_by("status", "-started_at")
    )
    facilities: dict[int, list] = defaultdict(list)
    for row in CriticalFacility.objects.filter(
        substation__incident_coverage__incident__in=incidents,
        substation__incident_coverage__restored_at__isnull=True,
    ).values("name", "kind", "substation__incident_coverage__incident"):
        facilities[row["substation__incident_coverage__incident"]].append(row)
    for incident in incidents:
        incident.facilities = facilities.get(incident.pk, [])
    incidents.sort(
        key=lambda i: (
            i.status != IncidentStatus.PREDICTED,
            not i.facilities,
            not i.urgent_count,
            -i.started_at.timestamp(),
        )
    )
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


def etr_accuracy(*, branches) -> list[dict]:
    """Per branch: how often the last published estimate was met («estimates met N %»)."""
    tolerance = dt.timedelta(minutes=int(rule_values()[RuleKey.ETR_TOLERANCE_MINUTES]))
    rows = (
        Incident.objects.filter(
            status=IncidentStatus.RESTORED, branch__in=branches, etr__isnull=False
        )
        .values("branch_id")
        .annotate(
            total=Count("id"),
            met=Count("id", filter=Q(restored_at__lte=F("etr") + tolerance)),
        )
    )
    totals = {row["branch_id"]: (row["met"], row["total"]) for row in rows}
    result = []
    for branch in branches.order_by("name"):
        met, total = totals.get(branch.pk, (0, 0))
        result.append(
            {
                "branch": branch,
                "met": met,
                "total": total,
                "percent": round(100 * met / total) if total else None,
            }
        )
    return result


def status_snapshot(*, now: dt.datetime | None = None):
    """All live incidents and planned work as one pure Snapshot (storm mode, static publishing)."""
    from .snapshot import Snapshot

    now = now or timezone.now()
    live_subs = IncidentSubstation.objects.filter(
        restored_at__isnull=True, incident__status__in=ACTIVE_STATUSES
    ).values_list("substation_id", flat=True)
    planned_subs = PlannedOutage.objects.filter(
        status=PlannedStatus.SCHEDULED, ends_at__gt=now
    ).values_list("substations", flat=True)
    return Snapshot(
        generated_at=now,
        incidents=tuple(incident_views(substation_ids=list(live_subs))),
        planned=tuple(planned_views(substation_ids=[s for s in planned_subs if s], now=now)),
    )


def planned_for_user(*, user, now=None):
    now = now or timezone.now()
    return (
        restrict_to_branches(PlannedOutage.objects.filter(ends_at__gt=now), user)
        .select_related("branch", "district", "settlement")
        .prefetch_related("substations")
        .order_by("starts_at", "id")
    )
