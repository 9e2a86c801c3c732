import functools
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.api.errors import exception_handler
from gridportal.api.permissions import is_staff_request
from gridportal.api.schema import error_responses
from gridportal.core import geojson
from gridportal.core.intake import Origin
from gridportal.core.models import Branch

from .. import selectors, services
from ..choices import Channel
from ..models import Incident
from ..selectors import PUBLIC_STATUSES
from ..snapshot import answer_as_dict
from .serializers import (
    FeedQuerySerializer,
    FeedSerializer,
    IncidentDetailSerializer,
    IncidentQuerySerializer,
    IncidentSerializer,
    PlannedOutageSerializer,
    PlannedQuerySerializer,
    ReportCreateSerializer,
    ReportReceiptSerializer,
    StatusQuerySerializer,
    StatusSerializer,
    report_fast_validated,
)


class StatusView(APIView):
    """Is there power at this address? The look-up answer as JSON."""

    @extend_schema(
        parameters=[StatusQuerySerializer],
        responses={200: StatusSerializer, **error_responses(404)},
    )
    def get(self, request):
        params = StatusQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        address = selectors.address_get(params.validated_data["address"])
        if address is None:
            raise Http404
        body = answer_as_dict(selectors.address_status(address=address))
        body["address"] = {"id": address.pk, "label": address.label, "branch": address.branch.code}
        return Response(body)


class ReportCreateView(APIView):
    """Report an outage. Repeats from the same contact and address are recognized."""

    @extend_schema(
        request=ReportCreateSerializer,
        responses={
            201: ReportReceiptSerializer,
            200: ReportReceiptSerializer,
            **error_responses(429),
        },
    )
    def post(self, request):
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        receipt = services.report_submit(
            submission=data.submission(),
            origin=Origin.from_request(request, channel=Channel.API),
        )
        return Response(_receipt_body(receipt), status=_receipt_status(receipt))

    @classmethod
    def as_view(cls, **initkwargs):
        """DRF's view, behind the storm's way in (`report_create_fast`)."""
        view = super().as_view(**initkwargs)

        @functools.wraps(view)
        def report_create(request, *args, **kwargs):
            return report_create_fast(request) or view(request, *args, **kwargs)

        return report_create


_ETR = ReportReceiptSerializer().fields["estimated_restoration"]


def _receipt_body(receipt) -> dict:
    incident_id, etr = receipt.known_outage() or (None, None)
    # ReportReceiptSerializer documents this body; its fields are plain but the time, which
    # is written as DRF writes every time (_ETR is that field).
    return {
        "number": receipt.report.number,
        "duplicate": receipt.duplicate,
        "urgent": receipt.report.urgent,
        "incident": incident_id,
        "estimated_restoration": None if etr is None else _ETR.to_representation(etr),
    }


def _receipt_status(receipt) -> int:
    return status.HTTP_200_OK if receipt.duplicate else status.HTTP_201_CREATED


FAST_MAX_BODY = 8192
_ALLOW = ", ".join(ReportCreateView().allowed_methods)  # the header DRF's view sends
_FAST_ACCEPT = ("", "*/*", "application/json")
_RENDERER = JSONRenderer()


def _length(value) -> int:
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def report_create_fast(request) -> HttpResponse | None:
    """A storm's report, taken without DRF's request machinery: a plain JSON body from a
    client without a session, read and answered as ReportCreateView would (the same
    validation, service, body and errors; test_api_fast compares the two). None for
    anything else, which ReportCreateView then handles in full (decision 0017)."""
    meta = request.META
    if (
        request.method != "POST"
        or request.content_type != "application/json"
        or request.content_params.get("charset", "utf-8").lower() not in ("utf-8", "utf8")
        or meta.get("HTTP_ACCEPT", "") not in _FAST_ACCEPT
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_AUTHORIZATION" in meta
        or not 0 < _length(meta.get("CONTENT_LENGTH")) <= FAST_MAX_BODY
    ):
        return None
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    data = report_fast_validated(data)
    if data is None:
        return None
    try:
        # The address as its id: read as the report is written (no such address: the
        # serializer names it).
        receipt = services.report_submit(
            submission=services.Submission.from_cleaned(data),
            origin=Origin.from_request(request, channel=Channel.API),
        )
    except services.AddressMissing:
        return None
    except Exception as error:  # the API's answers to errors (database down: 503)
        response = exception_handler(error, {"request": request, "view": None})
        if response is None:
            raise
    else:
        # The body as DRF's JSONRenderer writes it (compact, UTF-8), without its machinery.
        response = HttpResponse(
            _RENDERER.render(_receipt_body(receipt)),
            status=_receipt_status(receipt),
            content_type="application/json",
        )
        response["Allow"] = _ALLOW
        return response
    response.accepted_renderer = JSONRenderer()
    response.accepted_media_type = "application/json"
    response.renderer_context = {}
    response["Allow"] = _ALLOW
    return response.render()


class IncidentQuerysetMixin:
    def get_queryset(self):
        qs = Incident.objects.select_related(
            "branch", "district", "power_centre", "feeder", "substation"
        )
        if is_staff_request(self.request):
            qs = restrict_to_branches(qs, self.request.user)
        else:
            qs = qs.filter(status__in=PUBLIC_STATUSES)
        params = IncidentQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        if "branch" in params.validated_data:
            branch = Branch.objects.filter(code=params.validated_data["branch"]).first()
            if branch is None:
                raise ValidationError({"branch": [_("No such branch.")]})
            qs = qs.filter(branch=branch)
        if "status" in params.validated_data:
            qs = qs.filter(status=params.validated_data["status"])
        return qs.order_by("-started_at", "-id")


class IncidentListView(IncidentQuerysetMixin, generics.ListAPIView):
    """Incidents: the public sees confirmed and restored ones; staff see their branches' all."""

    serializer_class = IncidentSerializer
    filterset_class = None

    @extend_schema(parameters=[IncidentQuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class IncidentDetailView(IncidentQuerysetMixin, generics.RetrieveAPIView):
    """One incident with its public history (every estimate and status change)."""

    serializer_class = IncidentDetailSerializer
    filterset_class = None


class PlannedListView(generics.ListAPIView):
    """Published planned outages that have not ended yet."""

    serializer_class = PlannedOutageSerializer
    filterset_class = None

    @extend_schema(parameters=[PlannedQuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = PlannedQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        branch = None
        if params.validated_data.get("branch"):
            branch = Branch.objects.filter(code=params.validated_data["branch"]).first()
            if branch is None:
                raise ValidationError({"branch": [_("No such branch.")]})
        return selectors.planned_list(branch=branch, day=params.validated_data.get("date"))


def _feed_items(request):
    params = FeedQuerySerializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    branch = None
    if params.validated_data.get("branch"):
        branch = Branch.objects.filter(code=params.validated_data["branch"]).first()
        if branch is None:
            raise ValidationError({"branch": [_("No such branch.")]})
    return timezone.now(), selectors.feed_items(branch=branch)


class FeedView(APIView):
    """The public outage feed (JSON): every confirmed unplanned outage now. Fields: docs/outages.md."""

    @extend_schema(parameters=[FeedQuerySerializer], responses=FeedSerializer)
    def get(self, request):
        now, items = _feed_items(request)
        return Response({"generated_at": now, "outages": items})


class FeedGeoJSONView(APIView):
    """The same feed as a GeoJSON FeatureCollection (points at the faulted element, never at homes)."""

    @extend_schema(
        parameters=[FeedQuerySerializer],
        responses={
            (200, "application/geo+json"): OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="GeoJSON FeatureCollection: one Point feature per outage.",
            )
        },
    )
    def get(self, request):
        now, items = _feed_items(request)
        return Response(
            geojson.feature_collection(geojson.points(items), generated_at=now),
            content_type="application/geo+json",
        )
