from django.db.models import Count, Sum, Value
from django.db.models.functions import Coalesce
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.permissions import is_staff_request

from ..filters import FeederFilterSet, PowerCentreFilterSet, SubstationFilterSet
from ..models import Feeder, PowerCentre, Substation
from ..search import address_search
from .serializers import (
    AddressResultsSerializer,
    AddressSearchQuerySerializer,
    AddressSerializer,
    FeederSerializer,
    PowerCentreSerializer,
    SubstationSerializer,
)


class PowerCentreViewSet(viewsets.ReadOnlyModelViewSet):
    """Power centres (35–220 kV substations) with their transformers.

    The base of the capacity app's `/api/v1/power-centres/`, which adds the free
    capacity; grid itself registers no route for it.
    """

    serializer_class = PowerCentreSerializer
    filterset_class = PowerCentreFilterSet

    def get_queryset(self):
        qs = (
            PowerCentre.objects.select_related("branch", "district")
            .prefetch_related("transformers")
            .order_by("branch__name", "dispatch_number")
        )
        if is_staff_request(self.request):
            qs = qs.annotate(feeder_count=Count("feeders"))
        return qs


class FeederViewSet(viewsets.ReadOnlyModelViewSet):
    """6–20 kV feeders."""

    serializer_class = FeederSerializer
    filterset_class = FeederFilterSet

    def get_queryset(self):
        qs = Feeder.objects.select_related("branch", "district").order_by("power_centre", "name")
        if is_staff_request(self.request):
            qs = qs.annotate(substation_count=Count("substations"))
        return qs


class SubstationViewSet(viewsets.ReadOnlyModelViewSet):
    """6–10/0.4 kV transformer substations (ТП/КТП)."""

    serializer_class = SubstationSerializer
    filterset_class = SubstationFilterSet

    def get_queryset(self):
        qs = Substation.objects.select_related("branch", "district", "feeder").order_by(
            "branch__name", "name"
        )
        if is_staff_request(self.request):
            qs = qs.annotate(
                address_count=Count("addresses"),
                customer_count=Coalesce(Sum("addresses__customer_count"), Value(0)),
            )
        return qs


class AddressSearchView(APIView):
    """Address typeahead: what a person typed → the best matching service addresses."""

    @extend_schema(parameters=[AddressSearchQuerySerializer], responses=AddressResultsSerializer)
    def get(self, request):
        params = AddressSearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        branch = params.validated_data.get("branch")
        results = address_search(
            query=params.validated_data["q"],
            limit=params.validated_data["limit"],
            branch_id=branch.pk if branch else None,
        )
        return Response({"results": AddressSerializer(results, many=True).data})
