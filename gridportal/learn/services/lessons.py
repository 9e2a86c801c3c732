"""Lessons written by content editors: every save is a new numbered version, audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from gridportal.core.choices import AuditAction
from gridportal.core.services import audit_record

from ..models import Lesson, LessonVersion

TEXT_FIELDS = ("title", "title_en", "summary", "summary_en", "body", "body_en", "status")


@dataclass(frozen=True)
class LessonText:
    title: str
    body: str
    status: str
    title_en: str = ""
    summary: str = ""
    summary_en: str = ""
    body_en: str = ""

    @classmethod
    def from_cleaned(cls, data: dict) -> LessonText:
        return cls(**{name: data.get(name) or "" for name in TEXT_FIELDS})


@transaction.atomic
def lesson_save(*, lesson: Lesson, text: LessonText, editor=None, request=None) -> LessonVersion:
    """Store the lesson's new text as its latest version (Markdown; sanitised when shown)."""
    created = lesson.pk is None
    for name in TEXT_FIELDS:
        setattr(lesson, name, getattr(text, name))
    lesson.save()
    last = lesson.versions.aggregate(n=Max("number"))["n"] or 0
    version = LessonVersion.objects.create(
        lesson=lesson,
        number=last + 1,
        editor=editor,
        **{name: getattr(text, name) for name in TEXT_FIELDS},
    )
    if editor is not None:
        audit_record(
            actor=editor,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=lesson,
            request=request,
            details={"version": version.number, "status": text.status},
        )
    return version
