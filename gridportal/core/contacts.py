"""Contacts people type into forms: one normaliser for phone numbers and e-mail addresses.

Every intake (web form, call registration, REST API, Open311, subscriptions) goes through
these, so that one person is one contact wherever they wrote from.
"""

from __future__ import annotations

import re

import phonenumbers
from django.utils.translation import gettext_lazy as _

from .exceptions import ApplicationError

PHONE_MESSAGE = _("Enter a phone number like +7 900 123-45-67.")
MOBILE_MESSAGE = _("Enter a mobile number like +7 900 123-45-67: we send codes by SMS.")
_MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


def phone_normalize(raw: str, *, mobile_only: bool = False, russian_only: bool = False) -> str:
    """E.164 form of a phone number ('' for nothing typed); ApplicationError(code='phone') if not one.

    Russian habits are understood: 8 instead of +7 in front of ten digits, spaces, dashes,
    brackets and dots between the groups.
    """
    raw = (raw or "").strip()
    if not raw:
        return ""
    message = MOBILE_MESSAGE if mobile_only else PHONE_MESSAGE
    if len(raw) > 32:
        raise ApplicationError(message, code="phone")
    digits = re.sub(r"\D", "", raw)
    if not raw.startswith("+") and len(digits) == 11 and digits[0] == "8":
        raw = "+7" + digits[1:]
    try:
        number = phonenumbers.parse(raw, "RU")
    except phonenumbers.NumberParseException as error:
        raise ApplicationError(message, code="phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ApplicationError(message, code="phone")
    if (russian_only or mobile_only) and phonenumbers.region_code_for_number(number) != "RU":
        raise ApplicationError(message, code="phone")
    if mobile_only and phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise ApplicationError(message, code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_normalize(raw: str) -> str:
    """An e-mail address as we store and compare it (trimmed, lower case)."""
    return (raw or "").strip().lower()


def contact_key(*, phone: str = "", email: str = "", ip_address: str | None = None) -> str:
    """Who sent a submission, for repeats and limits: the phone, else the e-mail, else the IP."""
    if phone:
        return f"tel:{phone}"
    if email:
        return f"mail:{email}"
    if ip_address:
        return f"ip:{ip_address}"
    return ""
