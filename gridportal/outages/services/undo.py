"""A dispatcher's way back: undo a confirmation, rejection or restoration within a few minutes.

The window is a dated rule (`undo_minutes`). Only the incident's latest decision can be
undone, once, and only while the incident is still in the state that decision left it in.
Undoing a restoration opens again exactly the substations that restoration closed.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError

from ..choices import EventKind, IncidentStatus, RuleKey, UnassignedReason
from ..models import Incident, IncidentEvent
from ..rules import rule_values
from .events import event_record
from .predictions import customers_refresh

DECISIONS = {
    EventKind.CONFIRMED: IncidentStatus.CONFIRMED,
    EventKind.REJECTED: IncidentStatus.REJECTED,
    EventKind.RESTORED: IncidentStatus.RESTORED,
}


def undo_window() -> dt.timedelta:
    return dt.timedelta(minutes=int(rule_values()[RuleKey.UNDO_MINUTES]))


def undoable_decision(incident: Incident, *, now: dt.datetime | None = None):
    """The latest decision that can still be undone (an IncidentEvent), or None."""
    now = now or timezone.now()
    last = (
        IncidentEvent.objects.filter(incident=incident, kind__in=[*DECISIONS, EventKind.UNDONE])
        .order_by("-at", "-id")
        .first()
    )
    if last is None or last.kind == EventKind.UNDONE:
        return None
    if incident.status != DECISIONS[last.kind] or now - last.at > undo_window():
        return None
    return last


def undo_deadline(incident: Incident, *, now: dt.datetime | None = None) -> dt.datetime | None:
    decision = undoable_decision(incident, now=now)
    return decision.at + undo_window() if decision else None


@transaction.atomic
def incident_undo(*, incident: Incident, actor, now: dt.datetime | None = None) -> Incident:
    now = now or timezone.now()
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    decision = undoable_decision(incident, now=now)
    if decision is None:
        raise ApplicationError(
            _("There is nothing to undo: the last decision is older than {n} minutes.").format(
                n=int(undo_window().total_seconds() // 60)
            ),
            code="undo",
        )
    if decision.kind == EventKind.CONFIRMED:
        incident.status = IncidentStatus.PREDICTED
        incident.confirmed_at = None
    elif decision.kind == EventKind.REJECTED:
        incident.status = IncidentStatus.PREDICTED
        incident.reports.filter(unassigned_reason=UnassignedReason.CLOSED).update(
            unassigned_reason=""
        )
    else:
        incident.coverage.filter(restored_at=incident.restored_at).update(restored_at=None)
        incident.status = IncidentStatus.CONFIRMED
        incident.restored_at = None
    incident.save()
    customers_refresh(incident)
    event_record(
        incident,
        EventKind.UNDONE,
        actor=actor,
        at=now,
        details={"undid": decision.kind, "event": decision.pk},
        text=str(EventKind(decision.kind).label),
    )
    return incident
