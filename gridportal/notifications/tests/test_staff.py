"""Staff console: branch-scoped delivery log with retry, counts per branch, audited contact view."""

from django.urls import reverse

from gridportal.core.models import AuditLogEntry
from gridportal.notifications import services
from gridportal.notifications.choices import Channel, DeliveryStatus, SubscriptionStatus
from gridportal.notifications.models import Delivery

from .factories import SubscriptionFactory

DELIVERIES = reverse("staff:notifications:deliveries")
COUNTS = reverse("staff:notifications:subscriptions")
TEMPLATE = "notifications/messages/test_message"


def _delivery(address, status=DeliveryStatus.FAILED, contact="ivanova@example.ru", event="e1"):
    subscription = SubscriptionFactory(address=address, contact=contact)
    return Delivery.objects.create(
        subscription=subscription,
        event_key=event,
        channel=subscription.channel,
        template=TEMPLATE,
        context={"note": "x"},
        status=status,
        attempts=5,
        last_error="SMTP 451",
    )


def test_an_officer_sees_the_log_of_their_branch_only(client, officer, address, other_address):
    _delivery(address, contact="mine@example.ru", event="incident-mine")
    _delivery(other_address, contact="theirs@example.ru", event="incident-theirs")
    client.force_login(officer)
    page = client.get(DELIVERIES)
    assert page.status_code == 200
    body = page.content.decode()
    assert "incident-mine" in body and "incident-theirs" not in body
    # Contacts are masked in the list.
    assert "m***@example.ru" in body and "mine@example.ru" not in body


def test_the_log_filters_by_status_and_event(client, officer, address):
    _delivery(address, status=DeliveryStatus.FAILED, contact="a@example.ru", event="incident-1")
    _delivery(address, status=DeliveryStatus.SENT, contact="b@example.ru", event="incident-2")
    client.force_login(officer)
    body = client.get(DELIVERIES, {"status": "failed"}).content.decode()
    assert "incident-1" in body and "incident-2" not in body
    body = client.get(DELIVERIES, {"event": "incident-2"}).content.decode()
    assert "incident-1" not in body and "incident-2" in body
    assert client.get(DELIVERIES, {"status": "bogus"}).status_code == 400


def test_an_officer_retries_a_failed_message_and_it_is_audited(
    client, officer, smtp_server, address, django_capture_on_commit_callbacks
):
    delivery = _delivery(address)
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:notifications:delivery-retry", args=[delivery.pk]))
    assert response.status_code == 302
    [mail] = smtp_server.wait_for(1)
    assert mail["to"] == ["ivanova@example.ru"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 1)
    entry = AuditLogEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.branch) == (
        officer,
        "notifications.delivery",
        address.branch,
    )


def test_a_sent_message_is_not_sent_again_by_retry(client, officer, address):
    delivery = _delivery(address, status=DeliveryStatus.SENT)
    client.force_login(officer)
    response = client.post(
        reverse("staff:notifications:delivery-retry", args=[delivery.pk]), follow=True
    )
    assert "Повторно отправить можно только" in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT


def test_an_officer_cannot_retry_another_branchs_message(client, officer, other_address):
    delivery = _delivery(other_address)
    client.force_login(officer)
    response = client.post(reverse("staff:notifications:delivery-retry", args=[delivery.pk]))
    assert response.status_code == 404
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED


def test_viewing_a_subscribers_contact_is_audited(client, officer, address):
    subscription = SubscriptionFactory(address=address, contact="ivanova@example.ru")
    client.force_login(officer)
    page = client.get(reverse("staff:notifications:subscription", args=[subscription.pk]))
    assert page.status_code == 200
    assert "ivanova@example.ru" in page.content.decode()
    entry = AuditLogEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_id) == (officer, "view", str(subscription.pk))


def test_an_officer_cannot_see_a_subscriber_of_another_branch(client, officer, other_address):
    subscription = SubscriptionFactory(address=other_address)
    client.force_login(officer)
    response = client.get(reverse("staff:notifications:subscription", args=[subscription.pk]))
    assert response.status_code == 404
    assert not AuditLogEntry.objects.exists()


def test_counts_per_branch_are_scoped(client, officer, administrator, address, other_address):
    SubscriptionFactory(address=address)
    SubscriptionFactory(address=address, channel=Channel.SMS, contact="+79123456789")
    SubscriptionFactory(address=address, status=SubscriptionStatus.PENDING)
    SubscriptionFactory(address=other_address)
    client.force_login(officer)
    page = client.get(COUNTS)
    assert page.status_code == 200
    rows = page.context["rows"]
    assert len(rows) == 1
    assert (rows[0]["confirmed_email"], rows[0]["confirmed_sms"], rows[0]["pending"]) == (1, 1, 1)

    client.force_login(administrator)
    assert len(client.get(COUNTS).context["rows"]) == 2


def test_customers_and_strangers_are_kept_out(client, customer, address):
    assert client.get(DELIVERIES).status_code == 302
    client.force_login(customer)
    assert client.get(DELIVERIES).status_code == 403
    assert client.get(COUNTS).status_code == 403


def test_the_log_page_does_not_grow_queries_with_rows(
    client, officer, address, django_assert_max_num_queries
):
    for n in range(30):
        _delivery(address, contact=f"s{n}@example.ru", event=f"ev{n}")
    client.force_login(officer)
    with django_assert_max_num_queries(15):
        assert client.get(DELIVERIES).status_code == 200


def test_dispatch_respects_nothing_about_staff_scope(address, other_address):
    # The interface is for other apps, not for people: it has no user and no scope.
    SubscriptionFactory(address=address)
    SubscriptionFactory(address=other_address)
    assert (
        services.notification_dispatch(
            event_key="all",
            address_ids=[address.pk, other_address.pk],
            template=TEMPLATE,
            context={},
        )
        == 2
    )


def test_the_admin_shows_rules_and_a_read_only_log_without_full_contacts(
    client, administrator, address
):
    delivery = _delivery(address, contact="ivanova@example.ru")
    client.force_login(administrator)
    rules = client.get(reverse("admin:core_rule_changelist"), {"namespace__exact": "notifications"})
    assert rules.status_code == 200
    assert "code_max_attempts" in rules.content.decode()
    for name in ("subscription", "delivery"):
        page = client.get(reverse(f"admin:notifications_{name}_changelist"))
        assert page.status_code == 200
        assert "ivanova@example.ru" not in page.content.decode()
    detail = client.get(
        reverse("admin:notifications_subscription_change", args=[delivery.subscription_id])
    )
    assert detail.status_code == 200
    assert "ivanova@example.ru" not in detail.content.decode()
    assert client.get(reverse("admin:notifications_subscription_add")).status_code == 403
