"""Call-backs and staff access to reporters' contacts (audited)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from ..choices import (
    CallbackStatus,
)
from ..models import OutageReport

logger = logging.getLogger(__name__)


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
