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


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def application_letter_send(*, event_id: int) -> None:
    """One letter per public step of an application, in the applicant's language."""
    from .models import ApplicationEvent

    event = (
        ApplicationEvent.objects.select_related("application__customer").filter(pk=event_id).first()
    )
    if event is None or event.internal or not event.application.customer.email:
        return
    application = event.application
    with translation.override(application.language):
        context = {"event": event, "application": application, "site_url": settings.SITE_URL}
        subject = render_to_string("connection/email/event.subject.txt", context).strip()
        body = render_to_string("connection/email/event.body.txt", context)
    send_mail(
        subject=subject, message=body, from_email=None, recipient_list=[application.customer.email]
    )


@shared_task
def annul_unpaid_applications() -> int:
    """Daily: annul applications whose invoice is unpaid past its due date (idempotent)."""
    from .services.applications import applications_annul_unpaid

    return applications_annul_unpaid()


def _register_beat(sender, **kwargs):
    # Hourly: an invoice due yesterday is annulled early the next morning, whatever the hour.
    sender.add_periodic_task(
        3600.0, annul_unpaid_applications.s(), name="connection: annul unpaid applications"
    )


try:  # the beat entry lives with the task; config/ stays free of domain code
    from celery import current_app

    current_app.on_after_finalize.connect(_register_beat, weak=False)
except Exception:  # pragma: no cover
    pass
