"""Planned work: publish, remind subscribers, cancel, move, and record when it was done."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.core.exceptions import ApplicationError
from gridportal.grid.models import ServiceAddress

from ..choices import PlannedStatus, RuleKey
from ..models import PlannedOutage
from ..rules import rule_values
from .notify import local_text, subscribers_notify

logger = logging.getLogger(__name__)


@transaction.atomic
def planned_outage_create(
    *,
    branch,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    reason: str,
    substations,
    district=None,
    settlement=None,
    area_description: str = "",
) -> PlannedOutage:
    """Publish planned work: when, why and which substations it switches off."""
    if ends_at <= starts_at:
        raise ApplicationError(_("Planned work must end after it starts."), code="dates")
    substations = list(substations)
    if not substations:
        raise ApplicationError(_("Choose the substations the work switches off."), code="empty")
    customers = ServiceAddress.objects.filter(substation__in=substations).aggregate(
        n=Coalesce(Sum("customer_count"), 0)
    )["n"]
    planned = PlannedOutage.objects.create(
        branch=branch,
        district=district,
        settlement=settlement,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=reason,
        area_description=area_description,
        customers_affected=customers,
    )
    planned.substations.set(substations)
    return planned


def planned_reminder_days() -> list[int]:
    values = rule_values()
    return sorted({int(values[RuleKey.PLANNED_NOTICE_DAYS]), 1}, reverse=True)


def planned_reminders_send(*, now: dt.datetime) -> int:
    """Queue reminders for planned work starting within each reminder horizon (N days, 1 day)."""
    queued = 0
    for days in planned_reminder_days():
        horizon = now + dt.timedelta(days=days)
        works = PlannedOutage.objects.filter(
            status=PlannedStatus.SCHEDULED, starts_at__gt=now, starts_at__lte=horizon
        ).select_related("branch")
        for work in works:
            tz_name = work.branch.timezone
            subscribers_notify(
                event_key=f"planned:{work.pk}:{days}d",
                substation_ids=list(work.substations.values_list("pk", flat=True)),
                template="planned_reminder",
                context={
                    "planned_id": work.pk,
                    "reason": work.reason,
                    "starts_text": local_text(work.starts_at, tz_name),
                    "ends_text": local_text(work.ends_at, tz_name),
                    "days_before": days,
                },
            )
            queued += 1
    return queued


@transaction.atomic
def planned_outage_cancel(*, planned: PlannedOutage, actor) -> PlannedOutage:
    """Planned work will not happen; it stays in the calendar feeds as cancelled."""
    planned = PlannedOutage.objects.select_for_update().get(pk=planned.pk)
    if planned.status != PlannedStatus.SCHEDULED:
        raise ApplicationError(_("Only scheduled work can be cancelled."), code="status")
    planned.status = PlannedStatus.CANCELLED
    planned.save(update_fields=["status", "updated_at"])
    logger.info("planned outage %s cancelled by %s", planned.pk, actor)
    _tell_subscribers(planned, "cancelled", template="planned_cancelled")
    return planned


@transaction.atomic
def planned_outage_reschedule(
    *, planned: PlannedOutage, starts_at: dt.datetime, ends_at: dt.datetime, actor
) -> PlannedOutage:
    """Planned work moves to another time; its subscribers are told the new time."""
    planned = PlannedOutage.objects.select_for_update().get(pk=planned.pk)
    if planned.status != PlannedStatus.SCHEDULED:
        raise ApplicationError(_("Only scheduled work can be moved."), code="status")
    if ends_at <= starts_at:
        raise ApplicationError(_("Planned work must end after it starts."), code="dates")
    if (starts_at, ends_at) == (planned.starts_at, planned.ends_at):
        return planned
    before = (planned.starts_at, planned.ends_at)
    planned.starts_at, planned.ends_at = starts_at, ends_at
    planned.save(update_fields=["starts_at", "ends_at", "updated_at"])
    logger.info("planned outage %s moved by %s", planned.pk, actor)
    _tell_subscribers(
        planned,
        f"moved:{starts_at:%Y%m%d%H%M}-{ends_at:%Y%m%d%H%M}",
        template="planned_moved",
        extra={
            "old_starts_text": local_text(before[0], planned.branch.timezone),
            "old_ends_text": local_text(before[1], planned.branch.timezone),
        },
    )
    return planned


# Work nobody marked done is taken as done on schedule this long after its planned end
# (the announced interruption happened unless it was cancelled or moved).
AUTO_DONE_AFTER = dt.timedelta(hours=24)


@transaction.atomic
def planned_outage_complete(
    *,
    planned: PlannedOutage,
    actor,
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> PlannedOutage:
    """The work is done: record when the supply really went off and came back (the schedule
    when not given). This is the interruption the reliability indices count."""
    now = now or timezone.now()
    planned = PlannedOutage.objects.select_for_update().get(pk=planned.pk)
    if planned.status != PlannedStatus.SCHEDULED:
        raise ApplicationError(_("Only scheduled work can be marked done."), code="status")
    starts_at = starts_at or planned.starts_at
    ends_at = ends_at or planned.ends_at
    if ends_at <= starts_at:
        raise ApplicationError(_("Planned work must end after it starts."), code="dates")
    if ends_at > now:
        raise ApplicationError(
            _("Work can be marked done only after the power is back on."), code="future"
        )
    planned.status = PlannedStatus.DONE
    planned.actual_starts_at, planned.actual_ends_at = starts_at, ends_at
    planned.save(update_fields=["status", "actual_starts_at", "actual_ends_at", "updated_at"])
    logger.info("planned outage %s marked done by %s", planned.pk, actor)
    return planned


def planned_outages_close(*, now: dt.datetime | None = None) -> int:
    """Mark done, on schedule, the work that ended more than AUTO_DONE_AFTER ago and that
    nobody marked done, cancelled or moved. Idempotent; returns how many were closed."""
    now = now or timezone.now()
    closed = 0
    for planned in PlannedOutage.objects.filter(
        status=PlannedStatus.SCHEDULED, ends_at__lt=now - AUTO_DONE_AFTER
    ).order_by("pk"):
        try:
            planned_outage_complete(planned=planned, actor=None, now=now)
        except ApplicationError:  # changed meanwhile by a dispatcher
            continue
        closed += 1
    return closed


def _tell_subscribers(planned: PlannedOutage, what: str, *, template: str, extra=None) -> None:
    tz_name = planned.branch.timezone
    subscribers_notify(
        event_key=f"planned:{planned.pk}:{what}",
        substation_ids=list(planned.substations.values_list("pk", flat=True)),
        template=template,
        context={
            "planned_id": planned.pk,
            "reason": planned.reason,
            "starts_text": local_text(planned.starts_at, tz_name),
            "ends_text": local_text(planned.ends_at, tz_name),
            **(extra or {}),
        },
    )
