"""Subscribing by e-mail: double opt-in, messages, one-click unsubscribe, the manage page, bad input."""

import pytest
from django.urls import reverse

from gridportal.accounts.models import ConsentRecord
from gridportal.notifications.choices import DeliveryStatus, SubscriptionStatus
from gridportal.notifications.models import Delivery, Subscription
from gridportal.notifications.services import notification_dispatch, policy_in_force
from gridportal.testing.factories import rule_set

from .conftest import link_path

SUBSCRIBE = reverse("notifications:subscribe")
TEMPLATE = "notifications/messages/test_message"


def _subscribe(client, commit, address, email="ivanova@example.ru", **extra):
    data = {"address": address.pk, "channel": "email", "email": email, "consent": "on"}
    data.update(extra)
    with commit():
        return client.post(SUBSCRIBE, data)


def test_subscribe_confirm_receive_once_and_unsubscribe(client, commit, smtp_server, address):
    page = client.get(SUBSCRIBE, {"address": address.pk})
    assert page.status_code == 200
    assert address.label in page.content.decode()

    response = _subscribe(client, commit, address, email=" Ivanova@Example.RU ")
    assert response.status_code == 200
    assert "ivanova@example.ru" in response.content.decode()
    [letter] = smtp_server.wait_for(1)
    assert letter["to"] == ["ivanova@example.ru"]
    assert address.label in letter["subject"]
    subscription = Subscription.objects.get()
    assert subscription.status == SubscriptionStatus.PENDING
    assert subscription.consent.subject == "notifications.subscribe"

    # Nothing reaches an unconfirmed subscriber.
    with commit():
        assert (
            notification_dispatch(
                event_key="incident-1:start",
                address_ids=[address.pk],
                template=TEMPLATE,
                context={},
            )
            == 0
        )

    confirmed = client.get(link_path(letter["body"], "confirm"))
    assert confirmed.status_code == 200
    assert "Подписка подтверждена" in confirmed.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED

    with commit():
        queued = notification_dispatch(
            event_key="incident-1:start",
            address_ids=[address.pk],
            template=TEMPLATE,
            context={"note": "Ремонт линии до 18:00"},
        )
    assert queued == 1
    messages = smtp_server.wait_for(2)
    news = messages[1]
    assert "Ремонт линии до 18:00" in news["body"]
    unsubscribe = link_path(news["body"], "u")
    assert news["message"]["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert Delivery.objects.get().status == DeliveryStatus.SENT

    # The same event again: nothing new.
    with commit():
        assert (
            notification_dispatch(
                event_key="incident-1:start",
                address_ids=[address.pk],
                template=TEMPLATE,
                context={},
            )
            == 0
        )
    assert len(smtp_server.messages) == 2

    # Opening the link (a person, or a mail scanner) only asks; the button unsubscribes.
    asked = client.get(unsubscribe)
    assert asked.status_code == 200
    assert "Отписаться от новостей об отключениях" in asked.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    gone = client.post(unsubscribe)
    assert gone.status_code == 200
    assert "Вы отписаны" in gone.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    assert ConsentRecord.objects.get().withdrawn_at is not None
    with commit():
        assert (
            notification_dispatch(
                event_key="incident-2:start",
                address_ids=[address.pk],
                template=TEMPLATE,
                context={},
            )
            == 0
        )
    assert len(smtp_server.messages) == 2


def test_an_english_subscriber_gets_english_text(client, commit, smtp_server, address):
    client.cookies["django_language"] = "en"
    page = client.get(SUBSCRIBE, {"address": address.pk})
    assert "Outage alerts for your address" in page.content.decode()
    _subscribe(client, commit, address)
    [letter] = smtp_server.wait_for(1)
    assert letter["subject"].strip().startswith("Confirm your subscription")
    client.cookies["django_language"] = "ru"
    client.get(link_path(letter["body"], "confirm"))
    assert Subscription.objects.get().language == "en"

    with commit():
        notification_dispatch(
            event_key="e1", address_ids=[address.pk], template=TEMPLATE, context={"note": "x"}
        )
    news = smtp_server.wait_for(2)[1]
    assert news["subject"].strip().startswith("Test message about")
    assert "This is a test message" in news["body"]


def test_a_russian_subscriber_gets_russian_text(client, commit, smtp_server, address):
    _subscribe(client, commit, address)
    [letter] = smtp_server.wait_for(1)
    assert letter["subject"].strip().startswith("Подтвердите подписку")
    client.get(link_path(letter["body"], "confirm"))
    with commit():
        notification_dispatch(
            event_key="e1", address_ids=[address.pk], template=TEMPLATE, context={"note": "x"}
        )
    assert "Тестовое сообщение" in smtp_server.wait_for(2)[1]["subject"]


def test_nothing_is_sent_for_a_rolled_back_dispatch(client, commit, smtp_server, address):
    from django.db import transaction

    _subscribe(client, commit, address)
    client.get(link_path(smtp_server.wait_for(1)[0]["body"], "confirm"))
    with commit(), pytest.raises(RuntimeError), transaction.atomic():
        notification_dispatch(
            event_key="e1", address_ids=[address.pk], template=TEMPLATE, context={}
        )
        raise RuntimeError("the incident change failed")
    assert len(smtp_server.messages) == 1
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "name@example.ru"),
        ({"email": ""}, "email", "Укажите адрес электронной почты"),
        ({"consent": ""}, "consent", "согласием на обработку"),
        ({"address": "999999"}, "address", "Мы не знаем такого адреса"),
        ({"address": "abc"}, "address", "Мы не знаем такого адреса"),
        ({"channel": "pigeon"}, "channel", "Выберите"),
    ],
)
def test_it_rejects_bad_input_with_a_localized_message(client, address, data, field, message):
    payload = {"address": address.pk, "channel": "email", "email": "a@example.ru", "consent": "on"}
    payload.update(data)
    response = client.post(SUBSCRIBE, payload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_it_answers_an_unknown_address_with_404_and_the_search(client, db):
    response = client.get(SUBSCRIBE, {"address": "424242"})
    assert response.status_code == 404
    assert "Мы не знаем такого адреса" in response.content.decode()
    assert 'name="q"' in response.content.decode()


def test_it_finds_the_address_without_javascript(client, address):
    response = client.get(SUBSCRIBE, {"q": "Ленина 5"})
    assert response.status_code == 200
    assert f"?address={address.pk}" in response.content.decode()
    htmx = client.get(SUBSCRIBE, {"q": "Ленина 5"}, headers={"HX-Request": "true"})
    assert f"?address={address.pk}" in htmx.content.decode()
    assert "<html" not in htmx.content.decode()


def test_it_says_when_sms_is_not_available(client, address):
    page = client.get(SUBSCRIBE, {"address": address.pk})
    assert "SMS-уведомления сейчас недоступны" in page.content.decode()
    response = client.post(
        SUBSCRIBE,
        {"address": address.pk, "channel": "sms", "phone": "+79123456789", "consent": "on"},
    )
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_it_limits_subscriptions_per_contact(client, commit, smtp_server, address, branch):
    from gridportal.testing.factories import address_create

    assert policy_in_force().max_subscriptions_per_contact == 10  # shipped by the data migration
    rule_set("notifications", "max_subscriptions_per_contact", 2)
    second = address_create(street=address.street, house="7")
    third = address_create(street=address.street, house="9")
    assert _subscribe(client, commit, address).status_code == 200
    assert _subscribe(client, commit, second).status_code == 200
    refused = _subscribe(client, commit, third)
    assert refused.status_code == 400
    assert "самое большее" in refused.content.decode()
    assert Subscription.objects.count() == 2


def test_a_confirmed_subscriber_is_told_instead_of_subscribed_twice(
    client, commit, smtp_server, address
):
    _subscribe(client, commit, address)
    client.get(link_path(smtp_server.wait_for(1)[0]["body"], "confirm"))
    again = _subscribe(client, commit, address)
    assert again.status_code == 400
    assert "уже подписан" in again.content.decode()
    assert len(smtp_server.messages) == 1


def test_a_tampered_or_foreign_link_does_not_work(client, commit, smtp_server, address):
    _subscribe(client, commit, address)
    path = link_path(smtp_server.wait_for(1)[0]["body"], "confirm")
    assert client.get(path[:-3] + "xx/").status_code == 400
    assert (
        client.get(reverse("notifications:unsubscribe", args=["1-deadbeefdeadbeef"])).status_code
        == 404
    )
    assert client.get(reverse("notifications:manage", args=["garbage"])).status_code == 400
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_an_expired_confirmation_link_does_not_confirm(client, commit, smtp_server, address):
    _subscribe(client, commit, address)
    path = link_path(smtp_server.wait_for(1)[0]["body"], "confirm")
    rule_set("notifications", "confirm_link_hours", 0)
    response = client.get(path)
    assert response.status_code == 400
    assert "устарела" in response.content.decode()
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_the_manage_page_lists_and_cancels_subscriptions(client, commit, smtp_server, address):
    from gridportal.testing.factories import address_create

    second = address_create(street=address.street, house="7")
    _subscribe(client, commit, address)
    _subscribe(client, commit, second)
    letters = smtp_server.wait_for(2)
    for letter in letters:
        client.get(link_path(letter["body"], "confirm"))
    confirmed = client.get(link_path(letters[0]["body"], "confirm"))
    manage = confirmed.context["manage_url"].replace("http://testserver", "")
    page = client.get(manage)
    assert page.status_code == 200
    body = page.content.decode()
    assert address.label in body and second.label in body

    one = Subscription.objects.get(address=second)
    response = client.post(manage, {"subscription": one.pk}, follow=True)
    assert response.status_code == 200
    assert second.label not in response.content.decode().split("<table")[1]
    one.refresh_from_db()
    assert one.status == SubscriptionStatus.UNSUBSCRIBED


def test_the_manage_page_cannot_cancel_someone_elses_subscription(
    client, commit, smtp_server, address
):
    _subscribe(client, commit, address, email="a@example.ru")
    _subscribe(client, commit, address, email="b@example.ru")
    from gridportal.notifications import links

    mine = Subscription.objects.get(contact="a@example.ru")
    theirs = Subscription.objects.get(contact="b@example.ru")
    manage = links.manage_url(mine).replace("http://testserver", "")
    assert client.post(manage, {"subscription": theirs.pk}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == SubscriptionStatus.PENDING


def test_one_click_unsubscribe_accepts_a_post_without_a_session(
    client, commit, smtp_server, address
):
    from django.test import Client

    from gridportal.notifications import links

    _subscribe(client, commit, address)
    subscription = Subscription.objects.get()
    strict = Client(enforce_csrf_checks=True)
    url = links.unsubscribe_url(subscription).replace("http://testserver", "")
    response = strict.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED


def test_resubscribing_after_unsubscribing_needs_a_new_confirmation(
    client, commit, smtp_server, address
):
    _subscribe(client, commit, address)
    letter = smtp_server.wait_for(1)[0]
    client.get(link_path(letter["body"], "confirm"))
    from gridportal.notifications import links

    client.post(links.unsubscribe_url(Subscription.objects.get()).replace("http://testserver", ""))
    assert _subscribe(client, commit, address).status_code == 200
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING
    assert len(smtp_server.wait_for(2)) == 2
    assert ConsentRecord.objects.count() == 2


def test_subscribing_again_at_once_sends_no_second_letter(client, commit, smtp_server, address):
    from datetime import timedelta

    from django.utils import timezone

    assert _subscribe(client, commit, address).status_code == 200
    assert _subscribe(client, commit, address).status_code == 200
    assert len(smtp_server.wait_for(1)) == 1
    Subscription.objects.update(code_sent_at=timezone.now() - timedelta(seconds=61))
    assert _subscribe(client, commit, address).status_code == 200
    assert len(smtp_server.wait_for(2)) == 2


def test_too_many_requests_from_one_network_are_refused(client, commit, smtp_server, address):
    rule_set("notifications", "subscribe_per_ip_per_hour", 2)
    _subscribe(client, commit, address, email="a@example.ru")
    _subscribe(client, commit, address, email="b@example.ru")
    refused = _subscribe(client, commit, address, email="c@example.ru")
    assert refused.status_code == 429
    assert "Слишком много запросов" in refused.content.decode()
    assert not Subscription.objects.filter(contact="c@example.ru").exists()
    assert len(smtp_server.wait_for(2)) == 2


def test_contacts_of_old_cancelled_and_unconfirmed_subscriptions_are_erased(
    client, commit, smtp_server, address
):
    from datetime import timedelta

    from django.utils import timezone

    from gridportal.notifications import links
    from gridportal.notifications.services import subscriptions_erase_stale

    from .factories import SubscriptionFactory

    _subscribe(client, commit, address, email="left@example.ru")
    _subscribe(client, commit, address, email="never@example.ru")
    kept = SubscriptionFactory(address=address, contact="kept@example.ru")
    left = Subscription.objects.get(contact="left@example.ru")
    never = Subscription.objects.get(contact="never@example.ru")
    client.post(links.unsubscribe_url(left).replace("http://testserver", ""))

    assert subscriptions_erase_stale() == 0
    later = timezone.now() + timedelta(days=31)
    assert subscriptions_erase_stale(now=later) == 2
    contacts = set(Subscription.objects.values_list("contact", flat=True))
    assert contacts == {"kept@example.ru", f"erased:{left.pk}", f"erased:{never.pk}"}
    assert not ConsentRecord.objects.filter(contact__in=["left@example.ru", "never@example.ru"])
    assert ConsentRecord.objects.filter(withdrawn_at__isnull=True).count() == 0
    kept.refresh_from_db()
    assert kept.status == SubscriptionStatus.CONFIRMED
    assert subscriptions_erase_stale(now=later) == 0


def test_an_unsubscribe_by_mistake_can_be_undone_with_consent(client, commit, smtp_server, address):
    from gridportal.notifications import links

    from .factories import SubscriptionFactory

    subscription = SubscriptionFactory(
        address=address, contact="ivanova@example.ru", confirmed_at="2026-11-01T10:00:00Z"
    )
    path = links.unsubscribe_url(subscription).replace("http://testserver", "")
    page = client.post(path)
    assert "Отписались по ошибке?" in page.content.decode()
    restore = reverse("notifications:restore", args=[links.unsubscribe_token(subscription)])

    refused = client.post(restore, {})
    assert refused.status_code == 400
    assert "согласием на обработку" in refused.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED

    kept = client.post(restore, {"consent": "on"})
    assert kept.status_code == 200
    assert "Подписка подтверждена" in kept.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert subscription.consent.withdrawn_at is None
    with commit():
        assert (
            notification_dispatch(
                event_key="e", address_ids=[address.pk], template=TEMPLATE, context={}
            )
            == 1
        )


def test_a_never_confirmed_subscription_cannot_be_restored(client, commit, smtp_server, address):
    from gridportal.notifications import links

    _subscribe(client, commit, address)
    subscription = Subscription.objects.get()
    page = client.post(links.unsubscribe_url(subscription).replace("http://testserver", ""))
    assert "Отписались по ошибке?" not in page.content.decode()
    response = client.post(
        reverse("notifications:restore", args=[links.unsubscribe_token(subscription)]),
        {"consent": "on"},
    )
    assert response.status_code == 400
    assert "нельзя восстановить" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
