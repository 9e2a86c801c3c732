"""What the person does with the answer: rate it, or reopen the appeal within the set period."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError

from ..choices import EventKind, RuleKey, Status
from ..deadlines import reopen_until
from ..models import Appeal, AppealEvent
from ..rules import rule_values
from .clock import due_for


def reopen_deadline(appeal: Appeal):
    """The last day the appeal may be reopened, or None when it has no answer."""
    if appeal.status != Status.ANSWERED or appeal.answered_at is None:
        return None
    answered_on = timezone.localdate(appeal.answered_at)
    days = int(rule_values(answered_on)[RuleKey.REOPEN_DAYS])
    return reopen_until(answered_on=answered_on, reopen_days=days)


@transaction.atomic
def appeal_rate(*, appeal: Appeal, rating: int, user=None) -> Appeal:
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status not in (Status.ANSWERED, Status.CLOSED):
        raise ApplicationError(_("You can rate the answer once you have it."), code="rating")
    if rating not in (1, 2, 3, 4, 5):
        raise ApplicationError(_("Choose a rating from 1 to 5."), code="rating")
    appeal.rating = rating
    appeal.save(update_fields=["rating"])
    AppealEvent.objects.create(
        appeal=appeal,
        actor=user if getattr(user, "is_authenticated", False) else None,
        kind=EventKind.RATED,
        details={"rating": rating},
    )
    return appeal


@transaction.atomic
def appeal_reopen(*, appeal: Appeal, reason: str, user=None) -> Appeal:
    """«The problem is not solved»: back in the queue with a new clock from today."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    until = reopen_deadline(appeal)
    today = timezone.localdate()
    if until is None or today > until:
        raise ApplicationError(
            _("This appeal can no longer be reopened. Please write a new one."), code="reason"
        )
    reason = (reason or "").strip()[:2000]
    if not reason:
        raise ApplicationError(_("Tell us what is still not solved."), code="reason")
    appeal.status = Status.IN_PROGRESS
    appeal.clock_started_on = today
    appeal.extension_days = 0
    appeal.pauses = []
    appeal.reopen_count += 1
    appeal.reminders_sent = []
    appeal.due_on = due_for(appeal, today=today)
    appeal.save()
    AppealEvent.objects.create(
        appeal=appeal,
        actor=user if getattr(user, "is_authenticated", False) else None,
        kind=EventKind.REOPENED,
        text=reason,
        details={"due_on": appeal.due_on.isoformat()},
    )
    return appeal
