import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from gridportal.api.filters import IdFilter, QueryFilter
from gridportal.core.models import Branch, District

from .choices import POWER_CENTRE_VOLTAGES_KV
from .models import Feeder, PowerCentre, Substation


class VoltageField(forms.DecimalField):
    """A power centre's higher voltage in kV: one of the voltages the company runs."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and value not in POWER_CENTRE_VOLTAGES_KV:
            raise forms.ValidationError(
                _("Choose one of: {values}.").format(
                    values=", ".join(str(v) for v in POWER_CENTRE_VOLTAGES_KV)
                ),
                code="invalid_choice",
            )
        return value


@extend_schema_field({"type": "number", "enum": list(POWER_CENTRE_VOLTAGES_KV)})
class VoltageFilter(django_filters.NumberFilter):
    field_class = VoltageField


class NetworkElementFilterSet(django_filters.FilterSet):
    branch = django_filters.ModelChoiceFilter(
        queryset=Branch.objects.all(), field_name="branch", to_field_name="code"
    )
    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.all(), field_name="district", to_field_name="code"
    )
    q = QueryFilter(method="filter_q", label="name")

    def filter_q(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class PowerCentreFilterSet(NetworkElementFilterSet):
    voltage_kv = VoltageFilter()

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(dispatch_number__iexact=value))

    class Meta:
        model = PowerCentre
        fields = ["branch", "district", "voltage_kv"]


class FeederFilterSet(NetworkElementFilterSet):
    power_centre = IdFilter(field_name="power_centre_id")

    class Meta:
        model = Feeder
        fields = ["branch", "district", "power_centre"]


class SubstationFilterSet(NetworkElementFilterSet):
    feeder = IdFilter(field_name="feeder_id")
    power_centre = IdFilter(field_name="feeder__power_centre_id")

    class Meta:
        model = Substation
        fields = ["branch", "district", "feeder", "power_centre", "kind"]
