from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.schema import error_responses
from gridportal.grid.api.views import PowerCentreViewSet as GridPowerCentreViewSet
from gridportal.grid.search import address_search

from .. import selectors
from ..filters import PowerCentreCapacityFilterSet
from ..models import CapacityAssessment
from .serializers import (
    NearbyAnswerSerializer,
    NearbyQuerySerializer,
    PowerCentreSerializer,
    SnapshotSerializer,
)


class PowerCentreViewSet(GridPowerCentreViewSet):
    """Power centres (35–220 kV substations) with their transformers and current free capacity.

    Filters: branch, district, voltage (kV), status (open/closed), min_reserve (MVA), q.
    """

    serializer_class = PowerCentreSerializer
    filterset_class = PowerCentreCapacityFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch(
                    "capacity_assessments",
                    queryset=CapacityAssessment.objects.filter(snapshot__isnull=True),
                    to_attr="current_capacity",
                )
            )
        )


class QuarterListView(ListAPIView):
    """Published quarterly disclosures of free capacity, newest first."""

    serializer_class = SnapshotSerializer

    def get_queryset(self):
        return selectors.published_snapshots()


class NearbyView(APIView):
    """Nearest open power centres with enough reserve for a requested power (and ТП for small applicants)."""

    @extend_schema(
        parameters=[NearbyQuerySerializer],
        responses={200: NearbyAnswerSerializer, **error_responses(404)},
        description=(
            "Give `kw` and either `address` or both `lat` and `lon` (else 400). "
            "An address that cannot be found answers 404."
        ),
    )
    def get(self, request):
        params = NearbyQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        if data.get("lat") is not None and data.get("lon") is not None:
            lat, lon = data["lat"], data["lon"]
        else:
            found = [a for a in address_search(query=data["address"], limit=5) if a.latitude]
            if not found:
                raise NotFound(_("We could not find this address. Check it or give coordinates."))
            lat, lon = found[0].latitude, found[0].longitude
        centres = selectors.nearest_centres(latitude=lat, longitude=lon, requested_kw=data["kw"])
        substations = []
        if data["kw"] <= selectors.small_applicant_kw():
            substations = [
                {
                    "id": s["substation"].pk,
                    "name": s["substation"].name,
                    "distance_km": s["distance_km"],
                    "headroom_kw": s["headroom_kw"],
                }
                for s in selectors.nearest_substations(latitude=lat, longitude=lon)
            ]
        answer = {
            "point": {"latitude": lat, "longitude": lon},
            "power_centres": centres,
            "substations": substations,
        }
        return Response(NearbyAnswerSerializer(answer).data)
