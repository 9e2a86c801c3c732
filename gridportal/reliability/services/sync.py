"""Interruption records from the hotline's archive: one per substation and restoration step.

Restored incidents (unplanned) and planned work marked done (planned, at its actual times).
Idempotent: an incident is one event (keyed by its id, a planned work by «planned-<id>»);
syncing it again replaces its records with the archive's, unless a dispatcher has corrected
the event since.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from gridportal.grid.models import Substation
from gridportal.outages.selectors.archive import (
    ArchivedIncident,
    archived_incident,
    archived_incidents,
    archived_planned_work,
    archived_planned_works,
)

from ..choices import Cause, Source, VoltageLevel
from ..levels import substation_levels
from ..models import InterruptionEvent, InterruptionRecord


def _cause(value: str) -> str:
    return value if value in Cause.values else Cause.UNKNOWN


@transaction.atomic
def interruptions_sync_incident(*, archived: ArchivedIncident) -> InterruptionEvent | None:
    """Write (or rewrite) the event of one restored incident or done planned work; None if
    nobody was cut off."""
    key = f"planned-{archived.id}" if archived.planned else str(archived.id)
    event = (
        InterruptionEvent.objects.select_for_update().filter(source=Source.PORTAL, key=key).first()
    )
    if event is not None and event.corrected:
        return event
    steps = [s for s in archived.steps if s.customers > 0]
    if not steps:
        if event is not None:
            event.delete()
        return None
    if event is None:
        event = InterruptionEvent(
            source=Source.PORTAL,
            incident_id=None if archived.planned else archived.id,
            key=key,
        )
    event.branch_id = archived.branch_id
    event.started_at = archived.started_at
    event.cause = _cause(archived.cause)
    event.planned = archived.planned
    event.confirmed_by_id = archived.confirmed_by_id
    event.save()
    event.records.all().delete()
    network = {
        s.pk: s
        for s in Substation.objects.filter(pk__in=[s.substation_id for s in steps]).select_related(
            "feeder"
        )
    }
    levels = substation_levels(network)
    InterruptionRecord.objects.bulk_create(
        [
            InterruptionRecord(
                event=event,
                level=levels.get(s.substation_id, VoltageLevel.NN),
                branch_id=archived.branch_id,
                district_id=network[s.substation_id].district_id or archived.district_id,
                substation_id=s.substation_id,
                feeder_id=network[s.substation_id].feeder_id,
                power_centre_id=network[s.substation_id].feeder.power_centre_id,
                customers=s.customers,
                started_at=archived.started_at,
                restored_at=max(s.restored_at, archived.started_at),
                planned=archived.planned,
            ).fill()
            for s in steps
            if s.substation_id in network
        ]
    )
    return event


def interruptions_sync_incident_id(incident_id: int) -> InterruptionEvent | None:
    """Sync one incident by id; nothing happens unless it is restored."""
    archived = archived_incident(incident_id)
    if archived is None:
        return None
    return interruptions_sync_incident(archived=archived)


def interruptions_sync_planned_id(planned_id: int) -> InterruptionEvent | None:
    """Sync one planned work by id; nothing happens unless it is done."""
    archived = archived_planned_work(planned_id)
    if archived is None:
        return None
    return interruptions_sync_incident(archived=archived)


def interruptions_sync(*, updated_since: dt.datetime | None = None) -> int:
    """Sync every restored incident and done planned work (changed since a moment); returns
    how many were seen."""
    count = 0
    for archived in archived_incidents(updated_since=updated_since):
        interruptions_sync_incident(archived=archived)
        count += 1
    for archived in archived_planned_works(updated_since=updated_since):
        interruptions_sync_incident(archived=archived)
        count += 1
    return count
