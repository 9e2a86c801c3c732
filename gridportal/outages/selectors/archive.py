"""The outage archive as plain data: restored incidents with their substations and steps.

Other capabilities (reliability of supply) read the archive through these functions only;
they get dataclasses, never the hotline's models, so the hotline can change its tables
without breaking them and needs to know nothing about who reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..choices import EventKind, IncidentStatus
from ..models import Incident, IncidentEvent


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
