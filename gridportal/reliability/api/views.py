from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from ..selectors import area_report
from .serializers import IndicesQuerySerializer, IndicesSerializer


class IndicesView(APIView):
    """Reliability indices of the company, a branch, a district, a power centre or a feeder."""

    @extend_schema(
        operation_id="reliability_indices",
        parameters=[IndicesQuerySerializer],
        responses={200: IndicesSerializer},
        description=(
            "Both dates are included. Give at most one of `branch`, `district`, "
            "`power_centre`, `feeder` (none: the whole company). SAIDI, CAIDI, CTAIDI and "
            "the MED threshold are in minutes, Пsaidi in hours; `med` holds the major "
            "event days (2.5β over the five years before) and the indices without them."
        ),
    )
    def get(self, request):
        params = IndicesQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        report = area_report(data["area"], data["from"], data["to"])
        return Response(report.as_dict())
