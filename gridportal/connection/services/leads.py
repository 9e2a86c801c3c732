"""Connection staff handle request-intentions as leads; every change is audited."""

from __future__ import annotations

from django.db import transaction

from gridportal.core.choices import AuditAction
from gridportal.core.services import audit_record

from ..models import ConnectionIntention


@transaction.atomic
def intention_handle(
    *, intention: ConnectionIntention, actor, status: str, staff_note: str, request=None
) -> ConnectionIntention:
    before = {"status": intention.status, "staff_note": intention.staff_note}
    intention.status = status
    intention.staff_note = staff_note
    intention.handled_by = actor
    intention.save(update_fields=["status", "staff_note", "handled_by"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=intention,
        branch=intention.branch,
        request=request,
        details={"before": before, "status": status},
    )
    return intention


def intention_contact_view(*, intention: ConnectionIntention, actor, request=None) -> None:
    """A staff member opened a lead with the person's contacts (152-FZ: audited)."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=intention,
        branch=intention.branch,
        request=request,
        details={"number": intention.number},
    )
