"""Invitations after a service: heard through core's service events, one per person in a while.

Surveys import none of the apps that cause the events (decision 0015): an appeal closed,
an office visit served, a connection completed, power restored at a subscribed address
arrive as `core.signals.service_event` with the record and the person's contact. The
answer is linked to that record, so staff open the case behind a low score. A record
may offer `get_staff_url()` for that link and `survey_label()` for its name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from gridportal.core.contacts import email_normalize
from gridportal.core.rules import rule_values

from ..models import Invitation, InvitationOptOut, Survey
from .responses import token_digest

log = logging.getLogger(__name__)


def contact_digest(contact: str) -> str:
    return hashlib.sha256(email_normalize(contact).encode()).hexdigest()


def invitation_for_event(
    *, kind: str, record, branch_id=None, contact: str = "", language: str = "ru"
):
    """Create (and send after commit) one invitation for a service event; None when not due.

    Not due: no questionnaire listens to this kind, no e-mail to write to, the person
    opted out, or they were invited within the cap (a dated rule).
    """
    contact = email_normalize(contact)
    if "@" not in contact:
        return None
    survey = next(
        (
            s
            for s in Survey.objects.all()
            if kind in (s.event_kinds or []) and s.published_version()
        ),
        None,
    )
    if survey is None:
        return None
    key = contact_digest(contact)
    if InvitationOptOut.objects.filter(contact_key=key).exists():
        return None
    cap_days = rule_values("surveys")["invitation_cap_days"]
    since = timezone.now() - dt.timedelta(days=cap_days)
    if Invitation.objects.filter(contact_key=key, created_at__gte=since).exists():
        return None
    token = secrets.token_urlsafe(24)
    staff_url = getattr(record, "get_staff_url", None)
    label = getattr(record, "survey_label", None)
    invitation = Invitation.objects.create(
        survey=survey,
        token_digest=token_digest(token),
        contact=contact,
        contact_key=key,
        event_kind=kind,
        record_type=ContentType.objects.get_for_model(type(record)),
        record_id=record.pk,
        record_label=(label() if callable(label) else str(record))[:200],
        record_url=(staff_url() if callable(staff_url) else "")[:300],
        branch_id=branch_id,
        language=language if language in ("ru", "en") else "ru",
    )
    transaction.on_commit(lambda: invitation_send(invitation=invitation, token=token))
    return invitation


def invitation_link(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("surveys:invitation", args=[token])


def invitation_send(*, invitation: Invitation, token: str) -> None:
    """The letter with the link; a failed send is logged (the invitation stays, unanswered)."""
    with translation.override(invitation.language):
        context = {
            "survey": invitation.survey,
            "link": invitation_link(token),
            "opt_out": settings.SITE_URL.rstrip("/") + reverse("surveys:opt-out", args=[token]),
            "portal": settings.PORTAL_NAME,
        }
        subject = render_to_string("surveys/email/invitation.subject.txt", context).strip()
        body = render_to_string("surveys/email/invitation.body.txt", context)
    try:
        send_mail(
            subject=subject, message=body, from_email=None, recipient_list=[invitation.contact]
        )
    except OSError:
        log.exception("survey invitation %s could not be sent", invitation.pk)


def invitation_opt_out(*, token: str) -> bool:
    """The person asks not to be invited again; True when the link was a real invitation."""
    invitation = Invitation.objects.filter(token_digest=token_digest(token)).first()
    if invitation is None:
        return False
    InvitationOptOut.objects.get_or_create(contact_key=invitation.contact_key)
    return True


def on_service_event(sender, *, kind, record, branch_id=None, contact="", language="ru", **kwargs):
    """The `core.signals.service_event` receiver (connected in SurveysConfig.ready)."""
    invitation_for_event(
        kind=kind, record=record, branch_id=branch_id, contact=contact, language=language
    )
