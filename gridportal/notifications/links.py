"""Signed links a subscriber follows without signing in: confirm, verify, unsubscribe, manage.

Every token is an opaque id and an HMAC: the subscription's id in base62 (or base36),
signed with SECRET_KEY and a salt of its own (`django.core.signing`), never the contact.
A token names a subscription; the contact is read from the database when the link is
followed, so an erased contact can no longer be reached by an old link.

Letters sent before 2026-12 carry confirm and manage tokens of the old format (the
signed contact itself); they are still read until they expire (confirm: the rule
`confirm_link_hours`, 72 h; manage: 30 days), after which `_legacy_*` can go.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.http import base36_to_int, int_to_base36

from . import rules

CONFIRM_SALT = "gridportal.notifications.confirm.v2"
VERIFY_SALT = "gridportal.notifications.verify"
UNSUBSCRIBE_SALT = "gridportal.notifications.unsubscribe"
MANAGE_SALT = "gridportal.notifications.manage.v2"
LEGACY_CONFIRM_SALT = "gridportal.notifications.confirm"
LEGACY_MANAGE_SALT = "gridportal.notifications.manage"
MANAGE_MAX_AGE = 30 * 24 * 3600
VERIFY_MAX_AGE = 24 * 3600


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _id_sign(pk: int, *, salt: str) -> str:
    """`<id base62>:<time base62>:<HMAC>`: the id and when the link was made, signed."""
    return signing.TimestampSigner(salt=salt).sign(signing.b62_encode(pk))


def _id_read(token: str, *, salt: str, max_age: int | None) -> int | None:
    try:
        value = signing.TimestampSigner(salt=salt).unsign(token or "", max_age=max_age)
        return signing.b62_decode(value)
    except (signing.BadSignature, ValueError):
        return None


def confirm_token(subscription) -> str:
    return _id_sign(subscription.pk, salt=CONFIRM_SALT)


def confirm_token_read(token: str, *, max_age: int) -> tuple[int, str | None] | None:
    """(subscription id, contact the old token was made for, or None), or None if not valid."""
    pk = _id_read(token, salt=CONFIRM_SALT, max_age=max_age)
    if pk is not None:
        return pk, None
    return _legacy_confirm_read(token, max_age=max_age)


def _legacy_confirm_read(token: str, *, max_age: int) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=LEGACY_CONFIRM_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    return data["s"], str(data.get("c", ""))


def verify_token(subscription) -> str:
    return signing.dumps(subscription.pk, salt=VERIFY_SALT)


def verify_token_read(token: str) -> int | None:
    try:
        return signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return None


def unsubscribe_token(subscription) -> str:
    # Short enough for an SMS; never expires, like the messages it is printed in.
    return rules.sign_token(
        int_to_base36(subscription.pk), key=settings.SECRET_KEY, salt=UNSUBSCRIBE_SALT
    )


def unsubscribe_token_read(token: str) -> int | None:
    value = rules.unsign_token(token, key=settings.SECRET_KEY, salt=UNSUBSCRIBE_SALT)
    if value is None:
        return None
    try:
        return base36_to_int(value)
    except ValueError:
        return None


def manage_token(subscription) -> str:
    """Opens the page of every subscription of this subscription's contact."""
    return _id_sign(subscription.pk, salt=MANAGE_SALT)


def manage_token_read(token: str) -> tuple[str, str] | None:
    """(channel, contact) whose subscriptions the link manages, or None if not valid."""
    pk = _id_read(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    if pk is None:
        return _legacy_manage_read(token)
    from .models import Subscription

    row = Subscription.objects.filter(pk=pk).values_list("channel", "contact").first()
    if row is None or row[1].startswith(rules.ERASED_PREFIX):
        return None
    return row


def _legacy_manage_read(token: str) -> tuple[str, str] | None:
    try:
        data = signing.loads(token, salt=LEGACY_MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return data.get("ch"), data.get("c")


def confirm_url(subscription) -> str:
    return absolute(reverse("notifications:confirm", args=[confirm_token(subscription)]))


def unsubscribe_url(subscription) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(subscription)]))


def manage_url(subscription) -> str:
    return absolute(reverse("notifications:manage", args=[manage_token(subscription)]))
