"""Writes of the notifications app, one module per concern.

    subscriptions  double opt-in (link or SMS code), manage links, unsubscribe, restore, erase
    deliveries     notification_dispatch (the interface other apps call) and the delivery log
    common         the subscription policy in force, batching

Callers import from here.
"""

from .common import policy_in_force
from .deliveries import (
    deliveries_requeue_stale,
    delivery_claim,
    delivery_retry,
    delivery_send,
    notification_dispatch,
)
from .subscriptions import (
    manage_link_request,
    manage_link_send,
    subscription_code_resend,
    subscription_code_send,
    subscription_code_verify,
    subscription_confirm,
    subscription_confirmation_send,
    subscription_create,
    subscription_restore,
    subscription_unsubscribe,
    subscriptions_erase_stale,
)

__all__ = [
    "deliveries_requeue_stale",
    "delivery_claim",
    "delivery_retry",
    "delivery_send",
    "manage_link_request",
    "manage_link_send",
    "notification_dispatch",
    "policy_in_force",
    "subscription_code_resend",
    "subscription_code_send",
    "subscription_code_verify",
    "subscription_confirm",
    "subscription_confirmation_send",
    "subscription_create",
    "subscription_restore",
    "subscription_unsubscribe",
    "subscriptions_erase_stale",
]
