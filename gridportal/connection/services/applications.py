"""The full application: drafts, submission, the staff's steps and the legal clocks.

Clocks: the offer is due a number of working days after registration; while the
application is incomplete the clock stands still (`paused_since`) and the due date moves
on by the working days it stood; payment is due after the offer is posted (else the
application is annulled by `applications_annul_unpaid`); completion is counted from the
contract, which is concluded on the day of payment. The steps after payment (the works on
both sides, the inspection, the act, energizing) are in `works.py`; the documents the
company issues (PDFs) in `paperwork.py`. Every change is an event on the timeline, a letter
to the applicant and an audit entry.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gridportal.accounts.consents import CONNECTION_INTENTION
from gridportal.accounts.services import consent_record
from gridportal.capacity import services as capacity
from gridportal.capacity.choices import CommitmentKind
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.selectors import working_calendar

from .. import deadlines
from ..choices import EventKind, Stage
from ..models import ConnectionApplication
from ..rules import category_for, rule_values
from .events import audit_change as _audit
from .events import documents_store as _documents_store
from .events import event_add as _event
from .events import today as _today
from .paperwork import offer_papers_issue
from .works import (  # noqa: F401  (the steps after payment, re-exported for callers)
    application_act_issue,
    application_company_works_done,
    application_complete,
    application_inspection_record,
    application_readiness_notice,
)

FIELDS = [
    "address",
    "applicant_kind",
    "applicant_name",
    "identity",
    "cadastral_number",
    "object_kind",
    "reason",
    "power_new_kw",
    "power_existing_kw",
    "voltage",
    "reliability",
    "schedule",
    "supplier",
    "social",
    "procurement",
]


@transaction.atomic
def application_draft_save(*, customer, data: dict, documents=(), application=None):
    """Create or update the customer's draft; nothing is registered, no clock runs."""
    if application is not None and application.stage != Stage.DRAFT:
        raise ApplicationError(_("This application is already registered."), code="stage")
    application = application or ConnectionApplication(customer=customer)
    for name in FIELDS:
        if name in data:
            setattr(application, name, data[name])
    application.branch = application.address.branch
    application.language = translation.get_language() or "ru"
    application.save()
    _documents_store(application, documents)
    return application


# What a registered application must have (ПП 861 п. 9); a draft may lack any of it.
REQUIRED = [
    "applicant_kind",
    "applicant_name",
    "identity",
    "object_kind",
    "reason",
    "power_new_kw",
    "voltage",
    "reliability",
    "supplier",
]


def _check_complete(application) -> None:
    for name in REQUIRED:
        if getattr(application, name) in (None, ""):
            label = ConnectionApplication._meta.get_field(name).verbose_name
            raise ApplicationError(
                _("Fill in «{field}» before sending the application.").format(field=label),
                code=name,
            )


@transaction.atomic
def application_submit(*, application: ConnectionApplication, origin: Origin, consent: bool):
    """Register the application: number, category, the offer clock, consent, a letter."""
    application = ConnectionApplication.objects.select_for_update().get(pk=application.pk)
    if application.stage != Stage.DRAFT:
        raise ApplicationError(_("This application is already registered."), code="stage")
    if not consent:
        raise ApplicationError(
            _("We can accept the form only with your consent to data processing."), code="consent"
        )
    _check_complete(application)
    if not application.documents.filter(kind="location_plan").exists():
        raise ApplicationError(
            _("Attach the plan of the location of the devices."), code="location_plan"
        )
    if application.social and not application.documents.filter(kind="social_proof").exists():
        raise ApplicationError(_("Attach the proof of the social category."), code="social_proof")
    today = _today()
    values = rule_values(today)
    application.category = category_for(
        applicant=application.applicant_kind,
        object_kind=application.object_kind,
        power_new_kw=application.power_new_kw,
        power_existing_kw=application.power_existing_kw,
        reliability=application.reliability,
        values=values,
    ).category
    application.consent = consent_record(
        purpose=CONNECTION_INTENTION,
        origin=origin,
        user=application.customer,
        contact=application.customer.email,
    )
    application.stage = Stage.RECEIVED
    application.submitted_at = timezone.now()
    term = deadlines.offer_term(category=application.category, values=values)
    application.offer_due = deadlines.due(today, term, working_calendar())
    application.number = f"ЗТП-{today.year}-{application.pk:06d}"
    application.save()
    _event(application, EventKind.SUBMITTED)
    return application


@transaction.atomic
def application_documents_request(*, application, actor, text: str, request=None):
    """Tell the applicant what is missing: the clock stops until they send it."""
    if application.stage != Stage.RECEIVED:
        raise ApplicationError(_("Documents can be requested only from a received application."))
    today = _today()
    values = rule_values(today)
    application.stage = Stage.INCOMPLETE
    application.paused_since = today
    application.applicant_due = working_calendar().add_working_days(
        today, values["applicant_completes_wd"]
    )
    application.save()
    _event(application, EventKind.INCOMPLETE, actor=actor, text=text)
    _audit(application, actor, {"stage": Stage.INCOMPLETE}, request)
    return application


@transaction.atomic
def application_resubmit(*, application, customer, documents=()):
    """The applicant sent what was missing: the clock runs again, moved on by the pause."""
    if application.customer_id != customer.pk or application.stage != Stage.INCOMPLETE:
        raise ApplicationError(_("Nothing is requested from you on this application."))
    _documents_store(application, documents)
    calendar = working_calendar()
    stood = max(0, calendar.working_days_between(application.paused_since, _today()))
    application.paused_working_days += stood
    application.offer_due = deadlines.paused_due(application.offer_due, stood, calendar)
    application.paused_since = None
    application.applicant_due = None
    application.stage = Stage.RECEIVED
    application.save()
    _event(application, EventKind.COMPLETED_BY_APPLICANT)
    return application


@transaction.atomic
def application_offer_issue(
    *, application, actor, power_centre_id: int, substation_name: str, fee_total, request=None
):
    """Post the contract, the technical conditions and the invoice (the offer); the power is
    committed on the load map at once."""
    if application.stage != Stage.RECEIVED:
        raise ApplicationError(
            _("Technical conditions can be issued only on a received application.")
        )
    today = _today()
    values = rule_values(today)
    application.tu_number = f"ТУ-{application.number}"
    capacity.commitment_record(
        power_centre_id=power_centre_id,
        site=application.cadastral_number or f"address:{application.address_id}",
        kind=CommitmentKind.TECHNICAL_CONDITIONS,
        document_number=application.tu_number,
        document_date=today,
        kw=application.power_new_kw,
        actor=actor,
    )
    term = deadlines.payment_term(procurement=application.procurement, values=values)
    application.stage = Stage.OFFER
    application.offer_on = today
    application.payment_due = deadlines.due(today, term, working_calendar())
    application.power_centre_id_committed = power_centre_id
    application.substation_name = substation_name[:64]
    application.fee_total = fee_total
    application.save()
    offer_papers_issue(application=application)
    _event(application, EventKind.OFFER, actor=actor)
    _audit(application, actor, {"stage": Stage.OFFER, "power_centre": power_centre_id}, request)
    return application


@transaction.atomic
def application_payment_record(*, application, actor, paid_on: dt.date, request=None):
    """The invoice is paid: the contract is concluded that day and the completion clock starts."""
    if application.stage != Stage.OFFER:
        raise ApplicationError(_("Payment can be recorded only against an issued invoice."))
    values = rule_values(paid_on)
    term = deadlines.completion_term(
        category=application.category,
        voltage_kv=application.voltage,
        distance_m=None,
        rural=application.address.street.settlement.kind in ("village", "hamlet"),
        values=values,
    )
    application.stage = Stage.PAID
    application.paid_on = paid_on
    application.completion_due = deadlines.due(paid_on, term, working_calendar())
    application.save()
    _event(application, EventKind.PAID, actor=actor)
    _audit(application, actor, {"stage": Stage.PAID, "paid_on": paid_on.isoformat()}, request)
    return application


@transaction.atomic
def application_comment(*, application, actor, text: str, request=None):
    _event(application, EventKind.COMMENT, actor=actor, text=text, internal=True)
    _audit(application, actor, {"comment": True}, request)


@transaction.atomic
def application_assign(*, application, actor, assignee, request=None):
    application.assigned_to = assignee
    application.save(update_fields=["assigned_to", "updated_at"])
    _event(
        application, EventKind.ASSIGNED, actor=actor, text=assignee.get_username(), internal=True
    )
    _audit(application, actor, {"assigned_to": assignee.pk}, request)


def applications_annul_unpaid(*, today: dt.date | None = None) -> int:
    """Annul every application whose invoice was not paid by its due date. Idempotent: an
    annulled application is no longer in OFFER, and rows are claimed one at a time."""
    today = today or _today()
    count = 0
    while True:
        with transaction.atomic():
            application = (
                ConnectionApplication.objects.select_for_update(skip_locked=True)
                .filter(stage=Stage.OFFER, payment_due__lt=today)
                .order_by("payment_due", "pk")
                .first()
            )
            if application is None:
                return count
            application.stage = Stage.ANNULLED
            application.annulled_on = today
            application.save()
            if application.power_centre_id_committed:
                capacity.commitment_release(
                    power_centre_id=application.power_centre_id_committed,
                    document_number=application.tu_number,
                )
            _event(application, EventKind.ANNULLED)
            count += 1
