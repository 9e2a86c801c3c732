from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.schema import error_responses

from .. import selectors
from ..calculator import Line, household_estimate
from .serializers import (
    ApplianceSerializer,
    EstimateRequestSerializer,
    EstimateSerializer,
    LessonDetailSerializer,
    LessonSerializer,
    TariffQuerySerializer,
    TariffSerializer,
)


class ApplianceListView(generics.ListAPIView):
    """The appliance catalogue: typical power, standby, usual hours, efficiency class."""

    serializer_class = ApplianceSerializer
    queryset = selectors.appliance_list()


class TariffListView(APIView):
    """The household tariffs in force today, per region and kind (`verified`: checked rates)."""

    @extend_schema(
        parameters=[TariffQuerySerializer],
        responses={200: TariffSerializer(many=True), **error_responses(400)},
    )
    def get(self, request):
        params = TariffQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        tariffs = selectors.tariffs_in_force(
            on=timezone.localdate(), region=params.validated_data.get("region")
        )
        return Response(TariffSerializer(tariffs, many=True).data)


class EstimateView(APIView):
    """A household's month: kWh and cost per zone, the same figures as /learn/energy/."""

    @extend_schema(
        request=EstimateRequestSerializer,
        responses={200: EstimateSerializer, **error_responses(400)},
    )
    def post(self, request):
        body = EstimateRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        tariff = selectors.tariff_get(
            region=data["region"], kind=data["tariff"], on=timezone.localdate()
        )
        if tariff is None:
            raise ValidationError({"tariff": [_("This region has no tariff of this kind.")]})
        lines = [
            Line(
                appliance=row["appliance"],
                count=row["count"],
                hours=row.get("hours", row["appliance"].usual_hours),
                night=row["night"],
            )
            for row in data["appliances"]
        ]
        result = household_estimate(
            tariff=tariff, lines=lines, catalogue=selectors.appliance_list()
        )
        estimate = result.estimate
        payload = {
            "tariff": tariff,
            "zones": [vars(z) for z in estimate.zones],
            "total_kwh": estimate.total_kwh,
            "total_cost": estimate.total_cost,
            "appliances": [
                {
                    "appliance": line.appliance.slug,
                    "count": line.count,
                    "hours": line.hours,
                    "night": line.night,
                    "kwh": energy.kwh,
                }
                for line, energy in result.lines
            ],
            "savings": [
                {
                    "kind": s.kind,
                    "appliance": s.key,
                    "replacement": s.replacement_key,
                    "kwh": s.kwh,
                    "cost": s.cost,
                }
                for s, _was, _now in result.savings
            ],
        }
        return Response(EstimateSerializer(payload).data)


class LessonListView(generics.ListAPIView):
    """Published safety lessons."""

    serializer_class = LessonSerializer
    queryset = selectors.published_lessons()


class LessonDetailView(APIView):
    """A published lesson with its Markdown text and quiz (answers without the right one)."""

    @extend_schema(responses={200: LessonDetailSerializer, **error_responses(404)})
    def get(self, request, slug):
        lesson = selectors.lesson_get_published(slug)
        if lesson is None:
            raise Http404
        return Response(LessonDetailSerializer(lesson).data)
