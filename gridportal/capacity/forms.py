from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import Branch, District
from gridportal.core.uploads import TABLE_KINDS, UploadField, upload_max_megabytes

from .choices import CapacityStatus

SORTS = {
    "name": "power_centre__name",
    "-name": "-power_centre__name",
    "reserve": "reserve_mva",
    "-reserve": "-reserve_mva",
    "load": "load_mva",
    "-load": "-load_mva",
    "branch": "power_centre__branch__name",
    "-branch": "-power_centre__branch__name",
    "voltage": "power_centre__voltage_kv",
    "-voltage": "-power_centre__voltage_kv",
}


# Voltages an applicant can ask for, kV (0.4 for households and small businesses).
VOLTAGES = [
    ("0.4", _("0.4 kV")),
    ("6", _("6 kV")),
    ("10", _("10 kV")),
    ("20", _("20 kV")),
    ("35", _("35 kV")),
    ("110", _("110 kV")),
]


class CapacityFilterForm(forms.Form):
    """Filters of the load map, its table and the downloads."""

    q = forms.CharField(label=_("Name or dispatch number"), required=False, max_length=100)
    branch = forms.ChoiceField(label=_("Branch"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    voltage = forms.TypedChoiceField(
        label=_("Voltage, kV"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any"))] + list(CapacityStatus.choices),
    )
    min_reserve = forms.DecimalField(
        label=_("Minimum reserve, MVA"),
        required=False,
        min_value=Decimal("-1000"),
        max_value=Decimal("10000"),
        max_digits=8,
        decimal_places=3,
        localize=True,
    )
    sort = forms.ChoiceField(
        required=False, choices=[(k, k) for k in SORTS], widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].choices = [("", _("All"))] + [
            (b.code, b.display_name) for b in Branch.objects.order_by("name")
        ]
        districts = District.objects.select_related("branch").order_by("branch__name", "name")
        self.fields["district"].choices = [("", _("All"))] + [
            (d.code, d.display_name) for d in districts
        ]
        self.fields["voltage"].choices = [("", _("All"))] + [
            (v, _("{voltage} kV").format(voltage=v)) for v in (35, 110, 220)
        ]

    def params(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {k: v for k, v in data.items() if v not in (None, "")}


class CanConnectForm(forms.Form):
    """«Can I connect here?» — the power a person wants, in kW."""

    kw = forms.DecimalField(
        label=_("Requested power, kW"),
        min_value=Decimal("0.1"),
        max_value=Decimal("100000"),
        max_digits=9,
        decimal_places=1,
        localize=True,
    )


class NearbyForm(forms.Form):
    """«Where can I connect N kW near this point?» by address or coordinates."""

    address = forms.CharField(label=_("Address"), required=False, max_length=200)
    lat = forms.FloatField(
        label=_("Latitude"),
        required=False,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        localize=True,
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        localize=True,
    )
    kw = forms.DecimalField(
        label=_("Requested power, kW"),
        min_value=Decimal("0.1"),
        max_value=Decimal("100000"),
        max_digits=9,
        decimal_places=1,
        localize=True,
    )

    voltage = forms.TypedChoiceField(
        label=_("Voltage, kV"),
        choices=VOLTAGES,
        coerce=Decimal,
        initial="0.4",
        required=False,
        empty_value=Decimal("0.4"),
    )

    def clean(self):
        data = super().clean()
        has_point = data.get("lat") is not None and data.get("lon") is not None
        if not has_point and not data.get("address"):
            raise forms.ValidationError(_("Give an address or both coordinates."))
        return data


class UploadForm(forms.Form):
    """A measurement or commitment file; its type is taken from the content (core.uploads)."""

    file = UploadField(
        kinds=TABLE_KINDS,
        refusal=_("Upload a .csv or .xlsx file."),
        label=_("File (CSV or XLSX)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Up to {size} MB. The first row holds the column names."
        ).format(size=upload_max_megabytes())


class PublishForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"),
        help_text=_("Usually the first day of the quarter, e.g. 01.10.2026."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
