"""Sign-ins in the audit log: every staff sign-in and every refused one.

django-axes (settings.AXES_*) counts the failures and locks out; its receivers are
connected first (INSTALLED_APPS order), so a lock-out is already known here.
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .services import signin_audit, signin_failure_audit


@receiver(user_logged_in, dispatch_uid="gridportal.accounts.signin_audit")
def signed_in(sender, request, user, **kwargs):
    # A sign-in is a submitted form (the login page, the admin's); a session made by other
    # means (the test client's force_login has no request method) is not a sign-in.
    if request is None or request.method != "POST":
        return
    signin_audit(user=user, request=request)


@receiver(user_login_failed, dispatch_uid="gridportal.accounts.signin_failure_audit")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    signin_failure_audit(
        username=str(credentials.get("username") or ""),
        request=request,
        locked_out=bool(getattr(request, "axes_locked_out", False)),
    )
