"""Links in letters and SMS name a subscription by an opaque id and an HMAC, never by the contact."""

import base64
import binascii
import re
import zlib
from datetime import timedelta
from urllib.parse import urlsplit

import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from gridportal.notifications import links
from gridportal.notifications.choices import SubscriptionStatus
from gridportal.notifications.models import Subscription
from gridportal.notifications.services import notification_dispatch, subscriptions_erase_stale

from .conftest import link_path
from .factories import SubscriptionFactory

SUBSCRIBE = reverse("notifications:subscribe")
TEMPLATE = "notifications/messages/test_message"
EMAIL = "ivanova.secret@example.ru"


def _decodings(token: str):
    """Every reading of the token and of its parts as base64, base64url, base32, hex (and zlib)."""
    parts = {token, token.lstrip("."), *re.split(r"[:\-_.~]", token), *token.split(":")}
    parts |= {p.lstrip(".") for p in token.split(":")}
    decoders = (
        lambda p: base64.b64decode(p + "=" * (-len(p) % 4)),
        lambda p: base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)),
        lambda p: base64.b32decode(p.upper() + "=" * (-len(p) % 8)),
        bytes.fromhex,
    )
    for part in filter(None, parts):
        yield part.encode()
        for decode in decoders:
            try:
                raw = decode(part)
            except (binascii.Error, ValueError):
                continue
            yield raw
            yield _inflated(raw)


def _inflated(raw: bytes) -> bytes:
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return b""


def _reveals(token: str, contact: str) -> bool:
    needles = [contact.encode(), contact.split("@")[0].encode(), contact.split("@")[1].encode()]
    return any(n in d.lower() for d in _decodings(token) for n in needles)


def _token(url_or_path: str) -> str:
    return urlsplit(url_or_path).path.rstrip("/").rsplit("/", 1)[-1]


def test_the_check_would_catch_a_contact_in_a_token():
    # The tokens of the old format carried the contact readable in base64.
    legacy = signing.dumps({"s": 1, "c": EMAIL}, salt=links.LEGACY_CONFIRM_SALT)
    assert _reveals(legacy, EMAIL)
    assert _reveals(binascii.hexlify(EMAIL.encode()).decode(), EMAIL)
    assert _reveals(base64.b32encode(EMAIL.encode()).decode().rstrip("="), EMAIL)


def test_no_link_we_send_reveals_the_contact(client, commit, smtp_server, address):
    with commit():
        client.post(
            SUBSCRIBE,
            {"address": address.pk, "channel": "email", "email": EMAIL, "consent": "on"},
        )
    [letter] = smtp_server.wait_for(1)
    confirm = link_path(letter["body"], "confirm")
    confirmed = client.get(confirm)
    assert confirmed.status_code == 200
    with commit():
        notification_dispatch(
            event_key="e1", address_ids=[address.pk], template=TEMPLATE, context={"note": "x"}
        )
    news = smtp_server.wait_for(2)[1]
    with commit():
        client.post(reverse("notifications:manage-request"), {"contact": EMAIL})
    manage_letter = smtp_server.wait_for(3)[2]

    tokens = {
        "confirm": _token(confirm),
        "unsubscribe": _token(link_path(news["body"], "u")),
        "unsubscribe header": _token(news["message"]["List-Unsubscribe"].strip("<>")),
        "manage in the news": _token(link_path(news["body"], "manage")),
        "manage page link": _token(confirmed.context["manage_url"]),
        "manage letter": _token(link_path(manage_letter["body"], "manage")),
    }
    for name, token in tokens.items():
        assert not _reveals(token, EMAIL), f"the {name} token reveals the contact: {token}"
    # And they still work.
    assert address.label in client.get(link_path(manage_letter["body"], "manage")).content.decode()


def test_links_of_the_old_format_keep_working_until_they_expire(client, db, address):
    pending = SubscriptionFactory(address=address, contact=EMAIL, status=SubscriptionStatus.PENDING)
    pending.code_sent_at = timezone.now()
    pending.save()
    old_confirm = signing.dumps({"s": pending.pk, "c": EMAIL}, salt=links.LEGACY_CONFIRM_SALT)
    old_manage = signing.dumps({"ch": "email", "c": EMAIL}, salt=links.LEGACY_MANAGE_SALT)

    response = client.get(reverse("notifications:confirm", args=[old_confirm]))
    assert response.status_code == 200
    assert "Подписка подтверждена" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == SubscriptionStatus.CONFIRMED
    page = client.get(reverse("notifications:manage", args=[old_manage]))
    assert page.status_code == 200 and address.label in page.content.decode()

    # An old confirm token made for another contact does not confirm this subscription.
    foreign = signing.dumps({"s": pending.pk, "c": "x@example.ru"}, salt=links.LEGACY_CONFIRM_SALT)
    assert client.get(reverse("notifications:confirm", args=[foreign])).status_code == 400

    with time_machine.travel(timezone.now() + timedelta(days=31), tick=False):
        expired = client.get(reverse("notifications:manage", args=[old_manage]))
    assert expired.status_code == 400


def test_a_manage_link_expires_and_dies_with_the_erased_contact(client, db, address):
    subscription = SubscriptionFactory(address=address, contact=EMAIL)
    url = urlsplit(links.manage_url(subscription)).path
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=31), tick=False):
        assert client.get(url).status_code == 400

    Subscription.objects.filter(pk=subscription.pk).update(
        status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now() - timedelta(days=40)
    )
    assert subscriptions_erase_stale() == 1
    gone = client.get(url)
    assert gone.status_code == 400
    assert EMAIL not in gone.content.decode()


def test_a_tampered_token_of_the_new_format_is_refused(client, db, address):
    subscription = SubscriptionFactory(address=address, contact=EMAIL)
    token = links.manage_token(subscription)
    other = SubscriptionFactory(address=address, contact="other@example.ru")
    forged = signing.b62_encode(other.pk) + token[token.index(":") :]
    assert client.get(reverse("notifications:manage", args=[forged])).status_code == 400
    confirm = links.confirm_token(subscription)
    # A confirm token is not a manage token and the other way round: each has its own salt.
    assert client.get(reverse("notifications:manage", args=[confirm])).status_code == 400
    assert client.get(reverse("notifications:confirm", args=[token])).status_code == 400
