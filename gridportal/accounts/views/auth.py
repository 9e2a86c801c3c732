from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..consents import SIGNUP
from ..forms import SignupForm
from ..services import consent_record, customer_confirm_email, customer_register
from ..tasks import send_confirmation_email

CONFIRM_SALT = "gridportal.accounts.confirm.v2"
LEGACY_CONFIRM_SALT = "gridportal.accounts.confirm"
CONFIRM_MAX_AGE = 3 * 24 * 3600


def make_confirmation_token(user) -> str:
    """The account id in base62 and an HMAC with the time: it does not reveal the e-mail."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(signing.b62_encode(user.pk))


def _confirmation_user(token: str):
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
        return get_user_model().objects.filter(pk=signing.b62_decode(value)).first()
    except signing.BadSignature:
        pass
    # Letters sent before the change carry the signed e-mail; read until they expire (3 days).
    try:
        data = signing.loads(token, salt=LEGACY_CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return get_user_model().objects.filter(pk=data.get("u"), email=data.get("e")).first()


def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = customer_register(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            first_name=form.cleaned_data.get("first_name", ""),
        )
        consent_record(
            purpose=SIGNUP,
            request=request,
            user=user,
            contact=user.email,
        )
        link = request.build_absolute_uri(
            reverse("accounts:confirm", args=[make_confirmation_token(user)])
        )
        send_confirmation_email.delay(user_id=user.pk, link=link)
        return render(request, "accounts/signup_done.html", {"email": user.email})
    status = 400 if form.is_bound else 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def confirm(request, token):
    user = _confirmation_user(token)
    if user is None:
        return render(request, "accounts/confirm_failed.html", status=400)
    customer_confirm_email(user=user)
    messages.success(request, _("Your e-mail is confirmed. You can sign in now."))
    return redirect("accounts:login")


def locked_out(request, original_response=None, credentials=None):
    """django-axes refused a sign-in (settings.AXES_LOCKOUT_CALLABLE): say why, until when, whom to call."""
    cool_off = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "accounts/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": max(1, cool_off // 60),
            "help_contact": settings.SIGNIN_HELP_CONTACT,
        },
        status=429,
    )
    response["Retry-After"] = str(cool_off)
    return response
