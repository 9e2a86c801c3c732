from django.db.models import Count, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.permissions import is_staff_request

from ..address_panels import CHAIN_LINKS, address_panels, element_states
from ..filters import FeederFilterSet, PowerCentreFilterSet, SubstationFilterSet
from ..models import Feeder, PowerCentre, Substation
from ..search import address_search
from ..selectors import address_page_get, supply_chain
from .serializers import (
    AddressPageSerializer,
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


class AddressPageView(APIView):
    """The address page as data: the supply chain's live states and every panel's facts."""

    @extend_schema(responses={200: AddressPageSerializer}, operation_id="address_page")
    def get(self, request, pk):
        address = address_page_get(pk)
        if address is None:
            raise NotFound(_("No such address."))
        chain = supply_chain(address)
        states = element_states(request, address, chain)
        links = [
            {
                "link": link,
                "id": chain[link].pk,
                "name": chain[link].label if link == "power_centre" else chain[link].name,
                "state": vars(states[link]) if link in states else None,
            }
            for link in CHAIN_LINKS
            if chain[link] is not None
        ]
        body = {
            "address": AddressSerializer(address).data,
            "supply_chain": links,
            "panels": {panel.key: panel.data for panel in address_panels(request, address)},
        }
        return Response(body)
