"""Public reads of the hotline: incident pages, aggregates per branch and settlement, the feed."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Min, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gridportal.core.models import Branch
from gridportal.grid.models import SETTLEMENT_PREFIX, ServiceAddress

from ..choices import (
    PUBLIC_EVENTS,
    Cause,
    IncidentStatus,
    PlannedStatus,
    RuleKey,
)
from ..models import (
    Incident,
    PlannedOutage,
)
from ..rules import rule_values
from .lookup import PUBLIC_STATUSES


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


def etr_accuracy(*, branches) -> list[dict]:
    """Per branch: how often the first published estimate was met, and the other measures.

    Never from the last estimate alone: that one can be moved to «now» before restoring
    (outages/etr_accuracy.py).
    """
    from ..etr_accuracy import Tally
    from .etr import etr_tallies

    tallies, _districts = etr_tallies()
    result = []
    for branch in branches.order_by("name"):
        tally = tallies.get(branch.pk, Tally())
        result.append(
            {
                "branch": branch,
                "met": tally.met["first"],
                "total": tally.total["first"],
                "percent": tally.percent("first"),
                "etr": tally.as_dict(),
            }
        )
    return result


def branch_summary() -> list[dict]:
    """Per branch: the counts, and the share of first published estimates met (etr.py)."""
    from ..etr_accuracy import Tally
    from .etr import etr_tallies

    counts = branch_counts()
    tallies, _districts = etr_tallies()
    empty = {"incidents": 0, "customers_out": 0, "planned": 0}
    return [
        {
            "branch": branch,
            **counts.get(branch.pk, empty),
            "etr": tallies.get(branch.pk, Tally()).as_dict(),
            "estimates_met": tallies.get(branch.pk, Tally()).percent("first"),
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


def planned_places(works) -> dict[int, list[str]]:
    """Per planned work: its places (settlement: streets, house ranges) from the switched-off ТП."""
    from ..places import places_lines

    ids = [w.pk for w in works]
    if not ids:
        return {}
    rows: dict[int, list[tuple[str, str, str]]] = {pk: [] for pk in ids}
    for work_id, kind, name, street_kind, street, house in (
        ServiceAddress.objects.filter(substation__planned_outages__in=ids)
        .values_list(
            "substation__planned_outages",
            "street__settlement__kind",
            "street__settlement__name",
            "street__kind",
            "street__name",
            "house",
        )
        .order_by()
    ):
        if work_id in rows:
            settlement = f"{SETTLEMENT_PREFIX.get(kind, '')} {name}".strip()
            rows[work_id].append((settlement, f"{street_kind} {street}".strip(), house))
    return {pk: places_lines(found) for pk, found in rows.items()}


def planned_list(
    *,
    branch=None,
    district=None,
    settlement=None,
    day: dt.date | None = None,
    now=None,
    place: str = "",
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
    if place:
        # A settlement or street the work switches off (through the ТП that feed it).
        from gridportal.grid.addressing import fold

        fed = ServiceAddress.objects.filter(street__search_text__contains=fold(place)).values(
            "substation_id"
        )
        qs = qs.filter(
            Q(substations__in=fed)
            | Q(settlement__name__icontains=place)
            | Q(area_description__icontains=place)
        ).distinct()
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


def feed_items(*, branch: Branch | None = None) -> list[dict]:
    """Items of the public outage feed (fields documented in docs/outages.md)."""
    items = []
    for incident in feed_incidents(branch=branch):
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


def planned_points(works) -> list[dict]:
    """Map points of planned work (at the switched-off ТП), for the public map's own colour."""
    points = []
    seen = set()
    for work_id, _sub_id, lat, lon in (
        PlannedOutage.substations.through.objects.filter(plannedoutage_id__in=[w.pk for w in works])
        .values_list(
            "plannedoutage_id", "substation_id", "substation__latitude", "substation__longitude"
        )
        .order_by("plannedoutage_id", "substation_id")
    ):
        if lat is None or lon is None or work_id in seen:
            continue
        seen.add(work_id)
        work = next(w for w in works if w.pk == work_id)
        points.append(
            {
                "id": work_id,
                "lat": lat,
                "lon": lon,
                "starts_at": timezone.localtime(work.starts_at).strftime("%d.%m %H:%M"),
                "ends_at": timezone.localtime(work.ends_at).strftime("%d.%m %H:%M"),
                "reason": work.reason,
            }
        )
    return points
