"""Writes of the hotline: report intake, the roll-up applied to the database, dispatcher actions."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

import phonenumbers
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.grid.models import Feeder, PowerCentre, ServiceAddress, Substation

from .choices import (
    CallbackStatus,
    Channel,
    EventKind,
    IncidentStatus,
    Level,
    Problem,
    RuleKey,
    UnassignedReason,
)
from .models import Incident, IncidentEvent, IncidentSubstation, OutageReport, PlannedOutage
from .rollup import HeldIncident, ReportIn, RollupRules, SubstationNode, Topology, rollup
from .rules import rule_values

logger = logging.getLogger(__name__)

STILL_OUT_SALT = "outages.still-out"
STILL_OUT_MAX_AGE = 7 * 24 * 3600
TOPOLOGY_TTL = 300


# --- contacts, limits ---------------------------------------------------------


def phone_normalize(raw: str) -> str:
    """E.164 form of a Russian or international phone number; ApplicationError if it is not one."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, "RU")
    except phonenumbers.NumberParseException as error:
        raise ApplicationError(
            _("Enter a phone number like +7 900 123-45-67."), code="phone"
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ApplicationError(_("Enter a phone number like +7 900 123-45-67."), code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _contact_key(*, phone: str, email: str, ip_address: str | None) -> str:
    if phone:
        return f"tel:{phone}"
    if email:
        return f"mail:{email.strip().lower()}"
    if ip_address:
        return f"ip:{ip_address}"
    return ""


RATE_LIMITED_MESSAGE = _(
    "Too many reports were sent from here in the last hour. If you are in danger call 112; "
    "otherwise please call the hotline or try again later."
)


def _limit_hit(kind: str, value: str, limit: int, now: dt.datetime) -> bool:
    """Count one attempt in this hour's bucket; True when the limit is passed."""
    key = f"outages:rl:{kind}:{value}:{now:%Y%m%d%H}"
    cache.add(key, 0, 3700)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, 3700)
        count = 1
    return count > limit


def _check_limits(*, channel, contact_key, address_id, values, now) -> None:
    if channel == Channel.PHONE:
        return  # operators type in calls; their office IP is not a flood
    message = RATE_LIMITED_MESSAGE
    personal = contact_key and not contact_key.startswith("ip:")
    if personal and _limit_hit(
        "contact", contact_key, int(values[RuleKey.LIMIT_PER_PHONE_HOUR]), now
    ):
        raise ApplicationError(message, code="rate_limited")
    if _limit_hit("address", str(address_id), int(values[RuleKey.LIMIT_PER_ADDRESS_HOUR]), now):
        raise ApplicationError(
            _(
                "We already have many reports from this address and are working on them. "
                "There is no need to report it again."
            ),
            code="rate_limited",
        )


# --- report intake ------------------------------------------------------------


@dataclass
class ReportReceipt:
    report: OutageReport
    duplicate: bool
    incident: Incident | None  # a confirmed incident already covering the address


@transaction.atomic
def report_submit(
    *,
    address: ServiceAddress,
    problem: str,
    channel: str,
    phone: str = "",
    email: str = "",
    comment: str = "",
    ip_address: str | None = None,
    consent=None,
    created_by=None,
    callback_requested: bool = False,
    now: dt.datetime | None = None,
) -> ReportReceipt:
    """Accept a report: recognize repeats, apply limits, persist, roll it up onto the network."""
    now = now or timezone.now()
    if problem not in Problem.values:
        raise ApplicationError(_("Choose what is wrong with the power."), code="problem")
    values = rule_values(now.date())
    phone = phone_normalize(phone)
    email = (email or "").strip().lower()
    contact_key = _contact_key(phone=phone, email=email, ip_address=ip_address)

    if (
        ip_address
        and channel != Channel.PHONE
        and _limit_hit("ip", ip_address, int(values[RuleKey.LIMIT_PER_IP_HOUR]), now)
    ):
        raise ApplicationError(RATE_LIMITED_MESSAGE, code="rate_limited")

    if contact_key:
        window = dt.timedelta(minutes=int(values[RuleKey.DUPLICATE_WINDOW_MINUTES]))
        earlier = (
            OutageReport.objects.filter(
                address=address, contact_key=contact_key, created_at__gte=now - window
            )
            .order_by("-created_at")
            .first()
        )
        if earlier is not None:
            OutageReport.objects.filter(pk=earlier.pk).update(repeat_count=F("repeat_count") + 1)
            earlier.refresh_from_db()
            return ReportReceipt(earlier, True, _covering_incident(earlier))

    _check_limits(
        channel=channel,
        contact_key=contact_key,
        address_id=address.pk,
        values=values,
        now=now,
    )
    report = OutageReport.objects.create(
        created_at=now,
        address=address,
        branch_id=address.branch_id,
        substation_id=address.substation_id,
        problem=problem,
        urgent=problem == Problem.HAZARD,
        channel=channel,
        phone=phone,
        email=email,
        contact_key=contact_key,
        comment=(comment or "")[:1000],
        ip_address=ip_address,
        consent=consent,
        created_by=created_by,
        callback_status=CallbackStatus.PENDING if callback_requested else CallbackStatus.NONE,
        callback_due_at=(
            now + dt.timedelta(hours=float(values[RuleKey.CALLBACK_HOURS]))
            if callback_requested
            else None
        ),
        unassigned_reason=(
            UnassignedReason.NOT_ON_NETWORK if address.substation_id is None else ""
        ),
    )
    if address.substation_id is not None:
        centre_id = (
            Substation.objects.filter(pk=address.substation_id)
            .values_list("feeder__power_centre_id", flat=True)
            .first()
        )
        rollup_apply(power_centre_id=centre_id, now=now)
        report.refresh_from_db()
    return ReportReceipt(report, False, _covering_incident(report))


def _covering_incident(report: OutageReport) -> Incident | None:
    if report.substation_id is None:
        return None
    return (
        Incident.objects.filter(
            status=IncidentStatus.CONFIRMED,
            coverage__substation_id=report.substation_id,
            coverage__restored_at__isnull=True,
        )
        .order_by("id")
        .first()
    )


# --- the roll-up applied to the database ----------------------------------------


def topology_for_centre(power_centre_id: int) -> Topology:
    """One power centre's feeders and substations with their customers (cached briefly)."""
    key = f"outages:topology:{power_centre_id}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    feeders = dict(
        Feeder.objects.filter(power_centre_id=power_centre_id).values_list("id", "power_centre_id")
    )
    rows = (
        Substation.objects.filter(feeder__power_centre_id=power_centre_id)
        .annotate(customers=Coalesce(Sum("addresses__customer_count"), 0))
        .values_list("id", "feeder_id", "customers")
    )
    topology = Topology.build(
        substations=[SubstationNode(pk, feeder_id, customers) for pk, feeder_id, customers in rows],
        feeder_centre=feeders,
    )
    cache.set(key, topology, TOPOLOGY_TTL)
    return topology


def _element_id(incident: Incident) -> int:
    return {
        Level.SUBSTATION: incident.substation_id,
        Level.FEEDER: incident.feeder_id,
        Level.POWER_CENTRE: incident.power_centre_id,
    }[incident.level]


def _coverage_set(*, incident: Incident, substation_ids, topology: Topology | None = None) -> None:
    """Make the incident cover exactly these substations (keeping restoration marks)."""
    wanted = set(substation_ids)
    current = set(incident.coverage.values_list("substation_id", flat=True))
    if wanted != current:
        incident.coverage.filter(substation_id__in=current - wanted).delete()
        if topology is None:
            customers = dict(
                Substation.objects.filter(pk__in=wanted - current)
                .annotate(c=Coalesce(Sum("addresses__customer_count"), 0))
                .values_list("id", "c")
            )
        else:
            customers = {s: topology.substations[s].customers for s in wanted - current}
        IncidentSubstation.objects.bulk_create(
            [
                IncidentSubstation(
                    incident=incident, substation_id=s, customers=customers.get(s, 0)
                )
                for s in sorted(wanted - current)
            ]
        )
    _customers_refresh(incident)


def _customers_refresh(incident: Incident) -> None:
    total = incident.coverage.aggregate(n=Coalesce(Sum("customers"), 0))["n"]
    out = incident.coverage.filter(restored_at__isnull=True).aggregate(
        n=Coalesce(Sum("customers"), 0)
    )["n"]
    Incident.objects.filter(pk=incident.pk).update(customers_affected=total, customers_out=out)
    incident.customers_affected, incident.customers_out = total, out


def _event(incident, kind, *, actor=None, public=None, etr=None, text="", details=None, at=None):
    from .choices import PUBLIC_EVENTS

    return IncidentEvent.objects.create(
        incident=incident,
        at=at or timezone.now(),
        actor=actor,
        kind=kind,
        public=(kind in PUBLIC_EVENTS) if public is None else public,
        etr=etr,
        text=str(text)[:1000],
        details=details or {},
    )


@transaction.atomic
def rollup_apply(*, power_centre_id: int, now: dt.datetime | None = None) -> None:
    """Re-run the roll-up over one power centre and write the difference to the database."""
    now = now or timezone.now()
    centre = PowerCentre.objects.select_for_update().get(pk=power_centre_id)
    values = rule_values(now.date())
    topology = topology_for_centre(power_centre_id)
    substation_ids = list(topology.substations)
    window = dt.timedelta(minutes=int(values[RuleKey.ROLLUP_WINDOW_MINUTES]))

    held_rows = (
        IncidentSubstation.objects.filter(
            substation_id__in=substation_ids,
            restored_at__isnull=True,
            incident__status__in=(IncidentStatus.PREDICTED, IncidentStatus.CONFIRMED),
        )
        .filter(Q(incident__status=IncidentStatus.CONFIRMED) | Q(incident__pinned=True))
        .values_list("incident_id", "incident__level", "substation_id")
    )
    held_map: dict[int, tuple[str, set[int]]] = {}
    for incident_id, level, substation_id in held_rows:
        held_map.setdefault(incident_id, (level, set()))[1].add(substation_id)
    held = [HeldIncident(i, lvl, 0, frozenset(subs)) for i, (lvl, subs) in held_map.items()]

    rows = list(
        OutageReport.objects.filter(
            substation_id__in=substation_ids, created_at__gte=now - window, manual=False
        )
        .filter(
            Q(incident__isnull=True, unassigned_reason__in=["", UnassignedReason.BELOW_THRESHOLD])
            | Q(incident__status=IncidentStatus.PREDICTED, incident__pinned=False)
        )
        .values_list(
            "id",
            "substation_id",
            "urgent",
            "incident_id",
            "unassigned_reason",
            "created_at",
            "channel",
        )
    )
    # Danger, and «still without power» after a restoration (a likely nested fault),
    # are enough on their own to predict an outage of the substation.
    result = rollup(
        topology=topology,
        reports=[ReportIn(r[0], r[1], r[2] or r[6] == Channel.CALLBACK) for r in rows],
        held=held,
        rules=RollupRules.from_values(values),
    )
    current = {r[0]: (r[3], r[4]) for r in rows}
    created_at = {r[0]: r[5] for r in rows}

    existing: dict[tuple[str, int], Incident] = {}
    spare: list[Incident] = []
    for incident in Incident.objects.filter(
        power_centre_id=power_centre_id, status=IncidentStatus.PREDICTED, pinned=False
    ).order_by("id"):
        key = (incident.level, _element_id(incident))
        if key in existing:
            spare.append(incident)
        else:
            existing[key] = incident

    desired: dict[int, tuple[int | None, str]] = {}
    new_homes: dict[int, Incident] = {}
    for prediction in result.predictions:
        incident = existing.pop(prediction.key, None)
        if incident is None:
            incident = _prediction_create(centre, topology, prediction, created_at)
            earlier = {current[r][0] for r in prediction.report_ids if current[r][0]}
            _event(
                incident,
                EventKind.MOVED_UP if earlier else EventKind.PREDICTED,
                at=now,
                text=_("{n} reports").format(n=len(prediction.report_ids)),
                details={"reports": len(prediction.report_ids), "from": sorted(earlier)},
            )
            # A prediction on the same element keeps its area; only a new one needs it written.
            _coverage_set(
                incident=incident, substation_ids=prediction.substation_ids, topology=topology
            )
        new_homes[incident.pk] = incident
        for report_id in prediction.report_ids:
            desired[report_id] = (incident.pk, "")
    for report_id, incident_id in result.absorbed.items():
        desired[report_id] = (incident_id, "")
    for report_id, reason in result.unassigned.items():
        desired[report_id] = (None, reason)

    changes: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    for report_id, target in desired.items():
        if current.get(report_id) != target:
            changes[target].append(report_id)
    for (incident_id, reason), report_ids in changes.items():
        OutageReport.objects.filter(pk__in=report_ids).update(
            incident_id=incident_id, unassigned_reason=reason
        )

    # Predictions that no longer explain any report were absorbed by a higher one.
    for incident in list(existing.values()) + spare:
        if incident.reports.exists():
            continue
        home = next(
            (
                h
                for h in new_homes.values()
                if h.coverage.filter(
                    substation_id__in=incident.coverage.values("substation_id")
                ).exists()
            ),
            None,
        )
        incident.status = IncidentStatus.MERGED if home else IncidentStatus.REJECTED
        incident.merged_into = home
        incident.save(update_fields=["status", "merged_into", "updated_at"])
        _event(incident, EventKind.MERGED if home else EventKind.REJECTED, at=now)


def _prediction_create(centre, topology, prediction, created_at) -> Incident:
    feeder_id = substation_id = None
    district_id = centre.district_id
    if prediction.level == Level.SUBSTATION:
        substation_id = prediction.element_id
        feeder_id = topology.substations[substation_id].feeder_id
        district_id = (
            Substation.objects.filter(pk=substation_id)
            .values_list("district_id", flat=True)
            .first()
            or district_id
        )
    elif prediction.level == Level.FEEDER:
        feeder_id = prediction.element_id
        district_id = (
            Feeder.objects.filter(pk=feeder_id).values_list("district_id", flat=True).first()
            or district_id
        )
    started = min((created_at[r] for r in prediction.report_ids), default=timezone.now())
    return Incident.objects.create(
        branch_id=centre.branch_id,
        district_id=district_id,
        level=prediction.level,
        power_centre=centre,
        feeder_id=feeder_id,
        substation_id=substation_id,
        status=IncidentStatus.PREDICTED,
        started_at=started,
    )


# --- notifications (the notifications module delivers) ------------------------------


def _dispatch(*, event_key: str, substation_ids, template: str, context: dict) -> None:
    address_ids = list(
        ServiceAddress.objects.filter(substation_id__in=list(substation_ids)).values_list(
            "id", flat=True
        )
    )
    if not address_ids:
        return

    def send():
        try:
            from gridportal.notifications.services import notification_dispatch
        except ImportError:
            logger.error(
                "outages: gridportal.notifications.services.notification_dispatch is missing; "
                "%s for %d addresses was not queued",
                event_key,
                len(address_ids),
            )
            return
        notification_dispatch(
            event_key=event_key,
            address_ids=address_ids,
            template=f"outages/notifications/{template}",
            context=context,
        )

    transaction.on_commit(send)


def local_text(value: dt.datetime | None, tz_name: str = "Europe/Moscow") -> str:
    """A time as people read it in the branch's time zone, language-neutral (26.11.2026 18:00)."""
    if value is None:
        return ""
    return value.astimezone(zoneinfo.ZoneInfo(tz_name)).strftime("%d.%m.%Y %H:%M")


def _incident_context(incident: Incident) -> dict:
    tz_name = incident.branch.timezone
    return {
        "etr_text": local_text(incident.etr, tz_name),
        "started_text": local_text(incident.started_at, tz_name),
        "incident_id": incident.pk,
        "incident_number": incident.number,
        "cause": incident.get_cause_display(),
        "etr": incident.etr,
        "started_at": incident.started_at,
        "restored_at": incident.restored_at,
        "public_message": incident.public_message,
        "still_out_token": still_out_token(incident=incident),
    }


def still_out_token(*, incident: Incident) -> str:
    return signing.dumps(incident.pk, salt=STILL_OUT_SALT)


def _live_substations(incident: Incident) -> list[int]:
    return list(
        incident.coverage.filter(restored_at__isnull=True).values_list("substation_id", flat=True)
    )


# --- dispatcher actions -------------------------------------------------------------


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
    _event(incident, EventKind.CONFIRMED, actor=actor, at=now)
    rollup_apply(power_centre_id=incident.power_centre_id, now=now)
    _dispatch(
        event_key=f"outage:{incident.pk}:started",
        substation_ids=_live_substations(incident),
        template="outage_started",
        context=_incident_context(incident),
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
    _event(incident, EventKind.REJECTED, actor=actor, text=reason)
    return incident


@transaction.atomic
def incident_merge(*, target: Incident, sources: list[Incident], actor) -> Incident:
    """Fold other incidents into one: their reports and area move to the target."""
    target = _locked(target)
    _require_active(target)
    for source in sources:
        source = _locked(source)
        if source.pk == target.pk:
            continue
        _require_active(source)
        if source.branch_id != target.branch_id:
            raise ApplicationError(_("Incidents of different branches cannot be merged."))
        live = set(_live_substations(source))
        source.reports.update(incident=target)
        source.status = IncidentStatus.MERGED
        source.merged_into = target
        source.save(update_fields=["status", "merged_into", "updated_at"])
        _event(source, EventKind.MERGED, actor=actor, details={"into": target.pk})
        covered = set(target.coverage.values_list("substation_id", flat=True))
        _coverage_set(incident=target, substation_ids=covered | live)
        target.started_at = min(target.started_at, source.started_at)
        _event(target, EventKind.MERGED, actor=actor, details={"from": source.pk})
    target.pinned = True
    target.save(update_fields=["pinned", "started_at", "updated_at"])
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
    _event(
        incident,
        EventKind.REPORTS_MOVED,
        actor=actor,
        text=_("{n} reports moved").format(n=count),
        details={"reports": sorted(report_ids), "to": target.pk if target else None},
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
    _coverage_set(
        incident=incident, substation_ids=topology_for_centre(centre_id).subtree(level, element_id)
    )
    incident.refresh_from_db()
    _event(
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
        _event(
            incident,
            EventKind.CAUSE,
            actor=actor,
            text=incident.get_cause_display(),
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
        event = _event(incident, EventKind.ETR, actor=actor, etr=etr, at=now)
    if crew_status is not None and crew_status != incident.crew_status:
        incident.crew_status = crew_status
        _event(
            incident,
            EventKind.CREW,
            actor=actor,
            text=incident.get_crew_status_display(),
            details={"crew_status": crew_status},
            at=now,
        )
    if public_message is not None and public_message.strip() != incident.public_message:
        incident.public_message = public_message.strip()[:1000]
        _event(incident, EventKind.MESSAGE, actor=actor, text=incident.public_message, at=now)
    incident.save()
    if etr_changed and incident.status == IncidentStatus.CONFIRMED:
        _dispatch(
            event_key=f"outage:{incident.pk}:etr:{event.pk}",
            substation_ids=_live_substations(incident),
            template="etr_changed",
            context=_incident_context(incident),
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
    _customers_refresh(incident)
    names = ", ".join(Substation.objects.filter(pk__in=restored).values_list("name", flat=True))
    event = _event(
        incident,
        EventKind.STEP_RESTORED,
        actor=actor,
        text=names,
        details={"substations": restored, "customers_out": incident.customers_out},
        at=now,
    )
    context = _incident_context(incident) | {"restored_at": now.isoformat(), "partial": True}
    _dispatch(
        event_key=f"outage:{incident.pk}:restored:{event.pk}",
        substation_ids=restored,
        template="restored",
        context=context,
    )
    if not incident.coverage.filter(restored_at__isnull=True).exists():
        return incident_restore(incident=incident, actor=actor, now=now)
    return incident


@transaction.atomic
def incident_restore(*, incident: Incident, actor, now: dt.datetime | None = None) -> Incident:
    """Power is back everywhere the incident covered; it goes to the archive."""
    now = now or timezone.now()
    incident = _locked(incident)
    if incident.status != IncidentStatus.CONFIRMED:
        raise ApplicationError(_("Only a confirmed incident can be restored."), code="status")
    live = _live_substations(incident)
    incident.coverage.filter(restored_at__isnull=True).update(restored_at=now)
    incident.status = IncidentStatus.RESTORED
    incident.restored_at = now
    incident.save(update_fields=["status", "restored_at", "updated_at"])
    _customers_refresh(incident)
    _event(incident, EventKind.RESTORED, actor=actor, at=now)
    if live:
        _dispatch(
            event_key=f"outage:{incident.pk}:restored",
            substation_ids=live,
            template="restored",
            context=_incident_context(incident),
        )
    return incident


# --- «still without power?» -------------------------------------------------------------


def still_out_report(
    *, address_id: int, token: str, ip_address: str | None = None
) -> ReportReceipt:
    """The link in the «restored» message: the address is still out, possibly a nested fault."""
    try:
        incident_id = signing.loads(token, salt=STILL_OUT_SALT, max_age=STILL_OUT_MAX_AGE)
    except signing.BadSignature as error:
        raise ApplicationError(
            _("This link is not valid or has expired. Please report the outage on the form."),
            code="token",
        ) from error
    address = ServiceAddress.objects.filter(pk=address_id).first()
    if (
        address is None
        or not IncidentSubstation.objects.filter(
            incident_id=incident_id, substation_id=address.substation_id
        ).exists()
    ):
        raise ApplicationError(
            _("This link is not valid or has expired. Please report the outage on the form."),
            code="token",
        )
    return report_submit(
        address=address,
        problem=Problem.NO_POWER,
        channel=Channel.CALLBACK,
        ip_address=ip_address,
    )


# --- callbacks, personal data -------------------------------------------------------------


@transaction.atomic
def callback_complete(*, report: OutageReport, actor, request=None) -> OutageReport:
    """An operator called the customer back."""
    report = OutageReport.objects.select_for_update().get(pk=report.pk)
    if report.callback_status != CallbackStatus.PENDING:
        raise ApplicationError(_("This call needs no call back."), code="callback")
    report.callback_status = CallbackStatus.DONE
    report.callback_done_at = timezone.now()
    report.callback_by = actor
    report.save(update_fields=["callback_status", "callback_done_at", "callback_by"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        request=request,
        details={"callback": "done"},
    )
    return report


def report_contact_reveal(*, report: OutageReport, actor, request=None) -> dict:
    """A staff member opens a report's phone and e-mail; the access is audited."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=report,
        request=request,
        details={"fields": ["phone", "email"]},
    )
    return {"phone": report.phone, "email": report.email}


# --- planned works ----------------------------------------------------------------------


@transaction.atomic
def planned_outage_create(
    *,
    branch,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    reason: str,
    substations,
    district=None,
    settlement=None,
    area_description: str = "",
) -> PlannedOutage:
    """Publish planned work: when, why and which substations it switches off."""
    if ends_at <= starts_at:
        raise ApplicationError(_("Planned work must end after it starts."), code="dates")
    substations = list(substations)
    if not substations:
        raise ApplicationError(_("Choose the substations the work switches off."), code="empty")
    customers = ServiceAddress.objects.filter(substation__in=substations).aggregate(
        n=Coalesce(Sum("customer_count"), 0)
    )["n"]
    planned = PlannedOutage.objects.create(
        branch=branch,
        district=district,
        settlement=settlement,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=reason,
        area_description=area_description,
        customers_affected=customers,
    )
    planned.substations.set(substations)
    return planned


def planned_reminder_days() -> list[int]:
    values = rule_values()
    return sorted({int(values[RuleKey.PLANNED_NOTICE_DAYS]), 1}, reverse=True)


def planned_reminders_send(*, now: dt.datetime) -> int:
    """Queue reminders for planned work starting within each reminder horizon (N days, 1 day)."""
    queued = 0
    for days in planned_reminder_days():
        horizon = now + dt.timedelta(days=days)
        works = PlannedOutage.objects.filter(
            status="scheduled", starts_at__gt=now, starts_at__lte=horizon
        ).select_related("branch")
        for work in works:
            tz_name = work.branch.timezone
            _dispatch(
                event_key=f"planned:{work.pk}:{days}d",
                substation_ids=list(work.substations.values_list("pk", flat=True)),
                template="planned_reminder",
                context={
                    "planned_id": work.pk,
                    "reason": work.reason,
                    "starts_text": local_text(work.starts_at, tz_name),
                    "ends_text": local_text(work.ends_at, tz_name),
                    "days_before": days,
                },
            )
            queued += 1
    return queued


@transaction.atomic
def planned_outage_cancel(*, planned: PlannedOutage, actor) -> PlannedOutage:
    """Planned work will not happen; it stays in the calendar feeds as cancelled."""
    planned = PlannedOutage.objects.select_for_update().get(pk=planned.pk)
    if planned.status != "scheduled":
        raise ApplicationError(_("Only scheduled work can be cancelled."), code="status")
    planned.status = "cancelled"
    planned.save(update_fields=["status", "updated_at"])
    logger.info("planned outage %s cancelled by %s", planned.pk, actor)
    return planned
