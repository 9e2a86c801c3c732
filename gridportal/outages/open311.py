"""The hotline's Open311 services: outage and hazard reports through GeoReport v2 clients.

Registered with the Open311 protocol layer from OutagesConfig.ready(). A request is an
outage report taken by the same intake as the web form (consent, repeats, limits,
roll-up); its public view never shows a name, phone, e-mail or the exact house.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gridportal.core.intake import Origin
from gridportal.grid.models import ServiceAddress
from gridportal.open311.choices import RequestStatus
from gridportal.open311.geo import coarse, mask_contacts, w3c
from gridportal.open311.registry import Accepted, RequestIn, RequestQuery, Service

from .choices import Channel, IncidentStatus, Open311ServiceCode, Problem, UnassignedReason
from .models import IncidentSubstation, OutageReport
from .services import ReportReceipt, Submission, local_text, report_submit
from .wording import incident_status_text

CLOSED_INCIDENT = (IncidentStatus.RESTORED, IncidentStatus.REJECTED)


@dataclass(frozen=True)
class OutageService(Service):
    """An Open311 service of the hotline and the problem it reports."""

    problem: str = Problem.NO_POWER
    hazard: bool = False


def _service(code, problem, hazard, description, keywords) -> OutageService:
    return OutageService(
        code=code,
        name=Open311ServiceCode(code).label,
        description=description,
        group=gettext_lazy("Hazards") if hazard else gettext_lazy("Power outages"),
        keywords=keywords,
        problem=problem,
        hazard=hazard,
    )


SERVICES: dict[str, OutageService] = {
    s.code: s
    for s in (
        _service(
            Open311ServiceCode.NO_POWER,
            Problem.NO_POWER,
            False,
            gettext_lazy("There is no electricity at the address at all."),
            ("outage", "blackout", "power"),
        ),
        _service(
            Open311ServiceCode.PARTIAL_POWER,
            Problem.PARTIAL,
            False,
            gettext_lazy("Some sockets or one phase work, others do not."),
            ("outage", "phase", "power"),
        ),
        _service(
            Open311ServiceCode.VOLTAGE,
            Problem.LOW_VOLTAGE,
            False,
            gettext_lazy(
                "Lights dim or flicker, appliances do not start: low or unstable voltage."
            ),
            ("voltage", "flicker", "power quality"),
        ),
        _service(
            Open311ServiceCode.HAZARD_WIRE,
            Problem.HAZARD,
            True,
            gettext_lazy("A wire is broken, hanging low, lying on the ground or sparking."),
            ("hazard", "wire", "sparking"),
        ),
        _service(
            Open311ServiceCode.HAZARD_POLE,
            Problem.HAZARD,
            True,
            gettext_lazy("A power line pole is leaning, cracked or about to fall."),
            ("hazard", "pole"),
        ),
        _service(
            Open311ServiceCode.HAZARD_CABINET,
            Problem.HAZARD,
            True,
            gettext_lazy(
                "The door of a substation, switchgear or metering cabinet is open or broken."
            ),
            ("hazard", "substation", "cabinet", "door"),
        ),
        _service(
            Open311ServiceCode.HAZARD_TREE,
            Problem.HAZARD,
            True,
            gettext_lazy("A tree or a large branch lies on a power line or touches the wires."),
            ("hazard", "tree", "line"),
        ),
    )
}


def service_comment(service, description: str) -> str:
    """What the dispatcher reads: the hazard kind first, in the company's language."""
    description = (description or "").strip()
    if not service.hazard:
        return description
    with translation.override(settings.LANGUAGE_CODE):
        kind = str(service.name)
    return f"{kind}. {description}" if description else kind


class OutageReports:
    """The Open311 provider of the hotline."""

    services = tuple(SERVICES.values())

    @transaction.atomic
    def submit(self, *, request: RequestIn, origin: Origin) -> Accepted:
        service = SERVICES[request.service_code]
        receipt = report_submit(
            submission=Submission(
                address=request.address,
                problem=service.problem,
                phone=request.phone,
                email=request.email,
                comment=service_comment(service, request.description),
                consent_given=request.consent_given,
            ),
            origin=Origin(
                channel=Channel.OPEN311,
                ip_address=origin.ip_address,
                user_agent=origin.user_agent,
            ),
        )
        OutageReport.objects.filter(pk=receipt.report.pk, open311_service="").update(
            open311_service=service.code
        )
        return Accepted(
            service_request_id=receipt.report.number,
            notice=service_notice(receipt=receipt, address=request.address, hazard=service.hazard),
            duplicate=receipt.duplicate,
        )

    def requests(self, *, query: RequestQuery, now: dt.datetime, limit: int) -> list[dict]:
        return requests_list(query=query, now=now, limit=limit)

    def request(self, *, request_id: int) -> dict | None:
        return request_get(request_id=request_id)


def service_notice(*, receipt: ReportReceipt, address: ServiceAddress, hazard: bool) -> str:
    """What the client shows the person: accepted, whether an outage is already known, when back."""
    report = receipt.report
    parts = []
    if hazard:
        parts.append(
            _(
                "Danger reported: the dispatcher has been alerted. Keep at least 8 metres away "
                "from a fallen wire and call 112 if anyone is in danger."
            )
        )
    if receipt.duplicate:
        parts.append(
            _("We already have your report {number} for this address.").format(number=report.number)
        )
    else:
        parts.append(_("Report {number} accepted.").format(number=report.number))
    parts.append(_("Address: {address}.").format(address=address.label))
    incident = receipt.incident
    if incident is not None:
        if incident.etr:
            parts.append(
                _(
                    "A confirmed outage already covers this address; crews are working. "
                    "Expected restoration: {time}."
                ).format(time=local_text(incident.etr, address.branch.timezone))
            )
        else:
            parts.append(
                _(
                    "A confirmed outage already covers this address; crews are working. "
                    "The restoration time is being set."
                )
            )
    elif report.incident_id and report.incident.status == IncidentStatus.PREDICTED:
        parts.append(
            _("Other reports nearby point to the same fault; the dispatcher is checking it.")
        )
    elif not hazard:
        parts.append(_("No outage is known at this address yet; the dispatcher will check it."))
    return " ".join(str(p) for p in parts)


def _closed_q() -> Q:
    step_restored = IncidentSubstation.objects.filter(
        incident_id=OuterRef("incident_id"),
        substation_id=OuterRef("substation_id"),
        restored_at__isnull=False,
    )
    return (
        Q(unassigned_reason=UnassignedReason.CLOSED)
        | Q(incident__status__in=CLOSED_INCIDENT)
        | Q(
            incident__status=IncidentStatus.MERGED,
            incident__merged_into__status__in=CLOSED_INCIDENT,
        )
        | Q(Exists(step_restored))
    )


def _base_queryset():
    return OutageReport.objects.exclude(open311_service="").select_related(
        "branch",
        "address__district",
        "address__street__settlement",
        "incident__merged_into",
    )


def requests_list(*, query: RequestQuery, now: dt.datetime, limit: int) -> list[dict]:
    """Open311 requests, newest first, at most `limit`; ids override every other filter."""
    qs = _base_queryset()
    if query.ids:
        qs = qs.filter(pk__in=query.ids)
    else:
        qs = qs.filter(created_at__gte=query.start, created_at__lte=query.end)
        if query.service_codes:
            qs = qs.filter(open311_service__in=query.service_codes)
        statuses = set(query.statuses)
        if statuses == {RequestStatus.CLOSED}:
            qs = qs.filter(_closed_q())
        elif statuses == {RequestStatus.OPEN}:
            qs = qs.exclude(_closed_q())
    rows = list(qs.order_by("-created_at", "-pk")[:limit])
    return _as_dicts(rows)


def request_get(*, request_id) -> dict | None:
    try:
        pk = int(str(request_id))
    except ValueError:
        return None
    rows = list(_base_queryset().filter(pk=pk))
    return _as_dicts(rows)[0] if rows else None


def _restored_steps(rows) -> dict[tuple[int, int], dt.datetime]:
    pairs = {(r.incident_id, r.substation_id) for r in rows if r.incident_id and r.substation_id}
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


def request_state(report: OutageReport, steps: dict) -> tuple[str, str, dt.datetime | None]:
    """(status, status_notes, expected_datetime) as the public may see them."""
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
            notes = _("{status}. Estimated restoration time: {time}.").format(
                status=incident_status_text(incident), time=local_text(incident.etr, tz_name)
            )
        else:
            notes = _("{status}. The estimated restoration time is being set.").format(
                status=incident_status_text(incident)
            )
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


def request_as_dict(report: OutageReport, steps: dict) -> dict:
    """One request as GeoReport v2 shows it: no name, phone, e-mail or exact house."""
    status, notes, expected = request_state(report, steps)
    service = SERVICES[report.open311_service]
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
