"""Writes of the Open311 edge: a GeoReport request becomes an outage report."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from gridportal.accounts.services import consent_record
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import client_ip
from gridportal.grid.models import ServiceAddress
from gridportal.outages.choices import Channel, IncidentStatus
from gridportal.outages.forms import CONSENT_VERSION
from gridportal.outages.services import ReportReceipt, local_text, report_submit

from .catalogue import SERVICES
from .models import ServiceRequest

CONSENT_SUBJECT = "outage_report_open311"


@dataclass
class Submitted:
    request: ServiceRequest
    receipt: ReportReceipt
    notice: str


def _comment(service, description: str) -> str:
    """What the dispatcher reads: the hazard kind first, in the company's language."""
    description = (description or "").strip()
    if not service.hazard:
        return description
    with translation.override(settings.LANGUAGE_CODE):
        kind = str(service.name)
    return f"{kind}. {description}" if description else kind


@transaction.atomic
def service_request_submit(
    *,
    service_code: str,
    address: ServiceAddress,
    description: str = "",
    phone: str = "",
    email: str = "",
    consent_given: bool = False,
    request=None,
) -> Submitted:
    """Record consent (if contacts were sent), submit the report, remember the service chosen."""
    service = SERVICES.get(service_code)
    if service is None:
        raise ApplicationError(_("Choose what is wrong with the power."), code="service")
    consent = None
    if phone or email:
        if not consent_given:
            raise ApplicationError(
                _(
                    "With an e-mail or phone, send attribute[consent]=true: your consent "
                    "to the processing of personal data (Federal Law 152-FZ)."
                ),
                code="consent",
            )
        consent = consent_record(
            subject=CONSENT_SUBJECT,
            text_version=CONSENT_VERSION,
            request=request,
            contact=phone or email,
        )
    receipt = report_submit(
        address=address,
        problem=service.problem,
        channel=Channel.OPEN311,
        phone=phone,
        email=email,
        comment=_comment(service, description),
        ip_address=client_ip(request),
        consent=consent,
    )
    row, _created = ServiceRequest.objects.get_or_create(
        report=receipt.report, defaults={"service_code": service.code}
    )
    return Submitted(
        row, receipt, service_notice(receipt=receipt, address=address, hazard=service.hazard)
    )


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
