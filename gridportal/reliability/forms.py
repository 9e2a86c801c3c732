"""Validation at the edge: the year or period of a page, and a dispatcher's correction."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Cause

FIRST_YEAR = 2000


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        error_messages={
            "invalid": _("Enter a year as four digits, for example 2025."),
            "min_value": _("Choose a year from 2000 on."),
        },
    )

    def clean_year(self):
        year = self.cleaned_data.get("year")
        today = timezone.localdate()
        if year is None:
            return today.year
        if year > today.year:
            raise forms.ValidationError(_("Choose a year that has begun."))
        return year

    def year_or_current(self) -> int:
        return self.cleaned_data["year"] if self.is_valid() else timezone.localdate().year


class PeriodForm(forms.Form):
    first = forms.DateField(label=_("First day"), required=False)
    last = forms.DateField(label=_("Last day"), required=False)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        first = data.get("first") or dt.date(today.year, 1, 1)
        last = data.get("last") or today
        if first.year < FIRST_YEAR:
            raise forms.ValidationError(_("Choose a period from 2000 on."))
        if last < first:
            raise forms.ValidationError(_("The last day is before the first."))
        if (last - first).days > 366 * 5:
            raise forms.ValidationError(_("Choose a period of five years at most."))
        data["first"], data["last"] = first, last
        return data


class RecordCorrectForm(forms.Form):
    started_at = forms.DateTimeField(label=_("Started"))
    restored_at = forms.DateTimeField(label=_("Restored"))
    customers = forms.IntegerField(label=_("Customers"), min_value=0, max_value=10_000_000)

    def clean(self):
        data = super().clean()
        if (
            data.get("started_at")
            and data.get("restored_at")
            and data["restored_at"] < data["started_at"]
        ):
            self.add_error("restored_at", _("The restoration cannot be earlier than the start."))
        return data


class EventCorrectForm(forms.Form):
    planned = forms.BooleanField(label=_("Planned"), required=False)
    cause = forms.ChoiceField(label=_("Cause"), choices=Cause.choices)
