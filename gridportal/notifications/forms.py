import re

from django import forms
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import SUBSCRIPTION
from gridportal.accounts.forms import ConsentField
from gridportal.core.contacts import email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError
from gridportal.grid.models import ServiceAddress

from .choices import Channel, DeliveryStatus
from .transports import sms_enabled


class SubscribeForm(forms.Form):
    address = forms.ModelChoiceField(
        queryset=ServiceAddress.objects.all(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose the address first."),
            "invalid_choice": _("We do not know this address. Find it with the search."),
        },
    )
    channel = forms.ChoiceField(
        label=_("How should we tell you?"),
        choices=Channel.choices,
        initial=Channel.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose e-mail or SMS.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address like name@example.ru.")},
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        required=False,
        max_length=32,
        help_text=_("A Russian mobile number, e.g. +7 912 345-67-89."),
    )
    consent = ConsentField(purpose=SUBSCRIPTION)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel", type="tel")
        self.sms_enabled = sms_enabled()
        if not self.sms_enabled:
            self.fields["channel"].choices = [(Channel.EMAIL, Channel.EMAIL.label)]
            self.fields["channel"].widget = forms.HiddenInput()
            del self.fields["phone"]

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel == Channel.EMAIL:
            email = email_normalize(cleaned.get("email") or "")
            if not email and "email" not in self.errors:
                self.add_error("email", _("Enter your e-mail address."))
            cleaned["contact"] = email
        elif channel == Channel.SMS:
            raw = cleaned.get("phone") or ""
            if not raw.strip():
                self.add_error("phone", _("Enter your mobile phone number."))
            else:
                try:
                    cleaned["contact"] = phone_normalize(raw, mobile_only=True)
                except ApplicationError:
                    self.add_error(
                        "phone",
                        _("This is not a Russian mobile number. Enter it like +7 912 345-67-89."),
                    )
        return cleaned


class RestoreForm(forms.Form):
    consent = ConsentField(purpose=SUBSCRIPTION)


class ManageLinkForm(forms.Form):
    contact = forms.CharField(
        label=_("E-mail or mobile phone"),
        max_length=254,
        help_text=_("The one you subscribed with."),
        error_messages={"required": _("Enter the e-mail or phone you subscribed with.")},
    )

    def clean(self):
        cleaned = super().clean()
        raw = (cleaned.get("contact") or "").strip()
        if not raw:
            return cleaned
        if "@" in raw:
            try:
                forms.EmailField().clean(raw)
            except forms.ValidationError:
                self.add_error("contact", _("Enter an e-mail address like name@example.ru."))
                return cleaned
            cleaned["channel"], cleaned["address"] = Channel.EMAIL, email_normalize(raw)
        else:
            try:
                phone = phone_normalize(raw, mobile_only=True)
                cleaned["channel"], cleaned["address"] = Channel.SMS, phone
            except ApplicationError:
                self.add_error(
                    "contact",
                    _("Enter an e-mail address or a Russian mobile number like +7 912 345-67-89."),
                )
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=16,
        error_messages={
            "required": _("Enter the code from the SMS."),
            "max_length": _("The code is six digits."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            autocomplete="one-time-code", inputmode="numeric", maxlength="16"
        )

    def clean_code(self):
        # People type «123 456» or «123-456»; only ASCII digits count.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("The code is six digits."))
        return code


class DeliveryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status"))] + list(DeliveryStatus.choices),
    )
    event = forms.CharField(label=_("Event"), required=False, max_length=200)
