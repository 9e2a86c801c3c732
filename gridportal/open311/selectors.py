"""Reads of the Open311 edge: where a request is, and what the public may see of requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from gridportal.grid.models import ServiceAddress
from gridportal.grid.search import address_search
from gridportal.outages.choices import IncidentStatus, UnassignedReason
from gridportal.outages.models import IncidentSubstation
from gridportal.outages.services import local_text

from .catalogue import SERVICES
from .choices import RequestStatus
from .geo import bounding_box, coarse, distance_m, mask_contacts, w3c
from .models import ServiceRequest

NEAREST_RADIUS_M = 300
MAX_REQUESTS = 1000
DEFAULT_SPAN = dt.timedelta(days=90)
CLOSED_INCIDENT = (IncidentStatus.RESTORED, IncidentStatus.REJECTED)

_ADDRESS_RELATED = ("branch", "district", "street__settlement", "substation")


# --- where is it? -----------------------------------------------------------------------


def address_by_id(address_id: int) -> ServiceAddress | None:
    return ServiceAddress.objects.select_related(*_ADDRESS_RELATED).filter(pk=address_id).first()


def address_by_text(text: str) -> ServiceAddress | None:
    """The best hit of the portal's own address search."""
    hits = address_search(query=text, limit=1)
    return hits[0] if hits else None


def address_nearest(
    *, lat: float, lon: float, radius_m: float = NEAREST_RADIUS_M
) -> ServiceAddress | None:
    """The service address nearest to a point, if one lies within radius_m."""
    south, north, west, east = bounding_box(lat, lon, radius_m)
    rows = ServiceAddress.objects.filter(
        latitude__gte=south,
        latitude__lte=north,
        longitude__gte=west,
        longitude__lte=east,
    ).values_list("id", "latitude", "longitude")
    best = min(
        ((distance_m(lat, lon, a_lat, a_lon), pk) for pk, a_lat, a_lon in rows.iterator()),
        default=None,
    )
    if best is None or best[0] > radius_m:
        return None
    return address_by_id(best[1])


# --- what may the public see? -------------------------------------------------------------


def _closed_q() -> Q:
    step_restored = IncidentSubstation.objects.filter(
        incident_id=OuterRef("report__incident_id"),
        substation_id=OuterRef("report__substation_id"),
        restored_at__isnull=False,
    )
    return (
        Q(report__unassigned_reason=UnassignedReason.CLOSED)
        | Q(report__incident__status__in=CLOSED_INCIDENT)
        | Q(
            report__incident__status=IncidentStatus.MERGED,
            report__incident__merged_into__status__in=CLOSED_INCIDENT,
        )
        | Q(Exists(step_restored))
    )


def _base_queryset():
    return ServiceRequest.objects.select_related(
        "report__branch",
        "report__address__district",
        "report__address__street__settlement",
        "report__incident__merged_into",
    )


@dataclass(frozen=True)
class RequestQuery:
    ids: tuple[int, ...] = ()
    service_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: dt.datetime | None = None
    end: dt.datetime | None = None


def requests_list(*, query: RequestQuery, now: dt.datetime) -> list[dict]:
    """Open311 requests, newest first, at most MAX_REQUESTS; ids override every other filter."""
    qs = _base_queryset()
    if query.ids:
        qs = qs.filter(report_id__in=query.ids)
    else:
        end = query.end or (query.start + DEFAULT_SPAN if query.start else now)
        start = query.start or end - DEFAULT_SPAN
        qs = qs.filter(report__created_at__gte=start, report__created_at__lte=end)
        if query.service_codes:
            qs = qs.filter(service_code__in=query.service_codes)
        statuses = set(query.statuses)
        if statuses == {RequestStatus.CLOSED}:
            qs = qs.filter(_closed_q())
        elif statuses == {RequestStatus.OPEN}:
            qs = qs.exclude(_closed_q())
    rows = list(qs.order_by("-report__created_at", "-report_id")[:MAX_REQUESTS])
    return _as_dicts(rows)


def request_get(*, request_id) -> dict | None:
    try:
        pk = int(str(request_id))
    except ValueError:
        return None
    rows = list(_base_queryset().filter(report_id=pk))
    return _as_dicts(rows)[0] if rows else None


def _restored_steps(rows) -> dict[tuple[int, int], dt.datetime]:
    pairs = {
        (r.report.incident_id, r.report.substation_id)
        for r in rows
        if r.report.incident_id and r.report.substation_id
    }
    if not pairs:
        return {}
    found = IncidentSubstation.objects.filter(
        incident_id__in={p[0] for p in pairs},
        substation_id__in={p[1] for p in pairs},
        restored_at__isnull=False,
    ).values_list("incident_id", "substation_id", "restored_at")
    return {(i, s): at for i, s, at in found if (i, s) in pairs}


def _as_dicts(rows) -> list[dict]:
    steps = _restored_steps(rows)
    return [request_as_dict(r, steps) for r in rows]


def request_state(row: ServiceRequest, steps: dict) -> tuple[str, str, dt.datetime | None]:
    """(status, status_notes, expected_datetime) as the public may see them."""
    report = row.report
    incident = report.incident
    if incident is not None and incident.status == IncidentStatus.MERGED and incident.merged_into:
        incident = incident.merged_into
    tz_name = report.branch.timezone
    if report.unassigned_reason == UnassignedReason.CLOSED or (
        incident is not None and incident.status == IncidentStatus.REJECTED
    ):
        return (
            RequestStatus.CLOSED,
            _(
                "The dispatcher found no outage on the network here. "
                "If there is still no power, please call the hotline."
            ),
            None,
        )
    if incident is None:
        return RequestStatus.OPEN, _("Received; the dispatcher will check it."), None
    restored_at = steps.get((report.incident_id, report.substation_id))
    if incident.status == IncidentStatus.RESTORED:
        restored_at = incident.restored_at
    if restored_at is not None:
        return (
            RequestStatus.CLOSED,
            _("Power was restored at {time}.").format(time=local_text(restored_at, tz_name)),
            None,
        )
    if incident.status == IncidentStatus.CONFIRMED:
        if incident.etr:
            notes = _("Outage confirmed, crews are working. Expected restoration: {time}.").format(
                time=local_text(incident.etr, tz_name)
            )
        else:
            notes = _("Outage confirmed, crews are working. The restoration time is being set.")
        return RequestStatus.OPEN, notes, incident.etr
    return (
        RequestStatus.OPEN,
        _("Other reports nearby point to the same fault; the dispatcher is checking it."),
        None,
    )


def public_address(report) -> str:
    """Settlement and street, never the house of a private person; else the district."""
    address = report.address
    if address is not None and address.street_id:
        street = address.street
        return f"{street.settlement.label}, {street}"
    return str(address.district) if address is not None and address.district_id else ""


def _point(report) -> tuple[float | None, float | None]:
    address = report.address
    if address.latitude is not None and address.longitude is not None:
        return coarse(address.latitude), coarse(address.longitude)
    settlement = address.street.settlement
    return coarse(settlement.latitude), coarse(settlement.longitude)


def request_as_dict(row: ServiceRequest, steps: dict) -> dict:
    """One request as GeoReport v2 shows it: no name, phone, e-mail or exact house."""
    report = row.report
    status, notes, expected = request_state(row, steps)
    service = SERVICES[row.service_code]
    updated = report.created_at
    if report.incident is not None and report.incident.updated_at > updated:
        updated = report.incident.updated_at
    lat, lon = _point(report)
    return {
        "service_request_id": report.number,
        "status": str(status),
        "status_notes": str(notes),
        "service_name": str(service.name),
        "service_code": service.code,
        "description": mask_contacts(report.comment),
        "agency_responsible": report.branch.display_name,
        "service_notice": "",
        "requested_datetime": w3c(report.created_at),
        "updated_datetime": w3c(updated),
        "expected_datetime": w3c(expected),
        "address": public_address(report),
        "address_id": None,
        "zipcode": None,
        "lat": lat,
        "long": lon,
        "media_url": None,
    }
