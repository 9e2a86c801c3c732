"""E-mails to the person: acknowledgement, request for information, extension, answer.

Sent after the transaction committed (callers use `transaction.on_commit`); a failure to
send is logged and never undoes the registration.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from gridportal.core.selectors import company_get

from ..models import Appeal

logger = logging.getLogger(__name__)


def _send(*, appeal: Appeal, template: str, context: dict) -> bool:
    if not appeal.email or appeal.anonymous:
        return False
    with translation.override(appeal.language or "ru"):
        context = {
            "appeal": appeal,
            "company": company_get(),
            "site_url": settings.SITE_URL.rstrip("/"),
            **context,
        }
        subject = render_to_string(f"appeals/email/{template}_subject.txt", context)
        body = render_to_string(f"appeals/email/{template}.txt", context)
    try:
        send_mail(
            " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [appeal.email],
        )
    except Exception:  # noqa: BLE001 - a mail server down must not undo the appeal
        logger.exception("appeal %s: e-mail %s not sent", appeal.number, template)
        return False
    return True


def acknowledgement_send(*, appeal_id: int, code: str) -> bool:
    appeal = Appeal.objects.select_related("branch").filter(pk=appeal_id).first()
    if appeal is None:
        return False
    return _send(appeal=appeal, template="acknowledgement", context={"code": code})


def update_send(*, appeal_id: int, what: str, text: str = "") -> bool:
    """Tell the person about a step: `what` is info_requested, extended, redirected, answered."""
    appeal = Appeal.objects.select_related("branch").filter(pk=appeal_id).first()
    if appeal is None:
        return False
    return _send(appeal=appeal, template="update", context={"what": what, "text": text})
