"""What the subscription and delivery services share: the policy in force, batching."""

from __future__ import annotations

from datetime import timedelta

from gridportal.core.rules import rule_values

from .. import rules
from ..choices import SubscriptionStatus

CHUNK = 500
STALE_AFTER = timedelta(minutes=15)
MANAGE_LINK_COOLDOWN = 300
ACTIVE = (SubscriptionStatus.PENDING, SubscriptionStatus.CONFIRMED)


def policy_in_force() -> rules.SubscriptionPolicy:
    """The subscription rules in force today (dated rules of namespace "notifications")."""
    return rules.policy_from(rule_values(rules.NAMESPACE))


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _enqueue_deliveries(ids: list[int]) -> None:
    from ..tasks import deliver

    for delivery_id in ids:
        deliver.delay(delivery_id)
