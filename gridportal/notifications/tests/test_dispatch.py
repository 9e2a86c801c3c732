"""notification_dispatch and the delivery task: once per event and subscription, retries, failures."""

import datetime
import socket

import hypothesis
import pytest
from django.template import TemplateDoesNotExist
from hypothesis import strategies as st

from gridportal.notifications import services, tasks
from gridportal.notifications.choices import Channel, DeliveryStatus, SubscriptionStatus
from gridportal.notifications.models import Delivery

from .conftest import link_path
from .factories import SubscriptionFactory

TEMPLATE = "notifications/messages/test_message"


def _dispatch(commit, address_ids, event_key="incident-7:start", **context):
    with commit():
        return services.notification_dispatch(
            event_key=event_key,
            address_ids=address_ids,
            template=TEMPLATE,
            context=context or {"note": "Авария на ВЛ-10 кВ"},
        )


def _sms_subscriber(address, **extra):
    return SubscriptionFactory(
        address=address, channel=Channel.SMS, contact="+79123456789", **extra
    )


def test_only_confirmed_subscribers_of_the_addresses_are_messaged(
    commit, smtp_server, address, other_address
):
    SubscriptionFactory(address=address, contact="yes@example.ru")
    SubscriptionFactory(
        address=address, contact="pending@example.ru", status=SubscriptionStatus.PENDING
    )
    SubscriptionFactory(
        address=address, contact="gone@example.ru", status=SubscriptionStatus.UNSUBSCRIBED
    )
    SubscriptionFactory(address=other_address, contact="elsewhere@example.ru")

    assert _dispatch(commit, [address.pk]) == 1
    [mail] = smtp_server.wait_for(1)
    assert mail["to"] == ["yes@example.ru"]
    assert "Авария на ВЛ-10 кВ" in mail["body"]
    assert address.label in mail["subject"]


def test_dispatching_the_same_event_twice_sends_once(commit, smtp_server, address):
    SubscriptionFactory(address=address)
    assert _dispatch(commit, [address.pk, address.pk]) == 1
    assert _dispatch(commit, [address.pk]) == 0
    assert len(smtp_server.wait_for(1)) == 1
    assert _dispatch(commit, [address.pk], event_key="incident-7:restored") == 1
    assert len(smtp_server.wait_for(2)) == 2


def test_running_the_task_again_never_sends_twice(commit, smtp_server, address):
    SubscriptionFactory(address=address)
    _dispatch(commit, [address.pk])
    delivery = Delivery.objects.get()
    tasks.deliver(delivery.pk)
    tasks.deliver.delay(delivery.pk)
    assert len(smtp_server.wait_for(1)) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 1)
    assert delivery.sent_at is not None


def test_a_claimed_delivery_cannot_be_claimed_again(address):
    SubscriptionFactory(address=address)
    services.notification_dispatch(
        event_key="e", address_ids=[address.pk], template=TEMPLATE, context={}
    )
    delivery = Delivery.objects.get()
    assert services.delivery_claim(delivery.pk) is not None
    assert services.delivery_claim(delivery.pk) is None
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENDING, 1)


def test_a_subscriber_who_leaves_before_sending_is_skipped(client, smtp_server, address):
    subscription = SubscriptionFactory(address=address)
    # Queued, but the task has not run yet (no commit in this test's transaction).
    services.notification_dispatch(
        event_key="e", address_ids=[address.pk], template=TEMPLATE, context={}
    )
    services.subscription_unsubscribe(subscription=subscription)
    delivery = Delivery.objects.get()
    tasks.deliver(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SKIPPED
    assert smtp_server.messages == []


def test_sms_goes_through_the_gateway_with_an_unsubscribe_link(
    client, commit, sms_gateway, address
):
    subscription = _sms_subscriber(address)
    assert _dispatch(commit, [address.pk]) == 1
    [request] = sms_gateway.requests
    assert request["body"]["to"] == "+79123456789"
    assert "Авария на ВЛ-10 кВ" in request["body"]["text"]
    link = link_path(request["body"]["text"], "u")
    assert client.get(link).status_code == 200  # the page with the button
    response = client.post(link)
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED


def test_a_gateway_error_500_then_success_is_retried(commit, sms_gateway, address):
    _sms_subscriber(address)
    sms_gateway.answer_with(500)
    _dispatch(commit, [address.pk])
    assert [r["status"] for r in sms_gateway.requests] == [500, 200]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


def test_a_gateway_refusal_400_fails_for_good(commit, sms_gateway, address):
    _sms_subscriber(address)
    sms_gateway.answer_with(400)
    _dispatch(commit, [address.pk])
    assert [r["status"] for r in sms_gateway.requests] == [400]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert "400" in delivery.last_error


def test_a_gateway_that_keeps_failing_is_given_up_after_the_allowed_attempts(
    commit, sms_gateway, address
):
    _sms_subscriber(address)
    sms_gateway.answer_with(*([503] * 10))
    _dispatch(commit, [address.pk])
    assert len(sms_gateway.requests) == 5
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 5)


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_mail_server_is_retried_then_failed(commit, settings, address):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    settings.EMAIL_TIMEOUT = 2
    SubscriptionFactory(address=address)
    _dispatch(commit, [address.pk])
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 5)
    assert "SMTP" in delivery.last_error


def test_sms_is_skipped_when_the_gateway_is_switched_off(commit, settings, address):
    settings.SMS_GATEWAY_URL = ""
    _sms_subscriber(address)
    _dispatch(commit, [address.pk])
    assert Delivery.objects.get().status == DeliveryStatus.SKIPPED


def test_a_missing_template_is_refused_at_dispatch(address):
    SubscriptionFactory(address=address)
    with pytest.raises(TemplateDoesNotExist):
        services.notification_dispatch(
            event_key="e", address_ids=[address.pk], template="nope/missing", context={}
        )
    assert not Delivery.objects.exists()


def test_the_context_is_stored_as_plain_json(address):
    SubscriptionFactory(address=address)
    at = datetime.datetime(2026, 11, 26, 15, 30, tzinfo=datetime.UTC)
    services.notification_dispatch(
        event_key="e", address_ids=[address.pk], template=TEMPLATE, context={"at": at, "n": 3}
    )
    assert Delivery.objects.get().context == {"at": "2026-11-26T15:30:00Z", "n": 3}


def test_a_lost_task_is_picked_up_by_the_sweep(
    smtp_server, address, django_capture_on_commit_callbacks
):
    SubscriptionFactory(address=address)
    services.notification_dispatch(
        event_key="e", address_ids=[address.pk], template=TEMPLATE, context={"note": "x"}
    )
    Delivery.objects.update(created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.deliveries_requeue_stale() == 1
    assert len(smtp_server.wait_for(1)) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_dispatch_handles_many_addresses(commit, address):
    SubscriptionFactory(address=address)
    ids = list(range(10**6, 10**6 + 1500)) + [address.pk]
    assert (
        services.notification_dispatch(
            event_key="big", address_ids=ids, template=TEMPLATE, context={}
        )
        == 1
    )


class _Rollback(Exception):
    pass


@pytest.fixture
def four_addresses(address):
    from gridportal.testing.factories import address_create

    addresses = [address] + [
        address_create(street=address.street, house=str(n), substation=address.substation)
        for n in (7, 9, 11)
    ]
    for a in addresses:
        SubscriptionFactory(address=a)
        SubscriptionFactory(address=a, channel=Channel.SMS, contact=f"+7912345670{a.pk % 10}")
        SubscriptionFactory(address=a, status=SubscriptionStatus.PENDING)
    return addresses


@hypothesis.settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.lists(st.integers(0, 3), max_size=5)),
        max_size=6,
    )
)
def test_each_event_reaches_each_confirmed_subscription_exactly_once(four_addresses, dispatches):
    from django.db import transaction

    from gridportal.notifications.models import Subscription

    confirmed = {
        a.pk: set(
            Subscription.objects.filter(address=a, status=SubscriptionStatus.CONFIRMED).values_list(
                "pk", flat=True
            )
        )
        for a in four_addresses
    }
    expected, queued = set(), 0
    with pytest.raises(_Rollback), transaction.atomic():
        for event, indexes in dispatches:
            ids = [four_addresses[i].pk for i in indexes]
            queued += services.notification_dispatch(
                event_key=event, address_ids=ids, template=TEMPLATE, context={}
            )
            expected |= {(event, s) for pk in ids for s in confirmed[pk]}
        actual = set(Delivery.objects.values_list("event_key", "subscription_id"))
        assert actual == expected
        assert queued == len(expected)
        raise _Rollback
