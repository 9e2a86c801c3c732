"""The one intake of questionnaire answers: online, invitation, kiosk and paper alike.

Idempotent by the client-generated `client_id`: a kiosk that lost the network answer
sends again, and the repeat returns the first answer's record (created False) instead
of counting the person twice. Answers are checked against the version they were given
to, so a kiosk that loaded yesterday's wording still sends valid answers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit
from gridportal.core.models import Branch, District
from gridportal.core.rules import rule_values

from .. import analytics
from ..choices import QuestionKind, ResponseChannel, VersionStatus
from ..models import Answer, FollowUp, Invitation, Response, Survey, SurveyVersion

OFFLINE_AGE_LIMIT = dt.timedelta(days=30)  # a kiosk that was offline for longer: not a real answer


@dataclass(frozen=True)
class ResponseSubmission:
    """What a person (or a staff member typing in a paper form) answered."""

    survey_slug: str
    answers: Mapping[str, object]
    channel: str = ResponseChannel.ONLINE
    client_id: uuid.UUID | None = None
    version_number: int | None = None
    branch_code: str = ""
    district_id: int | None = None
    office: str = ""
    answered_at: dt.datetime | None = None
    language: str = "ru"
    invitation_token: str = ""
    extra: dict = field(default_factory=dict)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def version_definition(version: SurveyVersion) -> list[analytics.QuestionDef]:
    """The pure definition of a version's questions (for checking and summaries)."""
    return [
        analytics.QuestionDef(
            key=q.key,
            kind=q.kind,
            required=q.required,
            condition_key=q.condition_key,
            condition_value=q.condition_value,
            choices=tuple(c.value for c in q.choices.all()),
        )
        for q in version.questions.prefetch_related("choices")
    ]


class AnswersInvalid(ApplicationError):
    """Some answers are missing or not allowed; `extra["fields"]` says which."""


def _version_for(survey: Survey, number: int | None) -> SurveyVersion:
    if number is not None:
        version = survey.versions.filter(number=number).exclude(status=VersionStatus.DRAFT).first()
        if version is None:
            raise ApplicationError(
                _("This version of the questionnaire does not exist."), code="version"
            )
        return version
    version = survey.published_version()
    if version is None:
        raise ApplicationError(_("This questionnaire is not open for answers."), code="closed")
    return version


def _invitation_for(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().filter(token_digest=token_digest(token)).first()
    )
    valid_days = rule_values("surveys")["invitation_valid_days"]
    if invitation is None or invitation.created_at < timezone.now() - dt.timedelta(days=valid_days):
        raise ApplicationError(_("This invitation link is not valid any more."), code="invitation")
    if invitation.used_at is not None:
        raise ApplicationError(
            _("This invitation has already been answered. Thank you!"), code="used"
        )
    return invitation


def response_submit(*, submission: ResponseSubmission, origin: Origin) -> tuple[Response, bool]:
    """Check, count and store one set of answers; (the response, whether it is new)."""
    client_id = submission.client_id or uuid.uuid4()
    existing = Response.objects.filter(client_id=client_id).first()
    if existing is not None:
        return existing, False
    survey = Survey.objects.filter(slug=submission.survey_slug).first()
    if survey is None:
        raise ApplicationError(_("There is no such questionnaire."), code="survey")
    rules = rule_values("surveys")
    now = timezone.now()
    answered_at = submission.answered_at or now
    if answered_at > now + dt.timedelta(minutes=5) or answered_at < now - OFFLINE_AGE_LIMIT:
        raise ApplicationError(_("The answer time is not plausible."), code="answered_at")
    try:
        with transaction.atomic():
            version = _version_for(survey, submission.version_number)
            questions = version_definition(version)
            cleaned, errors = analytics.clean_answers(questions, submission.answers)
            if errors:
                raise AnswersInvalid(
                    _("Please answer the questions marked below."),
                    code="answers",
                    extra={"fields": errors},
                )
            invitation = None
            if submission.invitation_token:
                invitation = _invitation_for(submission.invitation_token)
            if origin.user is None and limit_hit(
                group="surveys-answer",
                value=origin.ip_address or "",
                limit=rules["answers_per_ip_per_hour"],
            ):
                raise RateLimited(_("Too many answers from this address. Please try later."))
            branch = (
                invitation.branch
                if invitation is not None
                else Branch.objects.filter(code=submission.branch_code).first()
            )
            district = None
            if submission.district_id:
                district = District.objects.filter(pk=submission.district_id, branch=branch).first()
            response = Response.objects.create(
                version=version,
                client_id=client_id,
                channel=ResponseChannel.INVITATION if invitation else submission.channel,
                branch=branch,
                district=district,
                office=submission.office[:120],
                language=submission.language[:8],
                answered_at=answered_at,
                received_at=now,
                entered_by=origin.user if submission.channel == ResponseChannel.PAPER else None,
                invitation=invitation,
            )
            by_key = {q.key: q for q in version.questions.all()}
            Answer.objects.bulk_create(_answer_rows(response, by_key, cleaned))
            if invitation is not None:
                invitation.used_at = now
                invitation.save(update_fields=["used_at"])
                _follow_up_if_low(response, by_key, cleaned, rules)
    except IntegrityError:
        # The same client_id arrived twice at once: the first one won, answer with it.
        existing = Response.objects.filter(client_id=client_id).first()
        if existing is None:
            raise
        return existing, False
    return response, True


def _answer_rows(response, by_key, cleaned):
    for key, value in cleaned.items():
        question = by_key[key]
        if question.kind in analytics.SCALES:
            yield Answer(response=response, question=question, number=int(value))
        elif isinstance(value, list):
            yield Answer(response=response, question=question, choices=value)
        elif question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            yield Answer(response=response, question=question, text=str(value))
        else:
            yield Answer(response=response, question=question, choices=[str(value)])


def _follow_up_if_low(response, by_key, cleaned, rules) -> None:
    for key, value in cleaned.items():
        question = by_key[key]
        if analytics.is_low_score(
            question.kind,
            value,
            csat_max=rules["followup_csat_max"],
            nps_max=rules["followup_nps_max"],
        ):
            FollowUp.objects.create(
                response=response,
                branch=response.branch,
                reason=_("«{question}»: {score}").format(question=question.text, score=value),
            )
            return


def answers_of(response: Response) -> dict[str, object]:
    """A stored response as the typed answer set the pure functions take."""
    out: dict[str, object] = {}
    for answer in response.answers.all():
        out[answer.question.key] = answer_value(answer)
    return out


def answer_value(answer: Answer):
    kind = answer.question.kind
    if kind in analytics.SCALES:
        return answer.number
    if kind == QuestionKind.MULTIPLE:
        return list(answer.choices)
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return answer.text
    return answer.choices[0] if answer.choices else None


def followup_close(*, follow_up: FollowUp, note: str, actor, request=None) -> FollowUp:
    from gridportal.core.choices import AuditAction
    from gridportal.core.services import audit_record

    from ..choices import FollowUpStatus

    if follow_up.status == FollowUpStatus.DONE:
        raise ApplicationError(_("This follow-up is already done."), code="done")
    follow_up.status = FollowUpStatus.DONE
    follow_up.note = note
    follow_up.closed_at = timezone.now()
    follow_up.closed_by = actor
    follow_up.save(update_fields=["status", "note", "closed_at", "closed_by"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=follow_up,
        branch=follow_up.branch,
        request=request,
        details={"follow_up": "done"},
    )
    return follow_up
