"""Message rendering (plain text, unsubscribe link always present) and claims under concurrency."""

import threading
from pathlib import Path

import pytest
from django.db import connection, transaction

from gridportal.notifications import services
from gridportal.notifications.choices import Channel, DeliveryStatus
from gridportal.notifications.models import Delivery

from .conftest import link_path
from .factories import SubscriptionFactory

TEST_TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture
def test_templates(settings):
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [TEST_TEMPLATES]
    settings.TEMPLATES = [engine]


def test_a_body_without_an_unsubscribe_link_gets_one_and_nothing_is_escaped(
    client, commit, smtp_server, address, test_templates
):
    subscription = SubscriptionFactory(address=address)
    with commit():
        services.notification_dispatch(
            event_key="restored",
            address_ids=[address.pk],
            template="notifications_test/bare",
            context={"restored_at": "18:05"},
        )
    [mail] = smtp_server.wait_for(1)
    assert mail["subject"].strip() == 'Bare "subject" & <more>'
    assert 'Restored at 18:05 — "quoted" & <tags> stay as typed.' in mail["body"]
    assert "Отписаться одним нажатием" in mail["body"]
    client.post(link_path(mail["body"], "u"))  # the button on the page the link opens
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    manage = link_path(mail["body"], "manage")
    assert client.get(manage).status_code == 200


def test_an_sms_without_an_unsubscribe_link_gets_a_short_one(
    commit, sms_gateway, address, test_templates
):
    SubscriptionFactory(address=address, channel=Channel.SMS, contact="+79123456789")
    with commit():
        services.notification_dispatch(
            event_key="restored",
            address_ids=[address.pk],
            template="notifications_test/bare",
            context={},
        )
    [text] = sms_gateway.texts
    assert text.startswith(f"Power is back at {address.label}.")
    link = text.rsplit(" ", 1)[1]
    assert "Отписаться:" in text and "/notifications/u/" in link
    assert len(link) < 60


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="SKIP LOCKED is a PostgreSQL feature"
)
@pytest.mark.django_db(transaction=True)
def test_a_row_locked_by_one_worker_is_skipped_by_another(address):
    subscription = SubscriptionFactory(address=address)
    delivery = Delivery.objects.create(
        subscription=subscription,
        event_key="e",
        channel=subscription.channel,
        template="notifications/messages/test_message",
    )
    locked, release, result = threading.Event(), threading.Event(), {}

    def first_worker():
        try:
            with transaction.atomic():
                Delivery.objects.select_for_update().get(pk=delivery.pk)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=first_worker)
    thread.start()
    assert locked.wait(10)
    try:
        result["claimed"] = services.delivery_claim(delivery.pk)
    finally:
        release.set()
        thread.join(10)
    assert result["claimed"] is None  # did not wait, did not claim
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.QUEUED, 0)
    assert services.delivery_claim(delivery.pk) is not None
