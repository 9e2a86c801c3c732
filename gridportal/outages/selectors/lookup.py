"""The look-up answer: is there power at this address (also what storm mode serves)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import connection
from django.utils import timezone

from gridportal.core.inserts import fetch_prepared
from gridportal.grid.models import ServiceAddress

from ..choices import (
    ACTIVE_STATUSES,
    IncidentStatus,
    PlannedStatus,
)
from ..models import (
    Incident,
    IncidentSubstation,
    PlannedOutage,
)
from ..snapshot import IncidentView, PlannedView, StatusAnswer, status_answer

PUBLIC_STATUSES = (IncidentStatus.CONFIRMED, IncidentStatus.RESTORED)


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


INTAKE_FIELDS = ("id", "branch_id", "substation_id")


def address_for_intake(pk) -> ServiceAddress | None:
    """An address as report intake needs it (its branch and substation; the rest is read
    only if asked): one indexed read, without building a query each time."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**63:
        return None
    table = ServiceAddress._meta.db_table
    rows = fetch_prepared(
        f"SELECT {', '.join(INTAKE_FIELDS)} FROM {table} WHERE id = %s",  # noqa: S608
        [pk],
    )
    return ServiceAddress.from_db(connection.alias, INTAKE_FIELDS, rows[0]) if rows else None


def status_snapshot(*, now: dt.datetime | None = None):
    """All live incidents and planned work as one pure Snapshot (storm mode, static publishing)."""
    from ..snapshot import Snapshot

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
