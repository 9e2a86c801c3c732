"""Validation at the edge: shape and choices, localized messages; no business rules."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import OFFICE_BOOKING
from gridportal.accounts.forms import ConsentField

from .choices import ServiceKind

SERVICE_CHOICES = [("", _("Any service")), *ServiceKind.choices]


class DirectoryForm(forms.Form):
    """Filters of the directory and «nearest to» by address or the browser's location."""

    address = forms.CharField(label=_("Your address"), required=False, max_length=200)
    lat = forms.FloatField(
        required=False,
        widget=forms.HiddenInput,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    lon = forms.FloatField(
        required=False,
        widget=forms.HiddenInput,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    service = forms.ChoiceField(label=_("Service"), choices=SERVICE_CHOICES, required=False)
    saturday = forms.BooleanField(label=_("Open on Saturday"), required=False)


class SlotQueryForm(forms.Form):
    """Which service and day to show free times for."""

    service = forms.ChoiceField(label=_("Service"), choices=ServiceKind.choices)
    date = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))


class BookingForm(forms.Form):
    """The person's details and the chosen time (an ISO timestamp offered on the page)."""

    service = forms.ChoiceField(choices=ServiceKind.choices, widget=forms.HiddenInput)
    starts_at = forms.DateTimeField(
        label=_("Time"),
        input_formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"],
        error_messages={"required": _("Choose a free time."), "invalid": _("Choose a free time.")},
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("The confirmation and a reminder are sent here."),
    )
    consent = ConsentField(purpose=OFFICE_BOOKING)

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and not self.has_error("email"):
            self.add_error(
                "phone",
                _("Give a phone number or an e-mail address so that we can confirm the visit."),
            )
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Booking code"),
        max_length=12,
        min_length=4,
        help_text=_("The 8 letters and digits from your confirmation: the page, e-mail or SMS."),
        error_messages={
            "min_length": _("Check the code: it has 8 letters and digits."),
            "max_length": _("Check the code: it has 8 letters and digits."),
        },
    )


class MoveForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("New time"),
        input_formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"],
        error_messages={"required": _("Choose a free time."), "invalid": _("Choose a free time.")},
    )


def parse_day(raw: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(raw) if raw else default
    except ValueError:
        return default
