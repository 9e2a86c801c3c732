"""Dispatcher actions on an incident: confirm, reject, merge, split, move, update, restore."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.core.exceptions import ApplicationError
from gridportal.core.signals import ServiceEventKind
from gridportal.grid.models import Feeder, PowerCentre, Substation

from ..choices import (
    EventKind,
    IncidentStatus,
    Level,
    UnassignedReason,
)
from ..models import Incident
from .events import event_record
from .notify import incident_context, live_substations, subscribers_notify
from .predictions import coverage_set, customers_refresh, rollup_apply, topology_for_centre

logger = logging.getLogger(__name__)


def _require_active(incident: Incident) -> None:
    if not incident.is_active:
        raise ApplicationError(
            _("This incident is already closed ({status}).").format(
                status=incident.get_status_display()
            ),
            code="closed",
        )


def _locked(incident: Incident) -> Incident:
    return Incident.objects.select_for_update().get(pk=incident.pk)


@transaction.atomic
def incident_confirm(*, incident: Incident, actor, now: dt.datetime | None = None) -> Incident:
    """A dispatcher confirms an outage: it becomes public and the roll-up absorbs later reports."""
    now = now or timezone.now()
    incident = _locked(incident)
    if incident.status != IncidentStatus.PREDICTED:
        raise ApplicationError(_("Only a predicted incident can be confirmed."), code="status")
    incident.status = IncidentStatus.CONFIRMED
    incident.confirmed_at = now
    incident.pinned = True
    incident.save(update_fields=["status", "confirmed_at", "pinned", "updated_at"])
    event_record(incident, EventKind.CONFIRMED, actor=actor, at=now)
    rollup_apply(power_centre_id=incident.power_centre_id, now=now)
    subscribers_notify(
        event_key=f"outage:{incident.pk}:started",
        substation_ids=live_substations(incident),
        template="outage_started",
        context=incident_context(incident),
    )
    return incident


@transaction.atomic
def incident_reject(*, incident: Incident, actor, reason: str = "") -> Incident:
    """A dispatcher rejects a prediction (no outage there); its reports are closed."""
    incident = _locked(incident)
    if incident.status != IncidentStatus.PREDICTED:
        raise ApplicationError(_("Only a predicted incident can be rejected."), code="status")
    incident.status = IncidentStatus.REJECTED
    incident.save(update_fields=["status", "updated_at"])
    incident.reports.update(unassigned_reason=UnassignedReason.CLOSED)
    event_record(incident, EventKind.REJECTED, actor=actor, text=reason)
    return incident


@transaction.atomic
def incident_merge(*, target: Incident, sources: list[Incident], actor) -> Incident:
    """Fold other incidents into one: their reports and area move to the target."""
    target = _locked(target)
    _require_active(target)
    newly_covered: set[int] = set()
    for source in sources:
        source = _locked(source)
        if source.pk == target.pk:
            continue
        _require_active(source)
        if source.branch_id != target.branch_id:
            raise ApplicationError(_("Incidents of different branches cannot be merged."))
        live = set(live_substations(source))
        source.reports.update(incident=target)
        source.status = IncidentStatus.MERGED
        source.merged_into = target
        source.save(update_fields=["status", "merged_into", "updated_at"])
        event_record(source, EventKind.MERGED, actor=actor, details={"into": target.pk})
        covered = set(target.coverage.values_list("substation_id", flat=True))
        newly_covered |= live - covered
        coverage_set(incident=target, substation_ids=covered | live)
        target.started_at = min(target.started_at, source.started_at)
        event_record(target, EventKind.MERGED, actor=actor, details={"from": source.pk})
    target.pinned = True
    target.save(update_fields=["pinned", "started_at", "updated_at"])
    if target.status == IncidentStatus.CONFIRMED and newly_covered:
        # Addresses the merge newly puts inside a confirmed outage hear of it (once).
        subscribers_notify(
            event_key=f"outage:{target.pk}:started",
            substation_ids=newly_covered,
            template="outage_started",
            context=incident_context(target),
        )
    return target


@transaction.atomic
def incident_reports_move(
    *, incident: Incident, report_ids: list[int], actor, target: Incident | None = None
) -> int:
    """Split: move reports out of an incident, into another one or back to unassigned."""
    incident = _locked(incident)
    if target is not None:
        _require_active(target)
        if target.branch_id != incident.branch_id:
            raise ApplicationError(_("Reports can only move between incidents of one branch."))
    moved = incident.reports.filter(pk__in=report_ids)
    count = moved.update(
        incident=target,
        manual=True,
        unassigned_reason="" if target else UnassignedReason.DETACHED,
    )
    if not count:
        raise ApplicationError(_("Choose at least one report of this incident."), code="empty")
    incident.pinned = True
    incident.save(update_fields=["pinned", "updated_at"])
    event_record(
        incident,
        EventKind.REPORTS_MOVED,
        actor=actor,
        details={
            "reports": sorted(report_ids),
            "moved": count,
            "to": target.pk if target else None,
        },
    )
    return count


@transaction.atomic
def incident_element_move(*, incident: Incident, actor, level: str, element_id: int) -> Incident:
    """Put the incident on another network element (the dispatcher knows better)."""
    incident = _locked(incident)
    _require_active(incident)
    if level == Level.SUBSTATION:
        sub = Substation.objects.select_related("feeder").filter(pk=element_id).first()
        if sub is None:
            raise ApplicationError(_("No such substation."), code="element")
        centre_id, feeder_id, substation_id, district_id = (
            sub.feeder.power_centre_id,
            sub.feeder_id,
            sub.pk,
            sub.district_id,
        )
        branch_id = sub.branch_id
    elif level == Level.FEEDER:
        feeder = Feeder.objects.filter(pk=element_id).first()
        if feeder is None:
            raise ApplicationError(_("No such feeder."), code="element")
        centre_id, feeder_id, substation_id, district_id = (
            feeder.power_centre_id,
            feeder.pk,
            None,
            feeder.district_id,
        )
        branch_id = feeder.branch_id
    elif level == Level.POWER_CENTRE:
        centre = PowerCentre.objects.filter(pk=element_id).first()
        if centre is None:
            raise ApplicationError(_("No such power centre."), code="element")
        centre_id, feeder_id, substation_id, district_id = centre.pk, None, None, centre.district_id
        branch_id = centre.branch_id
    else:
        raise ApplicationError(_("Choose a network level."), code="level")
    if branch_id != incident.branch_id:
        raise ApplicationError(_("The element belongs to another branch."), code="element")
    before = str(incident.element)
    incident.level = level
    incident.power_centre_id, incident.feeder_id, incident.substation_id = (
        centre_id,
        feeder_id,
        substation_id,
    )
    incident.district_id = district_id or incident.district_id
    incident.pinned = True
    incident.save()
    coverage_set(
        incident=incident, substation_ids=topology_for_centre(centre_id).subtree(level, element_id)
    )
    incident.refresh_from_db()
    event_record(
        incident,
        EventKind.ELEMENT_MOVED,
        actor=actor,
        text=f"{before} → {incident.element}",
    )
    return incident


@transaction.atomic
def incident_update(
    *,
    incident: Incident,
    actor,
    cause: str | None = None,
    etr: dt.datetime | None = None,
    crew_status: str | None = None,
    public_message: str | None = None,
    now: dt.datetime | None = None,
) -> Incident:
    """Set what the public sees: cause, estimated restoration, crew status, message."""
    now = now or timezone.now()
    incident = _locked(incident)
    _require_active(incident)
    etr_changed = False
    if cause is not None and cause != incident.cause:
        incident.cause = cause
        event_record(
            incident,
            EventKind.CAUSE,
            actor=actor,
            details={"cause": cause},
            at=now,
        )
    if etr is not None and etr != incident.etr:
        if etr <= now:
            raise ApplicationError(
                _("The estimated restoration time must be in the future."), code="etr"
            )
        incident.etr = etr
        incident.etr_updated_at = now
        incident.first_etr = incident.first_etr or etr
        etr_changed = True
        event = event_record(incident, EventKind.ETR, actor=actor, etr=etr, at=now)
    if crew_status is not None and crew_status != incident.crew_status:
        incident.crew_status = crew_status
        event_record(
            incident,
            EventKind.CREW,
            actor=actor,
            details={"crew_status": crew_status},
            at=now,
        )
    if public_message is not None and public_message.strip() != incident.public_message:
        incident.public_message = public_message.strip()[:1000]
        event_record(incident, EventKind.MESSAGE, actor=actor, text=incident.public_message, at=now)
    incident.save()
    if etr_changed and incident.status == IncidentStatus.CONFIRMED:
        subscribers_notify(
            event_key=f"outage:{incident.pk}:etr:{event.pk}",
            substation_ids=live_substations(incident),
            template="etr_changed",
            context=incident_context(incident),
        )
    return incident


@transaction.atomic
def incident_step_restore(
    *, incident: Incident, actor, substation_ids: list[int], now: dt.datetime | None = None
) -> Incident:
    """Part of the area is back: mark these substations restored (the rest stays out)."""
    now = now or timezone.now()
    incident = _locked(incident)
    _require_active(incident)
    rows = incident.coverage.filter(substation_id__in=substation_ids, restored_at__isnull=True)
    restored = list(rows.values_list("substation_id", flat=True))
    if not restored:
        raise ApplicationError(_("Choose substations that are still out."), code="empty")
    rows.update(restored_at=now)
    customers_refresh(incident)
    names = ", ".join(Substation.objects.filter(pk__in=restored).values_list("name", flat=True))
    event = event_record(
        incident,
        EventKind.STEP_RESTORED,
        actor=actor,
        text=names,
        details={"substations": restored, "customers_out": incident.customers_out},
        at=now,
    )
    context = incident_context(incident) | {"restored_at": now.isoformat(), "partial": True}
    subscribers_notify(
        event_key=f"outage:{incident.pk}:restored:{event.pk}",
        substation_ids=restored,
        template="restored",
        context=context,
        service_event=ServiceEventKind.POWER_RESTORED,
    )
    if not incident.coverage.filter(restored_at__isnull=True).exists():
        return incident_restore(incident=incident, actor=actor, now=now)
    return incident


@transaction.atomic
def incident_restore(
    *, incident: Incident, actor, now: dt.datetime | None = None, reason: str = ""
) -> Incident:
    """Power is back everywhere the incident covered; it goes to the archive."""
    now = now or timezone.now()
    incident = _locked(incident)
    if incident.status != IncidentStatus.CONFIRMED:
        raise ApplicationError(_("Only a confirmed incident can be restored."), code="status")
    live = live_substations(incident)
    incident.coverage.filter(restored_at__isnull=True).update(restored_at=now)
    incident.status = IncidentStatus.RESTORED
    incident.restored_at = now
    incident.save(update_fields=["status", "restored_at", "updated_at"])
    customers_refresh(incident)
    event_record(incident, EventKind.RESTORED, actor=actor, at=now, text=reason[:500])
    if live:
        subscribers_notify(
            event_key=f"outage:{incident.pk}:restored",
            substation_ids=live,
            template="restored",
            context=incident_context(incident),
            service_event=ServiceEventKind.POWER_RESTORED,
        )
    return incident
