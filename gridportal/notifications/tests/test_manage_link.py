"""Asking for the manage link again: sent to the contact only, never revealing who subscribes."""

import pytest
from django.urls import reverse

from gridportal.notifications.choices import Channel, SubscriptionStatus

from .conftest import link_path
from .factories import SubscriptionFactory

MANAGE_REQUEST = reverse("notifications:manage-request")


def test_a_subscriber_gets_the_manage_link_by_email(client, commit, smtp_server, address):
    SubscriptionFactory(address=address, contact="ivanova@example.ru", language="en")
    assert client.get(MANAGE_REQUEST).status_code == 200
    with commit():
        response = client.post(MANAGE_REQUEST, {"contact": " IVANOVA@example.ru "})
    assert response.status_code == 200
    assert "Если по этому контакту есть подписки" in response.content.decode()
    [mail] = smtp_server.wait_for(1)
    assert mail["to"] == ["ivanova@example.ru"]
    assert mail["subject"].strip() == "Your outage alert subscriptions"
    page = client.get(link_path(mail["body"], "manage"))
    assert address.label in page.content.decode()


def test_a_subscriber_gets_the_manage_link_by_sms(client, commit, sms_gateway, address):
    SubscriptionFactory(address=address, channel=Channel.SMS, contact="+79123456789")
    with commit():
        client.post(MANAGE_REQUEST, {"contact": "8 912 345 67 89"})
    [text] = sms_gateway.texts
    assert "/notifications/manage/" in text
    assert client.get(link_path(text, "manage")).status_code == 200


def test_an_unknown_contact_gets_the_same_answer_and_nothing_is_sent(
    client, commit, smtp_server, address
):
    SubscriptionFactory(
        address=address, contact="gone@example.ru", status=SubscriptionStatus.UNSUBSCRIBED
    )
    for contact in ("nobody@example.ru", "gone@example.ru"):
        with commit():
            response = client.post(MANAGE_REQUEST, {"contact": contact})
        assert response.status_code == 200
        assert "Если по этому контакту есть подписки" in response.content.decode()
    assert smtp_server.messages == []


def test_asking_again_at_once_sends_nothing_more(client, commit, smtp_server, address):
    SubscriptionFactory(address=address, contact="ivanova@example.ru")
    for _ in range(3):
        with commit():
            client.post(MANAGE_REQUEST, {"contact": "ivanova@example.ru"})
    assert len(smtp_server.wait_for(1)) == 1


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ("", "Укажите электронную почту или телефон"),
        ("not@an@email", "Введите адрес электронной почты"),
        ("12345", "российский мобильный номер"),
    ],
)
def test_it_rejects_bad_input_with_a_localized_message(client, db, contact, message):
    response = client.post(MANAGE_REQUEST, {"contact": contact})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_manage_page_in_an_old_message_still_lists_current_subscriptions(
    client, commit, smtp_server, address
):
    from gridportal.notifications import links

    subscription = SubscriptionFactory(address=address, contact="ivanova@example.ru")
    url = links.manage_url(subscription).replace("http://testserver", "")
    assert address.label in client.get(url).content.decode()
    subscription.status = SubscriptionStatus.UNSUBSCRIBED
    subscription.save()
    assert "У вас нет подписок" in client.get(url).content.decode()
