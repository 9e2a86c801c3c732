from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from .consents import SIGNUP, consent_text


class ConsentField(forms.BooleanField):
    """An unticked checkbox for consent to personal-data processing (152-FZ).

    `purpose` names the registered text (accounts.consents); it is shown under the box.
    """

    def __init__(self, *, purpose: str, **kwargs):
        self.purpose = purpose
        kwargs.setdefault("help_text", consent_text(purpose).text)
        kwargs.setdefault("required", True)
        kwargs.setdefault("label", _("I agree to the processing of my personal data"))
        kwargs.setdefault(
            "error_messages",
            {"required": _("We can accept the form only with your consent to data processing.")},
        )
        super().__init__(**kwargs)


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)
    consent = ConsentField(purpose=SIGNUP)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username=email).exists():
            raise forms.ValidationError(_("An account with this e-mail already exists."))
        return email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The passwords do not match."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
