import django_filters
from django.db.models import Q

from gridportal.api.filters import IdFilter, IntegerFilter, QueryFilter
from gridportal.core.models import Branch, District

from .models import Feeder, PowerCentre, Substation


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
    voltage_kv = IntegerFilter(min_value=1, max_value=1150)

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
