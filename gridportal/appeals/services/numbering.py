"""Registration numbers (А-2026-000123) and tracking codes.

The number counts on per year from a row locked for the update, so two appeals registered
at the same moment never share a number; a number is lost only when the transaction that
took it rolls back. The tracking code is random and kept only as a keyed hash; it is
compared in constant time.
"""

from __future__ import annotations

import re
import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import constant_time_compare, salted_hmac

from ..models import AppealSequence

PREFIX = "А"  # Cyrillic А, as registration numbers are written in Russian offices
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
_NUMBER = re.compile(r"^\s*[АAаa]\s*-?\s*(\d{4})\s*-?\s*(\d{1,9})\s*$")


def number_format(year: int, sequence: int) -> str:
    return f"{PREFIX}-{year}-{sequence:06d}"


def number_normalize(text: str) -> str | None:
    """The registration number as stored, from what a person typed (Latin A, spaces); or None."""
    match = _NUMBER.match(text or "")
    if not match:
        return None
    return number_format(int(match.group(1)), int(match.group(2)))


@transaction.atomic
def number_next(*, year: int) -> str:
    """Take the next registration number of the year (row-locked counter)."""
    if not AppealSequence.objects.filter(year=year).exists():
        try:
            with transaction.atomic():
                AppealSequence.objects.create(year=year, last=0)
        except IntegrityError:
            pass  # another registration created the year's row first
    AppealSequence.objects.filter(year=year).update(last=F("last") + 1)
    last = AppealSequence.objects.select_for_update().get(year=year).last
    return number_format(year, last)


def code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def code_normalize(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def code_hash(code: str) -> str:
    return salted_hmac(
        "gridportal.appeals.code", code_normalize(code), algorithm="sha256"
    ).hexdigest()


def code_matches(*, stored_hash: str, code: str) -> bool:
    return constant_time_compare(stored_hash or "", code_hash(code))
