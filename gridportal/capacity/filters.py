import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from gridportal.api.filters import IntegerFilter
from gridportal.grid.filters import PowerCentreFilterSet

from .choices import CapacityStatus
from .models import CapacityAssessment


class PowerCentreCapacityFilterSet(PowerCentreFilterSet):
    """The power-centre API filters plus the current capacity: status and minimum reserve."""

    status = django_filters.ChoiceFilter(
        choices=CapacityStatus.choices, method="filter_status", label=_("Status")
    )
    min_reserve = django_filters.NumberFilter(
        method="filter_min_reserve",
        label=_("Minimum reserve, MVA"),
        max_digits=10,
        decimal_places=3,
        min_value=-1_000_000,
        max_value=1_000_000,
    )
    voltage = IntegerFilter(
        field_name="voltage_kv", label=_("Voltage, kV"), min_value=1, max_value=1150
    )

    def _current(self, queryset, **conditions):
        current = CapacityAssessment.objects.filter(
            power_centre=OuterRef("pk"), snapshot__isnull=True, **conditions
        )
        return queryset.filter(Exists(current))

    def filter_status(self, queryset, name, value):
        return self._current(queryset, status=value)

    def filter_min_reserve(self, queryset, name, value):
        return self._current(queryset, reserve_mva__gte=value)
