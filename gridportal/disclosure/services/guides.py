"""Writes of the service-stage guides: save (with history), publish, «was this helpful?»."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from gridportal.core.choices import AuditAction
from gridportal.core.services import audit_record

from ..choices import GuideStatus
from ..models import Guide, GuideFeedback, GuideRevision


@transaction.atomic
def guide_save(
    *,
    guide: Guide,
    title: str,
    body: str,
    title_en: str = "",
    body_en: str = "",
    status: str = GuideStatus.DRAFT,
    actor=None,
    request=None,
) -> Guide:
    """Save a guide's text and keep the version in its history."""
    now = timezone.now()
    guide.title, guide.title_en, guide.body, guide.body_en = title, title_en, body, body_en
    if status == GuideStatus.PUBLISHED and guide.status != GuideStatus.PUBLISHED:
        guide.published_at = now
    guide.status = status
    guide.updated_at = now
    guide.save()
    GuideRevision.objects.create(
        guide=guide,
        title=title,
        title_en=title_en,
        body=body,
        body_en=body_en,
        status=status,
        saved_at=now,
        saved_by=actor,
    )
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=guide,
            request=request,
            details={"status": status},
        )
    return guide


def guide_feedback_record(*, guide: Guide, helpful: bool) -> GuideFeedback:
    return GuideFeedback.objects.create(guide=guide, helpful=helpful)
