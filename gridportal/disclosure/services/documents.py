"""Writes of the normative-documents registry: upload, new version, publish (audited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.core.uploads import Upload, upload_store

from ..choices import DocumentStatus
from ..extract import file_text
from ..models import Category, Document, DocumentTopic
from .search_index import document_index

FILE_KINDS = ("pdf", "docx")


@dataclass
class DocumentData:
    """What an editor says about a document (validated by the form or the seed)."""

    kind: str
    date: dt.date
    issuing_body: str
    title: str
    number: str = ""
    title_en: str = ""
    summary: str = ""
    summary_en: str = ""
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    status: str = DocumentStatus.IN_FORCE
    category: Category | None = None
    branch_id: int | None = None
    topics: list[str] = field(default_factory=list)


def _attach(document: Document, upload: Upload | None) -> None:
    if upload is None:
        return
    if upload.kind not in FILE_KINDS:
        raise ApplicationError(_("Upload a PDF or DOCX file."), code="file")
    document.file_name = upload_store(upload=upload, folder="disclosure")
    document.file_original_name = upload.name
    document.file_kind = upload.kind
    document.file_size = upload.size
    document.file_text = file_text(kind=upload.kind, content=upload.content)


@transaction.atomic
def document_create(
    *,
    data: DocumentData,
    upload: Upload | None = None,
    supersedes: Document | None = None,
    actor=None,
    request=None,
    publish: bool = False,
) -> Document:
    """Add a document to the registry (a draft unless `publish`); `supersedes` makes it a
    new version of an earlier one, which stays as it is until the new one is published."""
    if supersedes is not None and Document.objects.filter(supersedes=supersedes).exists():
        raise ApplicationError(_("This document already has a newer version."), code="supersedes")
    document = Document(
        kind=data.kind,
        number=data.number,
        date=data.date,
        issuing_body=data.issuing_body,
        title=data.title,
        title_en=data.title_en,
        summary=data.summary,
        summary_en=data.summary_en,
        effective_from=data.effective_from,
        effective_until=data.effective_until,
        status=data.status,
        category=data.category,
        branch_id=data.branch_id,
        supersedes=supersedes,
        created_by=actor,
    )
    _attach(document, upload)
    document.save()
    DocumentTopic.objects.bulk_create(
        [DocumentTopic(document=document, topic=t) for t in dict.fromkeys(data.topics)]
    )
    document_index(document_ids=[document.pk])
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=document,
            request=request,
            details={"supersedes": supersedes.pk if supersedes else None},
        )
    if publish:
        document_publish(document=document, actor=actor, request=request)
    return document


@transaction.atomic
def document_publish(*, document: Document, actor=None, request=None, now=None) -> Document:
    """Publish a document; a new version marks the one it replaces superseded."""
    now = now or timezone.now()
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.published_at is not None:
        return document
    document.published_at = now
    document.save(update_fields=["published_at", "updated_at"])
    previous = document.supersedes
    if previous is not None:
        previous.status = DocumentStatus.SUPERSEDED
        if previous.effective_until is None and document.effective_from is not None:
            previous.effective_until = document.effective_from - dt.timedelta(days=1)
        previous.save(update_fields=["status", "effective_until", "updated_at"])
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=document,
            request=request,
            details={"published": True, "supersedes": previous.pk if previous else None},
        )
    return document
