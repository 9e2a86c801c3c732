"""The roll-up applied to the database: predictions, their areas and customers."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from gridportal.core import metrics
from gridportal.grid.models import Feeder, PowerCentre, Substation

from ..choices import (
    Channel,
    EventKind,
    IncidentStatus,
    Level,
    RuleKey,
    UnassignedReason,
)
from ..models import Incident, IncidentSubstation, OutageReport
from ..rollup import HeldIncident, ReportIn, RollupRules, SubstationNode, Topology, rollup
from ..rules import rule_values
from .events import event_record

TOPOLOGY_TTL = 300

logger = logging.getLogger(__name__)


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


def coverage_set(*, incident: Incident, substation_ids, topology: Topology | None = None) -> None:
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
    customers_refresh(incident)


def customers_refresh(incident: Incident) -> None:
    total = incident.coverage.aggregate(n=Coalesce(Sum("customers"), 0))["n"]
    out = incident.coverage.filter(restored_at__isnull=True).aggregate(
        n=Coalesce(Sum("customers"), 0)
    )["n"]
    Incident.objects.filter(pk=incident.pk).update(customers_affected=total, customers_out=out)
    incident.customers_affected, incident.customers_out = total, out


@transaction.atomic
def rollup_apply(*, power_centre_id: int, now: dt.datetime | None = None) -> int:
    """Re-run the roll-up over one power centre and write the difference to the database.

    Every report of the centre still waiting for its first roll-up takes part, however old
    (a worker that was down, the sweep), and is marked rolled up. Returns how many were.
    """
    started = time.perf_counter()
    now = now or timezone.now()
    centre = PowerCentre.objects.select_for_update().get(pk=power_centre_id)
    values = rule_values(timezone.localdate(now))
    topology = topology_for_centre(power_centre_id)
    substation_ids = list(topology.substations)
    window = dt.timedelta(minutes=int(values[RuleKey.ROLLUP_WINDOW_MINUTES]))
    # Read under the lock and before the reports: whatever commits later waits for the next run.
    waiting = dict(
        OutageReport.objects.filter(
            substation_id__in=substation_ids, rolled_up_at__isnull=True
        ).values_list("id", "created_at")
    )

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
        OutageReport.objects.filter(substation_id__in=substation_ids, manual=False)
        .filter(Q(created_at__gte=now - window) | Q(rolled_up_at__isnull=True))
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
            "channel",
        )
    )
    # Danger, and «still without power» after a restoration (a likely nested fault),
    # are enough on their own to predict an outage of the substation.
    result = rollup(
        topology=topology,
        reports=[ReportIn(r[0], r[1], r[2] or r[5] == Channel.CALLBACK) for r in rows],
        held=held,
        rules=RollupRules.from_values(values),
    )
    current = {r[0]: (r[3], r[4]) for r in rows}

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
            incident = _prediction_create(centre, topology, prediction)
            earlier = {current[r][0] for r in prediction.report_ids if current[r][0]}
            event_record(
                incident,
                EventKind.MOVED_UP if earlier else EventKind.PREDICTED,
                at=now,
                details={"reports": len(prediction.report_ids), "from": sorted(earlier)},
            )
            # A prediction on the same element keeps its area; only a new one needs it written.
            coverage_set(
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
    # A report's first roll-up is written together with its place: one new row version
    # (and one entry in each of the table's indexes) per report, not two.
    placed_now: set[int] = set()
    for (incident_id, reason), report_ids in changes.items():
        first = [r for r in report_ids if r in waiting]
        again = [r for r in report_ids if r not in waiting]
        if first:
            OutageReport.objects.filter(pk__in=first).update(
                incident_id=incident_id, unassigned_reason=reason, rolled_up_at=now
            )
            placed_now.update(first)
        if again:
            OutageReport.objects.filter(pk__in=again).update(
                incident_id=incident_id, unassigned_reason=reason
            )
    if changes:
        # Queryset updates send no signals: the storm answers are rebuilt from here.
        from ..storm.services import rebuild_request

        rebuild_request()

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
        event_record(incident, EventKind.MERGED if home else EventKind.REJECTED, at=now)

    if waiting:
        rest = [r for r in waiting if r not in placed_now]
        if rest:
            OutageReport.objects.filter(pk__in=rest).update(rolled_up_at=now)
        metrics.reports_rolled_up([(now - at).total_seconds() for at in waiting.values()])
    metrics.ROLLUP_SECONDS.observe(time.perf_counter() - started)
    return len(waiting)


def _prediction_create(centre, topology, prediction) -> Incident:
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
    # Read only for a new prediction: every run re-reads the centre's recent reports, and
    # their times (thousands in a storm) are the costliest column to load.
    started = (
        OutageReport.objects.filter(pk__in=prediction.report_ids).aggregate(
            first=Min("created_at")
        )["first"]
        or timezone.now()
    )
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
