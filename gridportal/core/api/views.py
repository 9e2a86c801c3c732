import django_filters
from rest_framework import viewsets

from ..models import Branch, District
from .serializers import BranchSerializer, DistrictSerializer


class DistrictFilterSet(django_filters.FilterSet):
    # An unknown branch code is a 400 naming `branch`, as on every other endpoint.
    branch = django_filters.ModelChoiceFilter(
        queryset=Branch.objects.all(), field_name="branch", to_field_name="code"
    )

    class Meta:
        model = District
        fields = ["branch", "kind"]


class BranchViewSet(viewsets.ReadOnlyModelViewSet):
    """Branches (филиалы) of the company."""

    queryset = Branch.objects.order_by("name")
    serializer_class = BranchSerializer
    filterset_fields = ["code"]


class DistrictViewSet(viewsets.ReadOnlyModelViewSet):
    """Distribution zones (РЭС) and production units."""

    queryset = District.objects.select_related("branch").order_by("branch__name", "name")
    serializer_class = DistrictSerializer
    filterset_class = DistrictFilterSet
