"""Forms of the staff console: the office card, its hours, exceptions, services, desks; walk-ins."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .choices import ServiceKind
from .models import Desk, Office, OfficeException, OfficeHours, OfficeService


class OfficeForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = [
            "name",
            "district",
            "address",
            "latitude",
            "longitude",
            "phones",
            "email",
            "time_zone",
            "step_free",
            "parking",
            "hearing_loop",
            "directions",
            "slot_minutes",
            "is_active",
        ]
        localized_fields = ["latitude", "longitude"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The office stays in its branch: districts of that branch only.
        self.fields["district"].queryset = self.instance.branch.districts.all()


class HoursForm(forms.ModelForm):
    class Meta:
        model = OfficeHours
        fields = ["weekday", "opens", "closes", "break_start", "break_end"]
        widgets = {
            "weekday": forms.Select(
                choices=[
                    (0, _("Monday")),
                    (1, _("Tuesday")),
                    (2, _("Wednesday")),
                    (3, _("Thursday")),
                    (4, _("Friday")),
                    (5, _("Saturday")),
                    (6, _("Sunday")),
                ]
            ),
            "opens": forms.TimeInput(attrs={"type": "time"}),
            "closes": forms.TimeInput(attrs={"type": "time"}),
            "break_start": forms.TimeInput(attrs={"type": "time"}),
            "break_end": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens"), data.get("closes")
        start, end = data.get("break_start"), data.get("break_end")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("The office closes after it opens."))
        if bool(start) != bool(end):
            self.add_error("break_end", _("Give both ends of the break, or neither."))
        elif start and end and opens and closes and not (opens <= start < end <= closes):
            self.add_error("break_start", _("The break must lie inside the opening hours."))
        return data


class ExceptionForm(forms.ModelForm):
    class Meta:
        model = OfficeException
        fields = ["first_day", "last_day", "kind", "opens", "closes", "reason"]
        widgets = {
            "first_day": forms.DateInput(attrs={"type": "date"}),
            "last_day": forms.DateInput(attrs={"type": "date"}),
            "opens": forms.TimeInput(attrs={"type": "time"}),
            "closes": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day cannot be before the first."))
        if data.get("kind") == "hours":
            opens, closes = data.get("opens"), data.get("closes")
            if not (opens and closes and opens < closes):
                self.add_error("closes", _("Give the hours of that day."))
        return data


HoursFormSet = inlineformset_factory(Office, OfficeHours, form=HoursForm, extra=1, can_delete=True)
ExceptionFormSet = inlineformset_factory(
    Office, OfficeException, form=ExceptionForm, extra=1, can_delete=True
)
ServiceFormSet = inlineformset_factory(
    Office, OfficeService, fields=["kind", "duration_minutes"], extra=1, can_delete=True
)
DeskFormSet = inlineformset_factory(
    Office, Desk, fields=["number", "is_active"], extra=1, can_delete=False
)


class WalkInForm(forms.Form):
    service = forms.ChoiceField(label=_("Service"), choices=ServiceKind.choices)
    name = forms.CharField(label=_("Name (optional)"), max_length=200, required=False)
