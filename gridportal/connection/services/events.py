"""What every step of an application does besides its own change: an event on the timeline
(and with it a letter to the applicant), an audit entry for staff, stored files."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gridportal.core.choices import AuditAction
from gridportal.core.services import audit_record
from gridportal.core.uploads import upload_store

from ..models import ApplicationDocument, ApplicationEvent


def today() -> dt.date:
    return timezone.localdate()


def event_add(application, kind, *, actor=None, text="", internal=False) -> ApplicationEvent:
    """A step on the timeline; a public one sends the applicant a letter after the commit."""
    event = ApplicationEvent.objects.create(
        application=application,
        at=timezone.now(),
        kind=kind,
        actor=actor,
        text=text,
        internal=internal,
    )
    if not internal:
        from ..tasks import application_letter_send

        transaction.on_commit(lambda: application_letter_send.delay(event_id=event.pk))
    return event


def audit_change(application, actor, details, request=None) -> None:
    """One audit entry for a change of the application, by staff or by the applicant."""
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=application,
        branch=application.branch,
        request=request,
        details={"number": application.number, **details},
    )


def documents_store(application, documents) -> list[ApplicationDocument]:
    """Keep `(kind, Upload)` pairs through the shared upload module; None uploads are skipped."""
    stored = []
    for kind, upload in documents:
        if upload is None:
            continue
        stored.append(
            ApplicationDocument.objects.create(
                application=application,
                kind=kind,
                file_name=upload.name[:200],
                stored_file=upload_store(upload=upload, folder="connection"),
                uploaded_at=timezone.now(),
            )
        )
    return stored
