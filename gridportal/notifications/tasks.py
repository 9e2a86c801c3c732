"""Thin, idempotent tasks: they take ids and call services."""

import logging

from celery import shared_task

from . import rules, services
from .transports import DeliveryFailure, TemporaryFailure

logger = logging.getLogger(__name__)

CONFIRMATION_ATTEMPTS = 5


@shared_task(ignore_result=True)
def deliver(delivery_id: int) -> None:
    """Send one queued delivery; try again later on a temporary failure."""
    delay = services.delivery_send(delivery_id=delivery_id)
    if delay is not None:
        deliver.apply_async(args=[delivery_id], countdown=delay)


@shared_task(ignore_result=True)
def send_confirmation(subscription_id: int, attempt: int = 1) -> None:
    """The confirmation letter of an e-mail subscription."""
    try:
        services.subscription_confirmation_send(subscription_id=subscription_id)
    except TemporaryFailure as error:
        if attempt < CONFIRMATION_ATTEMPTS:
            send_confirmation.apply_async(
                args=[subscription_id, attempt + 1], countdown=rules.retry_delay(attempt, base=10)
            )
        else:
            logger.error("confirmation for subscription %s not sent: %s", subscription_id, error)
    except DeliveryFailure as error:
        logger.error("confirmation for subscription %s refused: %s", subscription_id, error)


@shared_task(ignore_result=True)
def send_code(subscription_id: int) -> None:
    """A new SMS code for a pending SMS subscription (the person waits: quick retries only)."""
    try:
        services.subscription_code_send(subscription_id=subscription_id)
    except DeliveryFailure as error:
        logger.error("code for subscription %s not sent: %s", subscription_id, error)


@shared_task(ignore_result=True)
def sweep_deliveries() -> None:
    """Periodic (Celery beat, every few minutes): re-enqueue deliveries whose task was lost."""
    services.deliveries_requeue_stale()


@shared_task(ignore_result=True)
def send_manage_link(channel: str, contact: str) -> None:
    """The signed link to the manage page, asked for on the site."""
    try:
        services.manage_link_send(channel=channel, contact=contact)
    except DeliveryFailure as error:
        logger.error("manage link not sent: %s", error)


@shared_task(ignore_result=True)
def erase_stale_subscriptions() -> None:
    """Daily: contacts of cancelled or never confirmed subscriptions are not kept (152-FZ)."""
    services.subscriptions_erase_stale()


def _register_beat(sender, **kwargs):
    sender.add_periodic_task(300.0, sweep_deliveries.s(), name="notifications: sweep deliveries")
    sender.add_periodic_task(
        24 * 3600.0, erase_stale_subscriptions.s(), name="notifications: erase stale contacts"
    )


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
