"""Subscribing by SMS: a 6-digit code entered on the page, hashed, limited in tries and time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gridportal.notifications.choices import SubscriptionStatus
from gridportal.notifications.models import Subscription

SUBSCRIBE = reverse("notifications:subscribe")


def _subscribe(client, commit, address, phone="8 (912) 345-67-89"):
    with commit():
        return client.post(
            SUBSCRIBE,
            {"address": address.pk, "channel": "sms", "phone": phone, "consent": "on"},
        )


def test_subscribe_by_sms_with_the_code_from_the_message(client, commit, sms_gateway, address):
    response = _subscribe(client, commit, address)
    assert response.status_code == 302
    [request] = sms_gateway.requests
    assert request["body"]["to"] == "+79123456789"
    assert request["body"]["sender"] == "GridTest"
    assert request["authorization"] == "Bearer test-token"
    code = sms_gateway.last_code()

    subscription = Subscription.objects.get()
    assert subscription.status == SubscriptionStatus.PENDING
    assert subscription.code_hash and code not in subscription.code_hash

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "+7******6789" in page.content.decode()
    done = client.post(response["Location"], {"code": code, "action": "verify"})
    assert done.status_code == 200
    assert "Подписка подтверждена" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert subscription.code_hash == ""


def test_a_wrong_code_counts_and_the_code_locks_after_five_tries(
    client, commit, sms_gateway, address
):
    verify = _subscribe(client, commit, address)["Location"]
    code = sms_gateway.last_code()
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        response = client.post(verify, {"code": wrong})
        assert response.status_code == 400
        phrase = "Осталось" if left > 1 else "Осталась"
        assert f"Код неверный. {phrase} {left}" in response.content.decode()
    response = client.post(verify, {"code": wrong})
    assert "Слишком много неверных попыток" in response.content.decode()
    # Even the right code no longer works.
    response = client.post(verify, {"code": code})
    assert response.status_code == 400
    assert "Слишком много неверных попыток" in response.content.decode()
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_an_expired_code_is_refused(client, commit, sms_gateway, address):
    verify = _subscribe(client, commit, address)["Location"]
    code = sms_gateway.last_code()
    Subscription.objects.update(code_sent_at=timezone.now() - timedelta(minutes=16))
    response = client.post(verify, {"code": code})
    assert response.status_code == 400
    assert "Срок действия кода истёк" in response.content.decode()


def test_a_new_code_is_sent_only_after_the_resend_interval(client, commit, sms_gateway, address):
    verify = _subscribe(client, commit, address)["Location"]
    first = sms_gateway.last_code()
    with commit():
        too_soon = client.post(verify, {"action": "resend"})
    assert too_soon.status_code == 400
    assert "Новый код можно запросить через" in too_soon.content.decode()
    assert len(sms_gateway.requests) == 1

    Subscription.objects.update(code_sent_at=timezone.now() - timedelta(seconds=61))
    with commit():
        again = client.post(verify, {"action": "resend"})
    assert again.status_code == 302
    assert len(sms_gateway.requests) == 2
    second = sms_gateway.last_code()
    if first != second:
        assert client.post(verify, {"code": first}).status_code == 400
    assert client.post(verify, {"code": second}).status_code == 200


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("12345", "Это не российский мобильный номер"),
        ("+1 202 555 0143", "Это не российский мобильный номер"),
        ("+7 8142 12-34-56", "Это не российский мобильный номер"),
        ("", "Укажите номер мобильного телефона"),
    ],
)
def test_it_rejects_a_bad_phone_with_a_localized_message(
    client, sms_gateway, address, phone, message
):
    response = client.post(
        SUBSCRIBE, {"address": address.pk, "channel": "sms", "phone": phone, "consent": "on"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not sms_gateway.requests
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("code", ["12345", "abcdef", "1234567", "", "١٢٣٤٥٦", "1" * 40])
def test_it_rejects_a_malformed_code(client, commit, sms_gateway, address, code):
    verify = _subscribe(client, commit, address)["Location"]
    response = client.post(verify, {"code": code})
    assert response.status_code == 400
    assert "код" in response.content.decode().lower()
    assert Subscription.objects.get().code_attempts == 0


def test_the_code_page_needs_a_valid_link(client, db):
    assert client.get(reverse("notifications:verify", args=["nonsense"])).status_code == 400


def test_the_code_sms_is_retried_quickly_when_the_gateway_stumbles(
    client, commit, sms_gateway, address
):
    sms_gateway.answer_with(503)
    _subscribe(client, commit, address)
    assert [r["status"] for r in sms_gateway.requests] == [503, 200]


def test_an_english_subscriber_gets_the_code_in_english(client, commit, sms_gateway, address):
    client.cookies["django_language"] = "en"
    _subscribe(client, commit, address)
    assert sms_gateway.texts[0].startswith("Code ")


def test_a_code_typed_with_a_space_is_understood(client, commit, sms_gateway, address):
    verify = _subscribe(client, commit, address)["Location"]
    code = sms_gateway.last_code()
    response = client.post(verify, {"code": f" {code[:3]} {code[3:]} "})
    assert response.status_code == 200
    assert Subscription.objects.get().status == SubscriptionStatus.CONFIRMED
