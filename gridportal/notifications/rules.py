"""Pure rules of subscriptions and deliveries: contacts, codes, retries. No database here."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from enum import Enum

from django.utils.translation import gettext_lazy as _

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

CODE_LENGTH = 6


@dataclass(frozen=True)
class SubscriptionPolicy:
    """The numbers subscriptions work by: the dated rules of namespace "notifications"."""

    max_subscriptions_per_contact: int = 10
    code_ttl_minutes: int = 15
    code_max_attempts: int = 5
    code_resend_seconds: int = 60
    confirm_link_hours: int = 72
    max_delivery_attempts: int = 5
    subscribe_per_ip_per_hour: int = 60  # 0: no limit
    erase_after_days: int = 30  # 152-FZ art. 21 part 5: destroy within 30 days of withdrawal


DEFAULT_POLICY = SubscriptionPolicy()

NAMESPACE = "notifications"
SINCE = date(2026, 1, 1)
COMPANY_POLICY = "Company policy (Gridportal default)"
SPECS = [
    RuleSpec(
        key="max_subscriptions_per_contact",
        default=DEFAULT_POLICY.max_subscriptions_per_contact,
        unit=RuleUnit.COUNT,
        label=_("subscriptions per contact"),
        minimum=1,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="code_ttl_minutes",
        default=DEFAULT_POLICY.code_ttl_minutes,
        unit=RuleUnit.MINUTES,
        label=_("SMS code lifetime"),
        minimum=1,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="code_max_attempts",
        default=DEFAULT_POLICY.code_max_attempts,
        unit=RuleUnit.COUNT,
        label=_("SMS code attempts"),
        minimum=1,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="code_resend_seconds",
        default=DEFAULT_POLICY.code_resend_seconds,
        unit=RuleUnit.SECONDS,
        label=_("seconds before a new code may be sent"),
        minimum=0,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="confirm_link_hours",
        default=DEFAULT_POLICY.confirm_link_hours,
        unit=RuleUnit.HOURS,
        label=_("confirmation link lifetime"),
        minimum=0,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="max_delivery_attempts",
        default=DEFAULT_POLICY.max_delivery_attempts,
        unit=RuleUnit.COUNT,
        label=_("delivery attempts"),
        minimum=1,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="subscribe_per_ip_per_hour",
        default=DEFAULT_POLICY.subscribe_per_ip_per_hour,
        unit=RuleUnit.PER_HOUR,
        label=_("subscribe requests per IP address per hour (0: no limit)"),
        minimum=0,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="erase_after_days",
        default=DEFAULT_POLICY.erase_after_days,
        unit=RuleUnit.DAYS,
        label=_("erase contacts of cancelled and never confirmed subscriptions after"),
        minimum=1,
        valid_from=SINCE,
        source=(
            "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 21 ч. 5: "
            "destroy within 30 days of the withdrawal of consent"
        ),
    ),
]
core_rules.register(NAMESPACE, SPECS)


def policy_from(values: dict) -> SubscriptionPolicy:
    """The policy from the notifications rules in force (a `rule_values` dict)."""
    return SubscriptionPolicy(**{name: int(values[name]) for name in POLICY_FIELDS})


POLICY_FIELDS = [f.name for f in fields(SubscriptionPolicy)]


def mask_contact(channel: str, contact: str) -> str:
    """What staff lists show instead of the contact: enough to tell subscribers apart, no more."""
    if contact.startswith(ERASED_PREFIX):
        return "—"
    if channel == "sms":
        if len(contact) < 8:
            return "***"
        return contact[:2] + "*" * (len(contact) - 6) + contact[-4:]
    local, _at, domain = contact.partition("@")
    if not domain:
        return "***"
    return (local[:1] or "*") + "***@" + domain


ERASED_PREFIX = "erased:"


def erased_contact(subscription_id: int) -> str:
    """What replaces a contact once it must no longer be kept; unique per subscription."""
    return f"{ERASED_PREFIX}{subscription_id}"


def code_generate() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(CODE_LENGTH))


def code_digest(code: str, *, subscription_id: int, key: str) -> str:
    """Keyed hash of a confirmation code: a leaked table alone does not reveal codes."""
    message = f"{subscription_id}:{code}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


class CodeCheck(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    LOCKED = "locked"


def code_check(
    *,
    policy: SubscriptionPolicy,
    expected_digest: str,
    given_digest: str,
    attempts_before: int,
    sent_at: datetime | None,
    now: datetime,
) -> CodeCheck:
    """Decide a code entry. Attempts are counted before the comparison, so a locked code stays locked."""
    if not expected_digest or sent_at is None:
        return CodeCheck.EXPIRED
    if attempts_before >= policy.code_max_attempts:
        return CodeCheck.LOCKED
    if now - sent_at > timedelta(minutes=policy.code_ttl_minutes):
        return CodeCheck.EXPIRED
    if hmac.compare_digest(expected_digest, given_digest):
        return CodeCheck.OK
    return CodeCheck.WRONG


def code_resend_wait(*, policy: SubscriptionPolicy, sent_at: datetime | None, now: datetime) -> int:
    """Seconds to wait before another code may be sent (0: may send now)."""
    if sent_at is None:
        return 0
    remaining = policy.code_resend_seconds - (now - sent_at).total_seconds()
    return max(0, int(remaining + 0.999))


def retry_delay(attempt: int, *, base: float = 30.0, cap: float = 3600.0) -> float:
    """Exponential backoff after the n-th failed attempt (1-based): base, 2·base, 4·base… up to cap."""
    if attempt < 1:
        return 0.0
    return min(cap, base * 2 ** (attempt - 1))


class Outcome(Enum):
    SENT = "sent"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


def classify_http_status(status: int) -> Outcome:
    """A gateway answer: 2xx sent; 429 and 5xx try again later; any other 4xx will never succeed."""
    if 200 <= status < 300:
        return Outcome.SENT
    if status == 429 or status >= 500:
        return Outcome.TEMPORARY
    return Outcome.PERMANENT


def classify_smtp_code(code: int | None) -> Outcome:
    """SMTP replies: 5xx is a permanent refusal, 4xx (and no reply at all) is worth another try."""
    if code is not None and 500 <= code < 600:
        return Outcome.PERMANENT
    return Outcome.TEMPORARY


def after_failure(*, outcome: Outcome, attempts: int, max_attempts: int) -> str:
    """What a delivery becomes after a failed attempt: queued again or failed for good."""
    if outcome is Outcome.TEMPORARY and attempts < max_attempts:
        return "queued"
    return "failed"


def short_signature(value: str, *, key: str, salt: str, length: int = 16) -> str:
    """A short HMAC of a value, for links that must fit into an SMS."""
    digest = hmac.new(f"{salt}:{key}".encode(), value.encode(), hashlib.sha256).hexdigest()
    return digest[:length]


def sign_token(value: str, *, key: str, salt: str) -> str:
    return f"{value}-{short_signature(value, key=key, salt=salt)}"


def unsign_token(token: str, *, key: str, salt: str) -> str | None:
    value, _sep, signature = (token or "").rpartition("-")
    if not value or not signature:
        return None
    if hmac.compare_digest(signature, short_signature(value, key=key, salt=salt)):
        return value
    return None
