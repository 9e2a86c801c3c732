import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from gridportal.grid.filters import PowerCentreFilterSet, VoltageFilter

from .choices import CapacityStatus
from .models import CapacityAssessment

# Far beyond any power centre's reserve; bounds keep the number a number the database takes.
MAX_RESERVE_MVA = 100_000


class PowerCentreCapacityFilterSet(PowerCentreFilterSet):
    """The power-centre API filters plus the current capacity: status and minimum reserve."""

    status = django_filters.ChoiceFilter(
        choices=CapacityStatus.choices, method="filter_status", label=_("Status")
    )
    min_reserve = django_filters.NumberFilter(
        method="filter_min_reserve",
        label=_("Minimum reserve, MVA"),
        min_value=-MAX_RESERVE_MVA,
        max_value=MAX_RESERVE_MVA,
    )
    voltage = VoltageFilter(field_name="voltage_kv", label=_("Voltage, kV"))

    def _current(self, queryset, **conditions):
        current = CapacityAssessment.objects.filter(
            power_centre=OuterRef("pk"), snapshot__isnull=True, **conditions
        )
        return queryset.filter(Exists(current))

    def filter_status(self, queryset, name, value):
        return self._current(queryset, status=value)

    @extend_schema_field(
        {"type": "number", "minimum": -MAX_RESERVE_MVA, "maximum": MAX_RESERVE_MVA}
    )
    def filter_min_reserve(self, queryset, name, value):
        return self._current(queryset, reserve_mva__gte=value)
