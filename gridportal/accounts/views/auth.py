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

CONFIRM_SALT = "gridportal.accounts.confirm"
CONFIRM_MAX_AGE = 3 * 24 * 3600


def make_confirmation_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=CONFIRM_SALT)


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
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return render(request, "accounts/confirm_failed.html", status=400)
    user = get_user_model().objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        return render(request, "accounts/confirm_failed.html", status=400)
    customer_confirm_email(user=user)
    messages.success(request, _("Your e-mail is confirmed. You can sign in now."))
    return redirect("accounts:login")
