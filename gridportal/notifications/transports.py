"""The world outside: e-mail through Django's mail, SMS through a configurable HTTP gateway.

Each transport sends one message and raises TemporaryFailure (worth another try later)
or PermanentFailure (will never succeed); the caller records the outcome.
"""

from __future__ import annotations

import json
import smtplib
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from .rules import Outcome, classify_http_status, classify_smtp_code


class DeliveryFailure(Exception):
    permanent = False


class TemporaryFailure(DeliveryFailure):
    pass


class PermanentFailure(DeliveryFailure):
    permanent = True


def sms_enabled() -> bool:
    return bool(getattr(settings, "SMS_GATEWAY_URL", ""))


def email_send(*, to: str, subject: str, body: str, headers: dict | None = None) -> None:
    # Never wait forever for a mail server: a hung SMTP must become a temporary failure.
    connection = get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 30)
    message = EmailMessage(
        connection=connection,
        subject=" ".join(subject.split()),
        body=body,
        from_email=None,
        to=[to],
        headers=headers or {},
    )
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _msg in error.recipients.values()]
        outcome = classify_smtp_code(max(codes) if codes else None)
        raise _failure(outcome, f"SMTP refused recipient: {error.recipients}") from error
    except smtplib.SMTPResponseException as error:
        outcome = classify_smtp_code(error.smtp_code)
        raise _failure(outcome, f"SMTP {error.smtp_code}: {error.smtp_error!r}") from error
    except (smtplib.SMTPException, OSError) as error:
        raise TemporaryFailure(f"SMTP: {error!r}") from error


def sms_send(*, to: str, text: str, retries: int = 0, backoff: float = 0.5) -> None:
    """POST {to, text, sender} as JSON to the gateway; `retries` quick in-process tries on temporary failures."""
    if not sms_enabled():
        raise PermanentFailure("SMS gateway is not configured (SMS_GATEWAY_URL).")
    attempt = 0
    while True:
        try:
            _sms_post(to=to, text=text)
            return
        except TemporaryFailure:
            if attempt >= retries:
                raise
            time.sleep(backoff * 2**attempt)
            attempt += 1


def _sms_post(*, to: str, text: str) -> None:
    payload = json.dumps({"to": to, "text": text, "sender": settings.SMS_SENDER}).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if settings.SMS_GATEWAY_TOKEN:
        headers["Authorization"] = f"Bearer {settings.SMS_GATEWAY_TOKEN}"
    request = urllib.request.Request(
        settings.SMS_GATEWAY_URL, data=payload, headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.SMS_GATEWAY_TIMEOUT) as response:
            status = response.status
            response.read(4096)
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace")
        outcome = classify_http_status(error.code)
        raise _failure(outcome, f"SMS gateway HTTP {error.code}: {detail}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise TemporaryFailure(f"SMS gateway unreachable: {error!r}") from error
    outcome = classify_http_status(status)
    if outcome is not Outcome.SENT:
        raise _failure(outcome, f"SMS gateway HTTP {status}")


def _failure(outcome: Outcome, message: str) -> DeliveryFailure:
    if outcome is Outcome.PERMANENT:
        return PermanentFailure(message)
    return TemporaryFailure(message)
