"""Signals of the notifications module for the capabilities above it.

`subscription_confirmed` is sent after a subscription becomes active (its transaction
committed), with `subscription`. A capability that knows the address's current state
(the hotline: an outage under way) answers at once with `notification_dispatch` to that
address — its idempotent event keys mean older subscribers are not told twice.
"""

from django.dispatch import Signal

subscription_confirmed = Signal()


def subscription_confirmed_send(subscription) -> None:
    import logging

    for receiver, outcome in subscription_confirmed.send_robust(
        sender=type(subscription), subscription=subscription
    ):
        if isinstance(outcome, Exception):
            logging.getLogger(__name__).error(
                "subscription_confirmed: listener %r failed", receiver, exc_info=outcome
            )
