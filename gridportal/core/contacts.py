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


# --- masking contacts typed into free text ------------------------------------------
# What people write on a public page must not show their neighbours' phones and e-mails.
# The patterns err on the side of hiding: an account number of ten digits is hidden too.

_SEP = r"[\s.\-/\u2010-\u2015]"
# A Russian number of ten digits, with +7, 7 or 8 in front or not, in any of the ways
# people group it: 8 900 123-45-67, +7(900)1234567, 8.900.123.45.67, 8/900/123/45/67.
_PHONE_FULL = re.compile(
    rf"""
    (?<![\w+])
    (?:\+\s?7|8|7)?
    {_SEP}{{0,3}}
    (?:\(\s?\d{{3}}\s?\)|\d{{3}})
    {_SEP}{{0,3}}\d{{3}}
    {_SEP}{{0,3}}\d{{2}}
    {_SEP}{{0,3}}\d{{2}}
    (?!\d)
    """,
    re.VERBOSE,
)
# Shorter local numbers written with spaces, dashes and brackets (2-34-56, 123 45 67).
# Dots and slashes are not taken here, and nothing that continues a date: 26.11.2026-27.11.2026.
_PHONE_LOCAL = re.compile(r"(?<!\w)(?<!\d[./])\+?\d[\d\s()\-]{5,}\d")
_AT = r"(?:\s?[@＠﹫]\s?|\s*[(\[{<«]\s*(?:at|собака)\s*[)\]}>»]\s*|\s+(?:at|собака)\s+)"
_DOT = r"(?:[.．。]|\s*[(\[{<«]\s*(?:dot|точка)\s*[)\]}>»]\s*|\s+(?:dot|точка)\s+)"
# anna.petrova+grid@mail.ru, ivan＠mail.ru, ivan at mail dot ru, ivan (собака) mail.ru.
_EMAIL = re.compile(rf"[\w.+\-]+{_AT}[\w\-]+(?:{_DOT}[\w\-]+)+", re.IGNORECASE)


def mask_contacts(text: str, mask: str = "…") -> str:
    """Hide e-mail addresses and phone numbers a person typed into a free-text field."""
    text = _EMAIL.sub(mask, text or "")
    text = _PHONE_FULL.sub(mask, text)
    return _PHONE_LOCAL.sub(mask, text)
