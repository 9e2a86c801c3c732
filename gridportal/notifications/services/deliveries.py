"""The interface other apps call (notification_dispatch) and the idempotent delivery log."""

from __future__ import annotations

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from .. import rules
from ..choices import Channel, DeliveryStatus, SubscriptionStatus
from ..models import Delivery, Subscription
from ..rendering import message_render, templates_check
from ..transports import DeliveryFailure, email_send, sms_enabled, sms_send
from .common import STALE_AFTER, _chunks, _enqueue_deliveries, policy_in_force

# --- the interface other apps call ----------------------------------------------------------

logger = logging.getLogger(__name__)


def notification_dispatch(
    *,
    event_key: str,
    address_ids: list[int],
    template: str,
    context: dict,
    service_event: str = "",
) -> int:
    """Queue one message per confirmed subscription on these addresses; idempotent per (event_key, subscription).
    Renders `<template>.subject.txt`, `<template>.body.txt` and `<template>.sms.txt` (Django templates, found through the
    normal template loaders) in the subscriber's language with `context` + {"subscription", "address",
    "unsubscribe_url", "site_url"} (absolute URLs built from settings.SITE_URL). Returns the number newly queued.
    With `service_event` (a `core.signals.ServiceEventKind`), each newly told e-mail subscriber is
    also announced as that service event after commit (surveys invite after a restoration)."""
    if not event_key or len(event_key) > 200:
        raise ValueError("event_key must be 1–200 characters")
    templates_check(template)
    # Stored as JSON: what is sent later is what was dispatched now.
    stored_context = json.loads(json.dumps(context or {}, cls=DjangoJSONEncoder))
    address_ids = sorted({int(pk) for pk in address_ids})
    queued: list[int] = []
    with transaction.atomic():
        for address_chunk in _chunks(address_ids):
            subscriptions = list(
                Subscription.objects.filter(
                    address_id__in=address_chunk, status=SubscriptionStatus.CONFIRMED
                ).values_list("id", "channel")
            )
            for chunk in _chunks(subscriptions):
                ids = [pk for pk, _channel in chunk]
                already = set(
                    Delivery.objects.filter(
                        event_key=event_key, subscription_id__in=ids
                    ).values_list("subscription_id", flat=True)
                )
                new = [
                    Delivery(
                        subscription_id=pk,
                        channel=channel,
                        event_key=event_key,
                        template=template,
                        context=stored_context,
                    )
                    for pk, channel in chunk
                    if pk not in already
                ]
                if not new:
                    continue
                Delivery.objects.bulk_create(new, ignore_conflicts=True)
                queued.extend(
                    Delivery.objects.filter(
                        event_key=event_key,
                        subscription_id__in=[d.subscription_id for d in new],
                        status=DeliveryStatus.QUEUED,
                        attempts=0,
                    ).values_list("id", flat=True)
                )
        if queued:
            transaction.on_commit(lambda: _enqueue_deliveries(queued))
            if service_event:
                transaction.on_commit(lambda: _announce(service_event, queued))
    return len(queued)


def _announce(kind: str, delivery_ids: list[int]) -> None:
    """Tell the other capabilities (surveys) that this happened to each newly told e-mail
    subscriber: a `core.signals.service_event` per subscription (decision 0015)."""
    from gridportal.core.signals import service_event_send

    subscriptions = Subscription.objects.filter(
        deliveries__id__in=delivery_ids, channel=Channel.EMAIL
    ).select_related("address")
    for subscription in subscriptions.distinct():
        service_event_send(
            kind=kind,
            record=subscription,
            branch_id=subscription.address.branch_id,
            contact=subscription.contact,
            language=subscription.language,
        )


# --- deliveries ---------------------------------------------------------------------------


def delivery_claim(delivery_id: int) -> Delivery | None:
    with transaction.atomic():
        qs = Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.QUEUED)
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True)
        if qs.values_list("pk", flat=True).first() is None:
            return None
        # The conditional update is the claim itself, so it holds on SQLite too.
        claimed = Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.QUEUED).update(
            status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now()
        )
        if not claimed:
            return None
    return Delivery.objects.select_related("subscription__address").get(pk=delivery_id)


def delivery_record(delivery: Delivery, **fields) -> None:
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(**fields)


def delivery_send(*, delivery_id: int) -> float | None:
    """Claim a queued delivery, send it once, record the outcome.

    Returns the seconds to wait before the next attempt when it should be tried again, else None.
    Running it twice never sends twice: only a queued row can be claimed.
    """
    delivery = delivery_claim(delivery_id)
    if delivery is None:
        return None
    subscription = delivery.subscription
    if subscription.status != SubscriptionStatus.CONFIRMED:
        delivery_record(delivery, status=DeliveryStatus.SKIPPED, last_error="not confirmed")
        return None
    if subscription.channel == Channel.SMS and not sms_enabled():
        delivery_record(delivery, status=DeliveryStatus.SKIPPED, last_error="SMS disabled")
        return None
    try:
        message = message_render(
            subscription=subscription, template=delivery.template, context=delivery.context
        )
        if subscription.channel == Channel.SMS:
            sms_send(to=subscription.contact, text=message.sms)
        else:
            email_send(
                to=subscription.contact,
                subject=message.subject,
                body=message.body,
                headers={
                    "List-Unsubscribe": f"<{message.unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        delivery_record(delivery, status=DeliveryStatus.FAILED, last_error=f"template: {error}")
        return None
    except DeliveryFailure as error:
        outcome = rules.Outcome.PERMANENT if error.permanent else rules.Outcome.TEMPORARY
        status = rules.after_failure(
            outcome=outcome,
            attempts=delivery.attempts,
            max_attempts=policy_in_force().max_delivery_attempts,
        )
        delivery_record(delivery, status=status, last_error=str(error)[:2000])
        logger.warning("delivery %s failed (%s): %s", delivery.pk, status, error)
        if status == DeliveryStatus.QUEUED:
            return rules.retry_delay(delivery.attempts)
        return None
    delivery_record(delivery, status=DeliveryStatus.SENT, sent_at=timezone.now(), last_error="")
    return None


def delivery_retry(*, delivery: Delivery, actor, request=None) -> Delivery:
    """Staff: put a failed or skipped delivery back in the queue for a fresh round of attempts."""
    if delivery.status not in (DeliveryStatus.FAILED, DeliveryStatus.SKIPPED):
        raise ApplicationError(_("Only failed or skipped messages can be sent again."))
    with transaction.atomic():
        updated = Delivery.objects.filter(
            pk=delivery.pk, status__in=(DeliveryStatus.FAILED, DeliveryStatus.SKIPPED)
        ).update(status=DeliveryStatus.QUEUED, attempts=0, claimed_at=None)
        if not updated:
            raise ApplicationError(_("Only failed or skipped messages can be sent again."))
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=delivery,
            branch=delivery.subscription.address.branch,
            request=request,
            details={"retry": True, "previous_status": delivery.status},
        )
        transaction.on_commit(lambda: _enqueue_deliveries([delivery.pk]))
    delivery.refresh_from_db()
    return delivery


def deliveries_requeue_stale(*, now=None) -> int:
    """Sweep: re-enqueue queued rows whose task was lost and sending rows whose worker died."""
    now = now or timezone.now()
    cutoff = now - STALE_AFTER
    with transaction.atomic():
        Delivery.objects.filter(status=DeliveryStatus.SENDING, claimed_at__lt=cutoff).update(
            status=DeliveryStatus.QUEUED
        )
        ids = list(
            Delivery.objects.filter(status=DeliveryStatus.QUEUED)
            .filter(created_at__lt=cutoff)
            .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=cutoff))
            .values_list("id", flat=True)[:10000]
        )
        transaction.on_commit(lambda: _enqueue_deliveries(ids))
    return len(ids)
