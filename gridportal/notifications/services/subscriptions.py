"""Subscriptions with double opt-in: create, confirm (link or SMS code), manage, unsubscribe, erase."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gridportal.accounts.consents import SUBSCRIPTION
from gridportal.accounts.services import consent_record, consent_withdraw
from gridportal.core.exceptions import ApplicationError

from .. import links, rules
from ..choices import Channel, DeliveryStatus, SubscriptionStatus
from ..models import Delivery, Subscription
from ..rendering import render_text
from ..signals import subscription_confirmed_send
from ..transports import email_send, sms_enabled, sms_send
from .common import ACTIVE, MANAGE_LINK_COOLDOWN, _chunks, policy_in_force

# --- subscriptions -------------------------------------------------------------------------


def subscription_create(
    *, address, channel: str, contact: str, language: str, request=None
) -> Subscription:
    """Start a subscription (or restart a pending/cancelled one) and send the confirmation."""
    if channel == Channel.SMS and not sms_enabled():
        raise ApplicationError(
            _("SMS notifications are not available at the moment. Please subscribe by e-mail."),
            code="sms_disabled",
        )
    policy = policy_in_force()
    with transaction.atomic():
        subscription, _created = Subscription.objects.get_or_create(
            address=address, channel=channel, contact=contact
        )
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status == SubscriptionStatus.CONFIRMED:
            raise ApplicationError(
                _("This contact is already subscribed to news about this address."),
                code="already_subscribed",
            )
        active = (
            Subscription.objects.filter(channel=channel, contact=contact, status__in=ACTIVE)
            .exclude(pk=subscription.pk)
            .count()
        )
        if active >= policy.max_subscriptions_per_contact:
            raise ApplicationError(
                ngettext(
                    "This contact already has {n} subscription, the most we allow. "
                    "Cancel one you no longer need first.",
                    "This contact already has {n} subscriptions, the most we allow. "
                    "Cancel one you no longer need first.",
                    active,
                ).format(n=active),
                code="too_many_subscriptions",
            )
        now = timezone.now()
        # Subscribing again while a confirmation is on its way must not become a way to
        # flood someone's phone or mailbox: inside the resend interval nothing new is sent.
        resend = subscription.status != SubscriptionStatus.PENDING or not rules.code_resend_wait(
            policy=policy, sent_at=subscription.code_sent_at, now=now
        )
        subscription.consent = consent_record(
            purpose=SUBSCRIPTION, request=request, contact=contact
        )
        subscription.status = SubscriptionStatus.PENDING
        subscription.language = language
        subscription.unsubscribed_at = None
        if resend:
            subscription.code_hash = ""
            subscription.code_attempts = 0
            subscription.code_sent_at = now
            transaction.on_commit(lambda: _send_confirmation(subscription))
        subscription.save()
    return subscription


def _send_confirmation(subscription: Subscription) -> None:
    from ..tasks import send_code, send_confirmation

    if subscription.channel == Channel.SMS:
        send_code.delay(subscription.pk)
    else:
        send_confirmation.delay(subscription.pk)


def subscription_confirmation_send(*, subscription_id: int) -> bool:
    """Send the confirmation letter of a pending e-mail subscription. False if there is nothing to send."""
    subscription = (
        Subscription.objects.select_related("address")
        .filter(pk=subscription_id, channel=Channel.EMAIL, status=SubscriptionStatus.PENDING)
        .first()
    )
    if subscription is None:
        return False
    policy = policy_in_force()
    context = {
        "subscription": subscription,
        "address": subscription.address,
        "confirm_url": links.confirm_url(subscription),
        "hours": policy.confirm_link_hours,
        "site_url": settings.SITE_URL,
        "portal_name": settings.PORTAL_NAME,
    }
    with translation.override(subscription.language):
        subject = render_text("notifications/messages/confirm.subject.txt", context)
        body = render_text("notifications/messages/confirm.body.txt", context)
    email_send(to=subscription.contact, subject=subject, body=body)
    return True


def subscription_code_send(*, subscription_id: int) -> bool:
    """Make a new 6-digit code for a pending SMS subscription, keep only its hash, send it by SMS."""
    policy = policy_in_force()
    code = rules.code_generate()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(pk=subscription_id, channel=Channel.SMS, status=SubscriptionStatus.PENDING)
            .first()
        )
        if subscription is None:
            return False
        subscription.code_hash = rules.code_digest(
            code, subscription_id=subscription.pk, key=settings.SECRET_KEY
        )
        subscription.code_sent_at = timezone.now()
        subscription.code_attempts = 0
        subscription.save(
            update_fields=["code_hash", "code_sent_at", "code_attempts", "updated_at"]
        )
    with translation.override(subscription.language):
        text = render_text(
            "notifications/messages/code.sms.txt",
            {"code": code, "minutes": policy.code_ttl_minutes, "portal_name": settings.PORTAL_NAME},
        )
    sms_send(to=subscription.contact, text=text, retries=2)
    return True


def subscription_code_resend(*, subscription: Subscription) -> None:
    if subscription.channel != Channel.SMS or subscription.status != SubscriptionStatus.PENDING:
        raise ApplicationError(_("This subscription does not wait for a code."), code="not_pending")
    policy = policy_in_force()
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        wait = rules.code_resend_wait(
            policy=policy, sent_at=locked.code_sent_at, now=timezone.now()
        )
        if wait:
            raise ApplicationError(
                ngettext(
                    "You can ask for a new code in {n} second.",
                    "You can ask for a new code in {n} seconds.",
                    wait,
                ).format(n=wait),
                code="too_soon",
            )
        locked.code_sent_at = timezone.now()
        locked.save(update_fields=["code_sent_at", "updated_at"])
        transaction.on_commit(lambda: _send_confirmation(locked))


def subscription_code_verify(*, subscription: Subscription, code: str) -> Subscription:
    """Check an SMS code; confirm the subscription on success. Every wrong try counts."""
    policy = policy_in_force()
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.status == SubscriptionStatus.CONFIRMED:
            return locked
        if locked.status != SubscriptionStatus.PENDING or locked.channel != Channel.SMS:
            raise ApplicationError(
                _("This subscription was cancelled. Please subscribe again."), code="cancelled"
            )
        result = rules.code_check(
            policy=policy,
            expected_digest=locked.code_hash,
            given_digest=rules.code_digest(
                code.strip(), subscription_id=locked.pk, key=settings.SECRET_KEY
            ),
            attempts_before=locked.code_attempts,
            sent_at=locked.code_sent_at,
            now=timezone.now(),
        )
        if result is rules.CodeCheck.OK:
            locked.status = SubscriptionStatus.CONFIRMED
            locked.confirmed_at = timezone.now()
            locked.code_hash = ""
            locked.save()
            transaction.on_commit(lambda: subscription_confirmed_send(locked))
            return locked
        if result is rules.CodeCheck.WRONG:
            locked.code_attempts += 1
            locked.save(update_fields=["code_attempts", "updated_at"])
        left = policy.code_max_attempts - locked.code_attempts
    # Raised after the commit: the counted attempt must stay counted.
    if result is rules.CodeCheck.EXPIRED:
        raise ApplicationError(_("The code has expired. Ask for a new one."), code="code_expired")
    if result is rules.CodeCheck.LOCKED or left <= 0:
        raise ApplicationError(_("Too many wrong codes. Ask for a new one."), code="code_locked")
    raise ApplicationError(
        ngettext(
            "The code is wrong. You have {n} more try.",
            "The code is wrong. You have {n} more tries.",
            left,
        ).format(n=left),
        code="code_wrong",
    )


def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """Confirm an e-mail subscription from its link; confirming twice is harmless."""
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.status == SubscriptionStatus.UNSUBSCRIBED:
            raise ApplicationError(
                _("This subscription was cancelled. Please subscribe again."), code="cancelled"
            )
        if locked.status == SubscriptionStatus.PENDING:
            locked.status = SubscriptionStatus.CONFIRMED
            locked.confirmed_at = timezone.now()
            locked.save()
            # The current state of the address at once (an outage under way): signals.py.
            transaction.on_commit(lambda: subscription_confirmed_send(locked))
    return locked


def subscription_unsubscribe(*, subscription: Subscription) -> Subscription:
    """Cancel a subscription: nothing more is sent, the consent is marked withdrawn."""
    now = timezone.now()
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.status == SubscriptionStatus.UNSUBSCRIBED:
            return locked
        locked.status = SubscriptionStatus.UNSUBSCRIBED
        locked.unsubscribed_at = now
        locked.code_hash = ""
        locked.save()
        Delivery.objects.filter(subscription=locked, status=DeliveryStatus.QUEUED).update(
            status=DeliveryStatus.SKIPPED, last_error="unsubscribed"
        )
        if locked.consent_id:
            consent_withdraw(record_id=locked.consent_id, at=now)
    return locked


def manage_link_request(*, channel: str, contact: str) -> bool:
    """Send the manage link to a contact that has subscriptions; quietly nothing otherwise.

    The answer to the person is the same either way, so the form does not reveal who subscribes.
    """
    if channel == Channel.SMS and not sms_enabled():
        return False
    if not Subscription.objects.filter(
        channel=channel, contact=contact, status__in=ACTIVE
    ).exists():
        return False
    if not cache.add(f"notifications:manage-link:{channel}:{contact}", 1, MANAGE_LINK_COOLDOWN):
        return False

    def send():
        from ..tasks import send_manage_link

        send_manage_link.delay(channel, contact)

    transaction.on_commit(send)
    return True


def manage_link_send(*, channel: str, contact: str) -> bool:
    subscription = (
        Subscription.objects.filter(channel=channel, contact=contact, status__in=ACTIVE)
        .order_by("-updated_at")
        .first()
    )
    if subscription is None:
        return False
    context = {"manage_url": links.manage_url(subscription), "portal_name": settings.PORTAL_NAME}
    with translation.override(subscription.language):
        if channel == Channel.SMS:
            text = render_text("notifications/messages/manage_link.sms.txt", context)
        else:
            subject = render_text("notifications/messages/manage_link.subject.txt", context)
            body = render_text("notifications/messages/manage_link.body.txt", context)
    if channel == Channel.SMS:
        sms_send(to=contact, text=text, retries=2)
    else:
        email_send(to=contact, subject=subject, body=body)
    return True


def subscriptions_erase_stale(*, now=None) -> int:
    """Erase the contacts of subscriptions cancelled, or never confirmed, long enough ago (152-FZ).

    The rows stay (delivery log, counts) but no longer say who the person was; the consent
    record given with the subscription loses its contact too.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=policy_in_force().erase_after_days)
    stale = Subscription.objects.filter(
        Q(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
        | Q(status=SubscriptionStatus.PENDING, created_at__lt=cutoff, updated_at__lt=cutoff)
    ).exclude(contact__startswith=rules.ERASED_PREFIX)
    erased = 0
    for chunk in _chunks(list(stale.values_list("pk", flat=True))):
        with transaction.atomic():
            for subscription in Subscription.objects.select_for_update().filter(pk__in=chunk):
                if subscription.consent_id:
                    consent_withdraw(
                        record_id=subscription.consent_id,
                        at=subscription.unsubscribed_at or now,
                        erase_contact=True,
                    )
                subscription.contact = rules.erased_contact(subscription.pk)
                subscription.code_hash = ""
                if subscription.status == SubscriptionStatus.PENDING:
                    subscription.status = SubscriptionStatus.UNSUBSCRIBED
                    subscription.unsubscribed_at = now
                subscription.save()
                erased += 1
    return erased


def subscription_restore(*, subscription: Subscription, request=None) -> Subscription:
    """Undo an unsubscribe (a click by mistake, or a mail scanner that opened the link).

    Only a subscription that was confirmed and is not yet erased; consent is given anew.
    """
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.status == SubscriptionStatus.CONFIRMED:
            return locked
        if (
            locked.status != SubscriptionStatus.UNSUBSCRIBED
            or locked.confirmed_at is None
            or locked.is_erased
        ):
            raise ApplicationError(
                _("This subscription cannot be restored. Please subscribe again."),
                code="not_restorable",
            )
        locked.consent = consent_record(
            purpose=SUBSCRIPTION, request=request, contact=locked.contact
        )
        locked.status = SubscriptionStatus.CONFIRMED
        locked.unsubscribed_at = None
        locked.save()
    return locked
