"""Unsubscribing per RFC 8058: the link asks, the button or a mail client's one-click POST acts."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from gridportal.notifications.choices import SubscriptionStatus
from gridportal.notifications.services import notification_dispatch

from .factories import SubscriptionFactory

TEMPLATE = "notifications/messages/test_message"


@pytest.fixture
def letter(commit, smtp_server, address):
    """A news letter received over real SMTP by a confirmed subscriber."""
    subscription = SubscriptionFactory(
        address=address, contact="ivanova@example.ru", confirmed_at="2026-11-01T10:00:00Z"
    )
    with commit():
        notification_dispatch(
            event_key="incident-1:start",
            address_ids=[address.pk],
            template=TEMPLATE,
            context={"note": "Ремонт линии"},
        )
    [mail] = smtp_server.wait_for(1)
    mail["subscription"] = subscription
    return mail


def _header_path(mail) -> str:
    value = mail["message"]["List-Unsubscribe"]
    assert re.fullmatch(r"<https?://[^<>\s]+/notifications/u/[^<>\s/]+/>", value), value
    return urlsplit(value.strip("<>")).path


def test_a_letter_carries_the_one_click_headers(letter):
    path = _header_path(letter)
    assert letter["message"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert path in letter["body"]  # the same link is in the text


def test_a_mail_clients_one_click_post_unsubscribes_without_a_session(letter):
    mail_client = Client(enforce_csrf_checks=True)  # no cookie, no CSRF token: a mail provider
    response = mail_client.post(
        _header_path(letter),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Вы отписаны" in response.content.decode()
    subscription = letter["subscription"]
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    assert subscription.consent is None or subscription.consent.withdrawn_at is not None


def test_opening_the_link_asks_and_unsubscribes_nobody(letter):
    browser = Client(enforce_csrf_checks=True)
    for _ in range(3):  # a person, a link preview, a mail scanner
        page = browser.get(_header_path(letter))
        assert page.status_code == 200
    body = page.content.decode()
    assert "Отписаться от новостей об отключениях" in body
    assert "i***@example.ru" in body and "ivanova@example.ru" not in body
    subscription = letter["subscription"]
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED


def test_the_button_unsubscribes_with_the_pages_csrf_token(letter):
    browser = Client(enforce_csrf_checks=True)
    path = _header_path(letter)
    page = browser.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    response = browser.post(path, {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 200
    assert "Вы отписаны" in response.content.decode()
    assert "Отписались по ошибке?" in response.content.decode()
    subscription = letter["subscription"]
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED


def test_any_other_post_without_a_csrf_token_is_refused(letter):
    forger = Client(enforce_csrf_checks=True)
    for data in ({}, {"List-Unsubscribe": "Two-Clicks"}):
        assert forger.post(_header_path(letter), data).status_code == 403
    subscription = letter["subscription"]
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED


def test_an_unknown_link_answers_404_to_every_kind_of_request(client, db):
    path = "/notifications/u/1-deadbeefdeadbeef/"
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    one_click = Client(enforce_csrf_checks=True).post(
        path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 404
