"""Signed links a subscriber follows without signing in: confirm, verify, unsubscribe, manage."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.http import base36_to_int, int_to_base36

from . import rules

CONFIRM_SALT = "gridportal.notifications.confirm"
VERIFY_SALT = "gridportal.notifications.verify"
UNSUBSCRIBE_SALT = "gridportal.notifications.unsubscribe"
MANAGE_SALT = "gridportal.notifications.manage"
MANAGE_MAX_AGE = 30 * 24 * 3600
VERIFY_MAX_AGE = 24 * 3600


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirm_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "c": subscription.contact}, salt=CONFIRM_SALT)


def confirm_token_read(token: str, *, max_age: int) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return data.get("s"), data.get("c")


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


def manage_token(*, channel: str, contact: str) -> str:
    return signing.dumps({"ch": channel, "c": contact}, salt=MANAGE_SALT)


def manage_token_read(token: str) -> tuple[str, str] | None:
    try:
        data = signing.loads(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    except signing.BadSignature:
        return None
    return data.get("ch"), data.get("c")


def confirm_url(subscription) -> str:
    return absolute(reverse("notifications:confirm", args=[confirm_token(subscription)]))


def unsubscribe_url(subscription) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(subscription)]))


def manage_url(subscription) -> str:
    token = manage_token(channel=subscription.channel, contact=subscription.contact)
    return absolute(reverse("notifications:manage", args=[token]))
