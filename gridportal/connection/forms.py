"""Edge validation of the connection forms: shape and choices, localized messages."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import CONNECTION_INTENTION
from gridportal.accounts.forms import ConsentField

from .choices import ApplicantKind, IntentionStatus, ObjectKind, Reliability, Voltage
from .selectors import address_get

POWER_MESSAGES = {
    "min_value": _("The power must be more than 0 kW."),
    "max_digits": _("That is not a power we can connect; check the number of kW."),
    "max_whole_digits": _("That is not a power we can connect; check the number of kW."),
}


class IntentionForm(forms.Form):
    """«Отправить заявку-намерение»: who, what, where, how much, contact, consent."""

    address = forms.IntegerField(widget=forms.HiddenInput)
    applicant_kind = forms.ChoiceField(
        label=_("Who applies"), choices=ApplicantKind.choices, widget=forms.RadioSelect
    )
    object_kind = forms.ChoiceField(label=_("What you connect"), choices=ObjectKind.choices)
    power_new_kw = forms.DecimalField(
        label=_("New power, kW"),
        min_value=Decimal("0.1"),
        max_digits=9,
        decimal_places=1,
        localize=True,
        error_messages=POWER_MESSAGES,
    )
    power_existing_kw = forms.DecimalField(
        label=_("Power already connected here, kW"),
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=1,
        localize=True,
        required=False,
        initial=0,
        help_text=_("0 for a new connection."),
        error_messages={**POWER_MESSAGES, "min_value": _("The power cannot be negative.")},
    )
    voltage = forms.ChoiceField(label=_("Voltage"), choices=Voltage.choices, initial=Voltage.LV)
    reliability = forms.ChoiceField(
        label=_("Reliability category"),
        choices=Reliability.choices,
        initial=Reliability.III,
        help_text=_("Households need III: one source."),
    )
    social = forms.BooleanField(
        label=_("I belong to a social category (large family, disabled person, veteran …)"),
        required=False,
    )
    name = forms.CharField(label=_("Your name or the company's"), max_length=200)
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("We send the answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = ConsentField(purpose=CONNECTION_INTENTION)

    def clean_address(self):
        address = address_get(self.cleaned_data["address"])
        if address is None:
            raise forms.ValidationError(
                _("This address is not served by our network. Choose an address from the list.")
            )
        return address

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            self.add_error("email", _("Give a phone number or an e-mail address."))
        return data


class LeadForm(forms.Form):
    """A connection officer's handling of a lead."""

    status = forms.ChoiceField(label=_("Status"), choices=IntentionStatus.choices)
    staff_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
