"""The front desk: tickets for walk-ins and arrivals, calling to a desk, serving, no-shows."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.core.signals import ServiceEventKind, service_event_send

from ..choices import BookingStatus, ServiceKind, VisitKind, VisitStatus
from ..models import Booking, Desk, Office, Visit
from ..selectors import schedule_of

PREFIX = {VisitKind.BOOKED: "B", VisitKind.WALK_IN: "A"}


def _ticket(office: Office, day: dt.date, kind: str) -> str:
    """The next ticket of the day for this kind: B001… for booked, A001… for walk-ins."""
    prefix = PREFIX[kind]
    count = Visit.objects.filter(office=office, day=day, kind=kind).count()
    return f"{prefix}{count + 1:03d}"


def _lock(office: Office) -> Office:
    return Office.objects.select_for_update().get(pk=office.pk)


@transaction.atomic
def visit_walk_in(
    *, office: Office, service: str, name: str = "", actor, request=None, now=None
) -> Visit:
    """A person came without booking: a ticket in the queue."""
    now = now or timezone.now()
    if service not in ServiceKind.values:
        raise ApplicationError(_("Choose a service."), code="service")
    office = _lock(office)
    day = schedule_of(office).local(now).date()
    visit = Visit.objects.create(
        office=office,
        day=day,
        ticket=_ticket(office, day, VisitKind.WALK_IN),
        kind=VisitKind.WALK_IN,
        service=service,
        name=" ".join(name.split())[:200],
        arrived_at=now,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=visit,
        branch=office.branch,
        request=request,
        details={"ticket": visit.ticket},
    )
    return visit


@transaction.atomic
def booking_arrive(*, booking: Booking, actor, request=None, now=None) -> Visit:
    """The person with a booking has come: a ticket, the booking marked arrived."""
    now = now or timezone.now()
    office = _lock(booking.office)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != BookingStatus.BOOKED:
        raise ApplicationError(_("This booking is not waiting for an arrival."), code="status")
    day = schedule_of(office).local(now).date()
    visit = Visit.objects.create(
        office=office,
        day=day,
        ticket=_ticket(office, day, VisitKind.BOOKED),
        kind=VisitKind.BOOKED,
        booking=booking,
        service=booking.service,
        name=booking.name,
        arrived_at=now,
    )
    booking.status = BookingStatus.ARRIVED
    booking.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=booking,
        branch=office.branch,
        request=request,
        details={"arrived": visit.ticket},
    )
    return visit


@transaction.atomic
def booking_no_show(*, booking: Booking, actor, request=None) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != BookingStatus.BOOKED:
        raise ApplicationError(_("This booking is not waiting for an arrival."), code="status")
    booking.status = BookingStatus.NO_SHOW
    booking.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=booking,
        branch=booking.office.branch,
        request=request,
        details={"status": "no_show"},
    )
    return booking


@transaction.atomic
def visit_call(*, visit: Visit, desk: Desk, actor, request=None, now=None) -> Visit:
    """Call a waiting ticket to a desk: the hall screen shows «ticket → desk N»."""
    now = now or timezone.now()
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if desk.office_id != visit.office_id:
        raise ApplicationError(_("Choose a desk of this office."), code="desk")
    if visit.status not in (VisitStatus.WAITING, VisitStatus.CALLED):
        raise ApplicationError(_("This ticket is no longer waiting."), code="status")
    visit.status, visit.desk, visit.called_at = VisitStatus.CALLED, desk, now
    visit.save(update_fields=["status", "desk", "called_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=visit,
        branch=visit.office.branch,
        request=request,
        details={"called": desk.number},
    )
    return visit


@transaction.atomic
def visit_start(*, visit: Visit, actor, request=None, now=None) -> Visit:
    """Service begins: the wait (arrival → now) is measured here."""
    now = now or timezone.now()
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.status not in (VisitStatus.WAITING, VisitStatus.CALLED):
        raise ApplicationError(_("This ticket is no longer waiting."), code="status")
    visit.status, visit.started_at = VisitStatus.SERVING, now
    visit.save(update_fields=["status", "started_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=visit,
        branch=visit.office.branch,
        request=request,
        details={"started": True},
    )
    return visit


@transaction.atomic
def visit_finish(*, visit: Visit, actor, request=None, now=None) -> Visit:
    """Service ended; other capabilities hear of it (service event) once committed."""
    now = now or timezone.now()
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("office", "booking")
        .get(pk=visit.pk)
    )
    if visit.status != VisitStatus.SERVING:
        raise ApplicationError(_("Start serving this ticket first."), code="status")
    visit.status, visit.finished_at = VisitStatus.SERVED, now
    visit.save(update_fields=["status", "finished_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=visit,
        branch=visit.office.branch,
        request=request,
        details={"served": True},
    )
    booking = visit.booking
    contact = (booking.email or booking.phone) if booking else ""
    language = booking.language if booking else "ru"
    transaction.on_commit(
        lambda: service_event_send(
            kind=ServiceEventKind.OFFICE_VISIT_SERVED,
            record=visit,
            branch_id=visit.office.branch_id,
            contact=contact,
            language=language,
            details={
                "office_id": visit.office_id,
                "service": visit.service,
                "ticket": visit.ticket,
            },
        )
    )
    return visit
