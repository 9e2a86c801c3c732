"""Writes of the disclosure calendar: publications (by staff or by a service event) and
reminders to the responsible person before an item is due."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.core.signals import ServiceEventKind

from ..choices import PublicationSource
from ..models import DisclosureItem, Document, Publication
from ..periods import next_due, period_parse

logger = logging.getLogger(__name__)


def item_due(item: DisclosureItem, *, today: dt.date | None = None, published=None):
    """The item's next due period (see periods.next_due), or None for «when it changes»."""
    today = today or timezone.localdate()
    if published is None:
        published = set(item.publications.values_list("period", flat=True))
    return next_due(
        frequency=item.frequency,
        offset_days=item.due_offset_days,
        tracked_from=item.tracked_from,
        published=published,
        today=today,
    )


@transaction.atomic
def publication_record(
    *,
    item: DisclosureItem,
    period: str,
    url: str = "",
    document: Document | None = None,
    source: str = PublicationSource.MANUAL,
    published_at=None,
    actor=None,
    request=None,
) -> Publication:
    """Record that `item` is published for `period`; a repeat returns the first record."""
    if item.frequency != "on_change" and period_parse(period, item.frequency) is None:
        raise ApplicationError(
            _("«{period}» is not a period of this item's frequency.").format(period=period),
            code="period",
        )
    existing = Publication.objects.filter(item=item, period=period).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            publication = Publication.objects.create(
                item=item,
                period=period,
                url=url,
                document=document,
                source=source,
                published_at=published_at or timezone.now(),
            )
    except IntegrityError:  # published at the same moment by another process
        return Publication.objects.get(item=item, period=period)
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=publication,
            branch=item.branch,
            request=request,
            details={"item": item.code, "period": period},
        )
    return publication


def on_service_event(sender, *, kind, record, details=None, **kwargs):
    """Listener of `core.signals.service_event`: `publication_made` marks a period done.

    Details: {"item": "<DisclosureItem.code>", "period": "2026-Q4"} and optionally
    "url" (where it was published). Unknown items are logged and ignored.
    """
    if kind != ServiceEventKind.PUBLICATION_MADE:
        return None
    details = details or {}
    item = DisclosureItem.objects.filter(code=str(details.get("item", ""))).first()
    if item is None:
        logger.warning("publication_made for an unknown disclosure item: %r", details)
        return None
    url = str(details.get("url", ""))[:300]
    if not url and hasattr(record, "get_absolute_url"):
        url = record.get_absolute_url()
    return publication_record(
        item=item, period=str(details.get("period", "")), url=url, source=PublicationSource.EVENT
    )


def _remind(item: DisclosureItem, due) -> None:
    user = item.responsible
    with translation.override(getattr(user, "language", None) or "ru"):
        subject = _("Disclosure due {date}: {title}").format(
            date=due.due.strftime("%d.%m.%Y"), title=item.display_title
        )
        body = _(
            "«{title}» for the period {period} is due to be published on {date} "
            "({source}).\n\nMark it published in the staff console: /staff/disclosure/"
        ).format(
            title=item.display_title,
            period=due.period.code,
            date=due.due.strftime("%d.%m.%Y"),
            source=item.legal_source,
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def reminders_send(*, today: dt.date | None = None) -> int:
    """Remind each responsible person once per period, `remind_days_before` the due date
    (or at once when already late). Idempotent: the period reminded is kept on the item."""
    today = today or timezone.localdate()
    sent = 0
    candidates = DisclosureItem.objects.filter(responsible__isnull=False).exclude(
        responsible__email=""
    )
    for item_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            item = (
                DisclosureItem.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("responsible")
                .filter(pk=item_id)
                .first()
            )
            if item is None:
                continue
            due = item_due(item, today=today)
            if due is None or item.reminded_for == due.period.code:
                continue
            if due.days_left > item.remind_days_before:
                continue
            item.reminded_for = due.period.code
            item.save(update_fields=["reminded_for", "updated_at"])
            transaction.on_commit(lambda item=item, due=due: _remind(item, due))
            sent += 1
    return sent
