"""Celery tasks of the connection capability: thin, idempotent, by id."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def intention_letter_send(*, intention_id: int) -> None:
    """The answer to a request-intention by e-mail, in the language it was asked in."""
    from .models import ConnectionIntention

    intention = ConnectionIntention.objects.filter(pk=intention_id).first()
    if intention is None or not intention.email:
        return
    with translation.override(intention.language):
        context = {
            "intention": intention,
            "answer": intention.answer,
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string("connection/email/intention.subject.txt", context).strip()
        body = render_to_string("connection/email/intention.body.txt", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[intention.email])
