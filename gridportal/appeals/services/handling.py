"""Staff steps on an appeal: assign, note, ask for information, extend, redirect, answer.

Every step is one atomic service that writes the history event and the audit entry;
what the person must hear is e-mailed after the commit.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.models import Branch
from gridportal.core.services import audit_record
from gridportal.core.signals import ServiceEventKind, service_event_send

from ..choices import (
    OPEN_STATUSES,
    AppealType,
    ComplaintSubject,
    EventKind,
    Justified,
    RuleKey,
    Status,
)
from ..deadlines import ExtensionRefused, extension_check
from ..models import Appeal, AppealEvent
from ..rules import rule_values
from .attachments import attachments_store
from .clock import due_for
from .notify import update_send

REASON_MAX = 2000


def _open(appeal: Appeal) -> None:
    if appeal.status not in OPEN_STATUSES:
        raise ApplicationError(_("This appeal is no longer open."), code="status")


def _text(text: str, *, field: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ApplicationError(message, code=field)
    return text[:REASON_MAX]


def _event(appeal, *, actor, kind, text="", details=None, public=True) -> AppealEvent:
    return AppealEvent.objects.create(
        appeal=appeal, actor=actor, kind=kind, text=text, details=details or {}, public=public
    )


def _audit(appeal, *, actor, request, what: str, **details):
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=appeal,
        request=request,
        details={"step": what, **details},
    )


def _tell(appeal: Appeal, what: str, text: str = "") -> None:
    if appeal.email and not appeal.anonymous:
        transaction.on_commit(lambda: update_send(appeal_id=appeal.pk, what=what, text=text))


def _lock(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update().get(pk=appeal.pk)


@transaction.atomic
def appeal_assign(*, appeal: Appeal, assignee, actor, request=None) -> Appeal:
    appeal = _lock(appeal)
    _open(appeal)
    appeal.assignee = assignee
    if appeal.status == Status.REGISTERED:
        appeal.status = Status.IN_PROGRESS
    appeal.save(update_fields=["assignee", "status"])
    name = assignee.get_full_name() or assignee.get_username() if assignee else ""
    _event(appeal, actor=actor, kind=EventKind.ASSIGNED, details={"assignee": name}, public=False)
    _audit(appeal, actor=actor, request=request, what="assign", assignee=name)
    return appeal


@transaction.atomic
def appeal_note_add(*, appeal: Appeal, text: str, actor, request=None) -> AppealEvent:
    text = _text(text, field="text", message=_("Write the note."))
    event = _event(appeal, actor=actor, kind=EventKind.NOTE, text=text, public=False)
    _audit(appeal, actor=actor, request=request, what="note")
    return event


@transaction.atomic
def appeal_info_request(*, appeal: Appeal, question: str, actor, request=None) -> Appeal:
    """Ask the person for more: the clock stops from today until they answer."""
    appeal = _lock(appeal)
    if appeal.status not in (Status.REGISTERED, Status.IN_PROGRESS):
        raise ApplicationError(_("This appeal is no longer open."), code="status")
    if not appeal.can_be_answered and appeal.user_id is None:
        raise ApplicationError(
            _("The appeal is anonymous: there is nobody to ask."), code="question"
        )
    question = _text(question, field="question", message=_("Write what you need to know."))
    today = timezone.localdate()
    appeal.pauses = [*appeal.pauses, [today.isoformat(), None]]
    appeal.status = Status.WAITING
    appeal.save(update_fields=["pauses", "status"])
    _event(appeal, actor=actor, kind=EventKind.INFO_REQUESTED, text=question)
    _audit(appeal, actor=actor, request=request, what="info_request")
    _tell(appeal, "info_requested", question)
    return appeal


@transaction.atomic
def appeal_info_add(*, appeal: Appeal, text: str, uploads=(), user=None) -> Appeal:
    """The person answers a request for information: the clock runs again, later by the wait."""
    appeal = _lock(appeal)
    if appeal.status != Status.WAITING:
        raise ApplicationError(
            _("We are not waiting for information on this appeal."), code="status"
        )
    text = _text(text, field="text", message=_("Write the information we asked for."))
    today = timezone.localdate()
    pauses = [list(p) for p in appeal.pauses]
    if pauses and pauses[-1][1] is None:
        pauses[-1][1] = today.isoformat()
    appeal.pauses = pauses
    appeal.status = Status.IN_PROGRESS
    appeal.due_on = max(appeal.due_on, due_for(appeal, today=today))
    appeal.save(update_fields=["pauses", "status", "due_on"])
    event = _event(
        appeal,
        actor=user if getattr(user, "is_authenticated", False) else None,
        kind=EventKind.INFO_ADDED,
        text=text,
        details={"due_on": appeal.due_on.isoformat()},
    )
    values = rule_values(today)
    attachments_store(
        appeal=appeal, event=event, uploads=uploads, limit=int(values[RuleKey.MAX_ATTACHMENTS])
    )
    return appeal


@transaction.atomic
def appeal_extend(*, appeal: Appeal, days: int, reason: str, actor, request=None) -> Appeal:
    """The one extension the law allows, with a reason; the person is told."""
    appeal = _lock(appeal)
    _open(appeal)
    reason = _text(reason, field="reason", message=_("Give the reason for the extension."))
    limit = int(rule_values(appeal.clock_started_on)[RuleKey.EXTENSION_MAX_DAYS])
    try:
        extension_check(days=days, max_days=limit, already_extended=appeal.extension_days > 0)
    except ExtensionRefused:
        if appeal.extension_days > 0:
            message = _("The deadline has already been extended once.")
        else:
            message = _("Extend by 1 to {n} days.").format(n=limit)
        raise ApplicationError(message, code="days") from None
    appeal.extension_days = days
    appeal.due_on = max(appeal.due_on, due_for(appeal))
    appeal.save(update_fields=["extension_days", "due_on"])
    _event(
        appeal,
        actor=actor,
        kind=EventKind.EXTENDED,
        text=reason,
        details={"days": days, "due_on": appeal.due_on.isoformat()},
    )
    _audit(appeal, actor=actor, request=request, what="extend", days=days)
    _tell(appeal, "extended", reason)
    return appeal


@transaction.atomic
def appeal_redirect_branch(
    *, appeal: Appeal, branch: Branch, reason: str, actor, request=None
) -> Appeal:
    appeal = _lock(appeal)
    _open(appeal)
    if branch.pk == appeal.branch_id:
        raise ApplicationError(_("The appeal is already with this branch."), code="branch")
    reason = _text(reason, field="reason", message=_("Give the reason."))
    old_branch = appeal.branch
    appeal.branch = branch
    appeal.district = None
    appeal.assignee = None
    appeal.save(update_fields=["branch", "district", "assignee"])
    _event(
        appeal,
        actor=actor,
        kind=EventKind.REDIRECTED_BRANCH,
        text=reason,
        details={"branch": branch.name, "from": old_branch.name},
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=appeal,
        branch=old_branch,
        request=request,
        details={"step": "redirect_branch", "to": branch.code},
    )
    return appeal


@transaction.atomic
def appeal_redirect_outside(*, appeal: Appeal, body: str, reason: str, actor, request=None):
    """Not ours: send it on to the body responsible, named, with the reason — never a dead end."""
    appeal = _lock(appeal)
    _open(appeal)
    body = _text(body, field="body", message=_("Name the body the appeal is sent to."))[:300]
    reason = _text(reason, field="reason", message=_("Give the reason."))
    now = timezone.now()
    appeal.redirected_to = body
    appeal.status = Status.REDIRECTED
    appeal.answered_at = now
    appeal.answered_by = actor
    appeal.save(update_fields=["redirected_to", "status", "answered_at", "answered_by"])
    _event(
        appeal, actor=actor, kind=EventKind.REDIRECTED_OUTSIDE, text=reason, details={"body": body}
    )
    _audit(appeal, actor=actor, request=request, what="redirect_outside", body=body)
    _tell(appeal, "redirected", f"{body}: {reason}")
    return appeal


@transaction.atomic
def appeal_answer(
    *,
    appeal: Appeal,
    answer: str,
    actor,
    uploads=(),
    justified: str = "",
    subject: str = "",
    request=None,
) -> Appeal:
    """Answer on the merits and close; complaints are marked justified or not, with a subject."""
    appeal = _lock(appeal)
    _open(appeal)
    answer = _text(answer, field="answer", message=_("Write the answer."))[:10000]
    if appeal.appeal_type == AppealType.COMPLAINT:
        if justified not in (Justified.JUSTIFIED, Justified.UNJUSTIFIED):
            raise ApplicationError(_("Say whether the complaint is justified."), code="justified")
        if subject not in ComplaintSubject.values or not subject:
            raise ApplicationError(_("Choose the subject of the complaint."), code="subject")
    now = timezone.now()
    pauses = [list(p) for p in appeal.pauses]
    if pauses and pauses[-1][1] is None:
        pauses[-1][1] = timezone.localdate().isoformat()
    appeal.pauses = pauses
    appeal.answer = answer
    appeal.answered_at = now
    appeal.answered_by = actor
    appeal.status = Status.ANSWERED
    appeal.justified = justified if appeal.appeal_type == AppealType.COMPLAINT else ""
    appeal.subject = subject if appeal.appeal_type == AppealType.COMPLAINT else ""
    appeal.save()
    event = _event(appeal, actor=actor, kind=EventKind.ANSWERED)
    attachments_store(appeal=appeal, event=event, uploads=uploads, limit=20, from_company=True)
    _audit(appeal, actor=actor, request=request, what="answer")
    _tell(appeal, "answered", answer)
    transaction.on_commit(
        lambda: service_event_send(
            kind=ServiceEventKind.APPEAL_CLOSED,
            record=appeal,
            branch_id=appeal.branch_id,
            contact=appeal.email or appeal.phone,
            language=appeal.language,
            details={"number": appeal.number, "channel": appeal.channel},
        )
    )
    return appeal
