"""Building questionnaires: drafts, questions, publishing; a published version never changes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from ..choices import QuestionKind, VersionStatus
from ..models import Choice, Question, Survey, SurveyVersion

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


@transaction.atomic
def survey_create(
    *,
    slug: str,
    title: str,
    title_en: str = "",
    intro: str = "",
    intro_en: str = "",
    actor=None,
    request=None,
) -> Survey:
    if Survey.objects.filter(slug=slug).exists():
        raise ApplicationError(_("A questionnaire with this link name exists."), code="slug")
    survey = Survey.objects.create(
        slug=slug, title=title, title_en=title_en, intro=intro, intro_en=intro_en
    )
    SurveyVersion.objects.create(survey=survey, number=1)
    if actor is not None:
        audit_record(actor=actor, action=AuditAction.CREATE, obj=survey, request=request)
    return survey


def _editable_draft(survey: Survey) -> SurveyVersion:
    """The draft to edit: the existing one, or a copy of the published version."""
    draft = survey.draft_version()
    if draft is not None:
        return draft
    return version_draft_from(survey=survey)


@transaction.atomic
def version_draft_from(*, survey: Survey) -> SurveyVersion:
    """A new draft with the questions of the latest version (editing a published one)."""
    latest = survey.versions.order_by("-number").first()
    draft = SurveyVersion.objects.create(survey=survey, number=(latest.number if latest else 0) + 1)
    if latest is not None:
        for question in latest.questions.prefetch_related("choices"):
            options = list(question.choices.all())
            question.pk = None
            question.version = draft
            question.save()
            Choice.objects.bulk_create(
                Choice(
                    question=question,
                    position=c.position,
                    value=c.value,
                    label=c.label,
                    label_en=c.label_en,
                )
                for c in options
            )
    return draft


@transaction.atomic
def question_add(
    *,
    survey: Survey,
    key: str,
    kind: str,
    text: str,
    text_en: str = "",
    required: bool = True,
    choices: list[tuple[str, str, str]] | None = None,
    condition_key: str = "",
    condition_value: str = "",
) -> Question:
    """Add a question to the draft (made from the published version when there is none).

    `choices` are (value, Russian label, English label); a condition names an earlier
    question and the answer it must have.
    """
    draft = _editable_draft(survey)
    if draft.questions.filter(key=key).exists():
        raise ApplicationError(_("Another question has this code."), code="key")
    if kind in CHOICE_KINDS and len(choices or []) < 2:
        raise ApplicationError(_("A choice question needs at least two options."), code="choices")
    if condition_key and not draft.questions.filter(key=condition_key).exists():
        raise ApplicationError(
            _("A condition can only refer to an earlier question."), code="condition_key"
        )
    position = (
        draft.questions.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    question = Question.objects.create(
        version=draft,
        position=position,
        key=key,
        kind=kind,
        text=text,
        text_en=text_en,
        required=required,
        condition_key=condition_key,
        condition_value=condition_value,
    )
    if kind in CHOICE_KINDS:
        Choice.objects.bulk_create(
            Choice(question=question, position=i, value=v, label=ru, label_en=en)
            for i, (v, ru, en) in enumerate(choices or [], start=1)
        )
    return question


@transaction.atomic
def question_remove(*, survey: Survey, key: str) -> None:
    draft = _editable_draft(survey)
    if draft.questions.filter(condition_key=key).exists():
        raise ApplicationError(
            _("Another question depends on this one; remove its condition first."), code="key"
        )
    draft.questions.filter(key=key).delete()


@transaction.atomic
def version_publish(*, survey: Survey, actor=None, request=None) -> SurveyVersion:
    """Publish the draft: the previous published version retires, its answers keep it."""
    draft = survey.draft_version()
    if draft is None:
        raise ApplicationError(_("There are no changes to publish."), code="draft")
    if not draft.questions.exists():
        raise ApplicationError(_("Add at least one question before publishing."), code="draft")
    survey.versions.filter(status=VersionStatus.PUBLISHED).update(status=VersionStatus.RETIRED)
    draft.status = VersionStatus.PUBLISHED
    draft.published_at = timezone.now()
    draft.save(update_fields=["status", "published_at"])
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=survey,
            request=request,
            details={"published_version": draft.number},
        )
    return draft
