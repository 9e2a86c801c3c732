"""Reminders to assignees (and, when overdue, to the branch's heads) before and after due dates.

Idempotent: each appeal remembers the reminders it got (`reminders_sent`: «soon:<due>»,
«overdue:<due>»), claimed under a row lock, so a second run — or two workers at once —
sends nothing twice; a moved due date (extension, pause) earns a new reminder.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gridportal.accounts.choices import StaffRole

from ..choices import EventKind, RuleKey, Status
from ..models import Appeal, AppealEvent
from ..rules import rule_values

logger = logging.getLogger(__name__)


def _officers(branch_id: int):
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(branches__id=branch_id) | Q(all_branches=True))
        .filter(groups__name=StaffRole.APPEALS_OFFICER)
        .exclude(email="")
        .distinct()
    )


def _heads(branch_id: int):
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, branches__id=branch_id)
        .filter(groups__name=StaffRole.ADMINISTRATOR)
        .exclude(email="")
        .distinct()
    )


def _recipients(appeal: Appeal, overdue: bool) -> list[str]:
    people = [appeal.assignee] if appeal.assignee_id else list(_officers(appeal.branch_id))
    if overdue:
        people += list(_heads(appeal.branch_id))
    return sorted({p.email for p in people if p is not None and p.email})


def _due_kind(appeal: Appeal, today: dt.date, soon_days: int) -> str | None:
    if today > appeal.due_on:
        return "overdue"
    if (appeal.due_on - today).days <= soon_days:
        return "soon"
    return None


def reminders_send(*, today: dt.date | None = None) -> int:
    """Send the reminders due today; returns how many appeals got one."""
    today = today or timezone.localdate()
    soon_days = int(rule_values(today)[RuleKey.DUE_SOON_DAYS])
    horizon = today + dt.timedelta(days=soon_days)
    candidates = Appeal.objects.filter(
        status__in=(Status.REGISTERED, Status.IN_PROGRESS), due_on__lte=horizon
    ).values_list("pk", flat=True)
    sent = 0
    for pk in candidates:
        if _remind(pk=pk, today=today, soon_days=soon_days):
            sent += 1
    return sent


def _remind(*, pk: int, today: dt.date, soon_days: int) -> bool:
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().select_related("branch").get(pk=pk)
        kind = _due_kind(appeal, today, soon_days)
        if kind is None:
            return False
        key = f"{kind}:{appeal.due_on.isoformat()}"
        if key in (appeal.reminders_sent or []):
            return False
        recipients = _recipients(appeal, kind == "overdue")
        appeal.reminders_sent = [*(appeal.reminders_sent or []), key]
        appeal.save(update_fields=["reminders_sent"])
        AppealEvent.objects.create(
            appeal=appeal,
            kind=EventKind.REMINDER,
            public=False,
            details={"what": kind, "to": len(recipients)},
        )
        if recipients:
            transaction.on_commit(lambda: _mail(appeal, kind, recipients))
    return True


def _mail(appeal: Appeal, kind: str, recipients: list[str]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        if kind == "overdue":
            subject = _("Overdue: appeal {number} was due {date}")
        else:
            subject = _("Due soon: appeal {number} is due {date}")
        subject = subject.format(number=appeal.number, date=appeal.due_on.strftime("%d.%m.%Y"))
        link = settings.SITE_URL.rstrip("/") + f"/staff/appeals/a/{appeal.number}/"
    try:
        send_mail(subject, f"{subject}\n\n{link}\n", settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # noqa: BLE001 - the reminder is recorded; the mail log shows the failure
        logger.exception("appeal %s: reminder not sent", appeal.number)
