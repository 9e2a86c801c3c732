from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.schema import ErrorSerializer, error_responses
from gridportal.core.intake import Origin

from .. import selectors, services
from ..models import Office
from .serializers import (
    BookingCreateSerializer,
    BookingMoveSerializer,
    BookingSerializer,
    OfficeQuerySerializer,
    OfficeSerializer,
    SlotQuerySerializer,
    SlotSerializer,
)

TAKEN = {
    409: OpenApiResponse(
        response=ErrorSerializer,
        description=_(
            "The time has just been taken (code `slot_taken`); choose another free time."
        ),
    )
}
NOT_FOUND = error_responses(404)


class OfficeListView(APIView):
    """Customer service centres, open now; `near=lat,lon` sorts by distance."""

    @extend_schema(
        parameters=[OfficeQuerySerializer],
        responses={200: OfficeSerializer(many=True), **error_responses(400)},
    )
    def get(self, request):
        params = OfficeQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        cards = selectors.office_cards(
            service=data.get("service", ""),
            saturday=bool(data.get("saturday")),
            near=data.get("near"),
            branch_id=data.get("branch"),
        )
        return Response(OfficeSerializer(cards, many=True).data)


class SlotListView(APIView):
    """Free times of an office for a service on a local date."""

    @extend_schema(
        parameters=[SlotQuerySerializer],
        responses={200: SlotSerializer(many=True), **error_responses(400, 404)},
    )
    def get(self, request, pk):
        params = SlotQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        try:
            office = selectors.office_get(pk)
        except Office.DoesNotExist as error:
            raise Http404 from error
        slots = selectors.free_slots(
            office, service=params.validated_data["service"], day=params.validated_data["date"]
        )
        rows = [{"start": s.start, "end": s.end, "free_count": len(s.free_desks)} for s in slots]
        return Response(SlotSerializer(rows, many=True).data)


class BookingCreateView(APIView):
    """Book a free time; the answer carries the booking `code` (kept by the person)."""

    @extend_schema(
        request=BookingCreateSerializer,
        responses={201: BookingSerializer, **error_responses(400, 429), **TAKEN},
    )
    def post(self, request):
        data = BookingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        booking = services.booking_submit(
            submission=data.submission(), origin=Origin.from_request(request, channel="api")
        )
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class BookingCancelView(APIView):
    """Cancel a booking by its code."""

    @extend_schema(request=None, responses={200: BookingSerializer, **error_responses(400, 404)})
    def post(self, request, code):
        return Response(BookingSerializer(services.booking_cancel(code=code)).data)


class BookingMoveView(APIView):
    """Move a booking to another free time of the same office and service."""

    @extend_schema(
        request=BookingMoveSerializer,
        responses={200: BookingSerializer, **error_responses(400, 404), **TAKEN},
    )
    def post(self, request, code):
        data = BookingMoveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        booking = services.booking_move(code=code, starts_at=data.validated_data["starts_at"])
        return Response(BookingSerializer(booking).data)
