"""The outage archive as plain data: restored incidents with their substations and steps, and
planned work that was done (its actual times), in the same shape.

Other capabilities (reliability of supply) read the archive through these functions only;
they get dataclasses, never the hotline's models, so the hotline can change its tables
without breaking them and needs to know nothing about who reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Sum

from gridportal.grid.models import ServiceAddress

from ..choices import EventKind, IncidentStatus, PlannedStatus
from ..models import Incident, IncidentEvent, PlannedOutage


@dataclass(frozen=True)
class ArchivedStep:
    """A substation of a restored incident: its customers and when they got power back."""

    substation_id: int
    customers: int
    restored_at: dt.datetime


@dataclass(frozen=True)
class ArchivedIncident:
    """A restored incident as the archive keeps it."""

    id: int
    branch_id: int
    district_id: int | None
    started_at: dt.datetime
    restored_at: dt.datetime
    cause: str
    confirmed_by_id: int | None
    steps: tuple[ArchivedStep, ...]
    updated_at: dt.datetime
    # Planned work done (its `id` is the planned work's, a separate numbering from incidents).
    planned: bool = False


def _archived(incident: Incident, confirmed_by: dict[int, int]) -> ArchivedIncident:
    steps = tuple(
        ArchivedStep(
            substation_id=row.substation_id,
            customers=row.customers,
            restored_at=row.restored_at or incident.restored_at,
        )
        for row in sorted(incident.coverage.all(), key=lambda r: r.substation_id)
    )
    return ArchivedIncident(
        id=incident.pk,
        branch_id=incident.branch_id,
        district_id=incident.district_id,
        started_at=incident.started_at,
        restored_at=incident.restored_at,
        cause=incident.cause,
        confirmed_by_id=confirmed_by.get(incident.pk),
        steps=steps,
        updated_at=incident.updated_at,
    )


def _confirmers(incident_ids) -> dict[int, int]:
    """Who confirmed each incident (the first confirmation event with an actor)."""
    rows = (
        IncidentEvent.objects.filter(
            incident_id__in=incident_ids, kind=EventKind.CONFIRMED, actor__isnull=False
        )
        .order_by("-at", "-id")
        .values_list("incident_id", "actor_id")
    )
    return dict(rows)  # the earliest wins: it is written last


def _restored():
    return Incident.objects.filter(
        status=IncidentStatus.RESTORED, restored_at__isnull=False
    ).prefetch_related("coverage")


def archived_incident(incident_id: int) -> ArchivedIncident | None:
    """One restored incident, or None if there is no such incident or it is not restored."""
    incident = _restored().filter(pk=incident_id).first()
    if incident is None:
        return None
    return _archived(incident, _confirmers([incident.pk]))


def archived_incidents(
    *, updated_since: dt.datetime | None = None, chunk: int = 500
) -> Iterator[ArchivedIncident]:
    """Every restored incident (changed since a moment, if given), oldest change first."""
    qs = _restored().order_by("updated_at", "pk")
    if updated_since is not None:
        qs = qs.filter(updated_at__gte=updated_since)
    ids = list(qs.values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        confirmed = _confirmers(part)
        for incident in _restored().filter(pk__in=part).order_by("updated_at", "pk"):
            yield _archived(incident, confirmed)


def _planned_done():
    return PlannedOutage.objects.filter(
        status=PlannedStatus.DONE, actual_starts_at__isnull=False, actual_ends_at__isnull=False
    ).prefetch_related("substations")


def _archived_planned(work: PlannedOutage, customers: dict[int, int]) -> ArchivedIncident:
    steps = tuple(
        ArchivedStep(
            substation_id=s.pk, customers=customers.get(s.pk, 0), restored_at=work.actual_ends_at
        )
        for s in sorted(work.substations.all(), key=lambda s: s.pk)
    )
    return ArchivedIncident(
        id=work.pk,
        branch_id=work.branch_id,
        district_id=work.district_id,
        started_at=work.actual_starts_at,
        restored_at=work.actual_ends_at,
        cause="maintenance",
        confirmed_by_id=None,
        steps=steps,
        updated_at=work.updated_at,
        planned=True,
    )


def _customers(works) -> dict[int, int]:
    """Customers of each substation the works switched off (from the addresses it feeds)."""
    ids = {s.pk for w in works for s in w.substations.all()}
    rows = (
        ServiceAddress.objects.filter(substation_id__in=ids)
        .values("substation_id")
        .annotate(n=Sum("customer_count"))
        .values_list("substation_id", "n")
    )
    return {sid: n or 0 for sid, n in rows}


def archived_planned_work(planned_id: int) -> ArchivedIncident | None:
    """One planned work that is done, as an interruption; None otherwise."""
    work = _planned_done().filter(pk=planned_id).first()
    if work is None:
        return None
    return _archived_planned(work, _customers([work]))


def archived_planned_works(
    *, updated_since: dt.datetime | None = None, chunk: int = 500
) -> Iterator[ArchivedIncident]:
    """Every planned work that is done (changed since a moment, if given), oldest change first."""
    qs = _planned_done().order_by("updated_at", "pk")
    if updated_since is not None:
        qs = qs.filter(updated_at__gte=updated_since)
    ids = list(qs.values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        works = list(
            _planned_done().filter(pk__in=ids[start : start + chunk]).order_by("updated_at", "pk")
        )
        customers = _customers(works)
        for work in works:
            yield _archived_planned(work, customers)
