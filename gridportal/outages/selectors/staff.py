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
    IncidentStatus,
    UnassignedReason,
)
from ..models import (
    CriticalFacility,
    Incident,
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


def planned_for_user(*, user, now=None):
    now = now or timezone.now()
    return (
        restrict_to_branches(PlannedOutage.objects.filter(ends_at__gt=now), user)
        .select_related("branch", "district", "settlement")
        .prefetch_related("substations")
        .order_by("starts_at", "id")
    )
