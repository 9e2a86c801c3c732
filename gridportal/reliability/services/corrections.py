"""Dispatchers correct an interruption after the fact; every correction is audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from ..models import InterruptionEvent, InterruptionRecord


def _iso(value):
    return value.isoformat() if isinstance(value, dt.datetime) else value


@transaction.atomic
def record_correct(
    *,
    record: InterruptionRecord,
    actor,
    started_at: dt.datetime,
    restored_at: dt.datetime,
    customers: int,
    request=None,
) -> InterruptionRecord:
    """Change a record's times or customers; the event is then kept as corrected."""
    if restored_at < started_at:
        raise ApplicationError(
            _("The restoration cannot be earlier than the start."), code="restored_at"
        )
    if customers < 0:
        raise ApplicationError(_("Customers cannot be negative."), code="customers")
    record = InterruptionRecord.objects.select_for_update().get(pk=record.pk)
    before = {
        "started_at": _iso(record.started_at),
        "restored_at": _iso(record.restored_at),
        "customers": record.customers,
    }
    record.started_at, record.restored_at, record.customers = started_at, restored_at, customers
    record.save(update_fields=["started_at", "restored_at", "customers"])
    InterruptionEvent.objects.filter(pk=record.event_id).update(corrected=True)
    after = {
        "started_at": _iso(started_at),
        "restored_at": _iso(restored_at),
        "customers": customers,
    }
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=record,
        branch=record.branch,
        request=request,
        details={"action": "record_correct", "before": before, "after": after},
    )
    return record


@transaction.atomic
def event_correct(
    *, event: InterruptionEvent, actor, planned: bool, cause: str, request=None
) -> InterruptionEvent:
    """Change whether an interruption was planned and its cause."""
    event = InterruptionEvent.objects.select_for_update().get(pk=event.pk)
    before = {"planned": event.planned, "cause": event.cause}
    event.planned, event.cause, event.corrected = planned, cause, True
    event.save(update_fields=["planned", "cause", "corrected", "updated_at"])
    event.records.update(planned=planned)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=event,
        request=request,
        details={
            "action": "event_correct",
            "before": before,
            "after": {"planned": planned, "cause": cause},
        },
    )
    return event
