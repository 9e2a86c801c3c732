from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils.translation import gettext as _


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_confirmation_email(*, user_id: int, link: str) -> None:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or user.email_confirmed:
        return
    send_mail(
        subject=_("Confirm your e-mail for {portal}").format(portal=settings.PORTAL_NAME),
        message=_(
            "To finish creating your account, open this link within three days:\n\n{link}\n\n"
            "If you did not ask for an account, ignore this letter."
        ).format(link=link),
        from_email=None,
        recipient_list=[user.email],
    )
