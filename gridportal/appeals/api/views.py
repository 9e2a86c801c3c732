from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.permissions import is_staff_request
from gridportal.api.schema import error_responses
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit
from gridportal.core.services import audit_record, client_ip

from .. import selectors, services
from ..choices import Channel, RuleKey
from ..rules import rule_values
from .serializers import (
    AppealCreateSerializer,
    AppealPublicSerializer,
    AppealReceiptSerializer,
    AppealStaffSerializer,
    TrackQuerySerializer,
)


class AppealCreateView(APIView):
    """Send an appeal: answers its registration number, tracking code and due date."""

    @extend_schema(
        request=AppealCreateSerializer,
        responses={201: AppealReceiptSerializer, **error_responses(400, 429)},
    )
    def post(self, request):
        data = AppealCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        receipt = services.appeal_submit(
            submission=data.submission(user=request.user),
            origin=Origin.from_request(request, channel=Channel.WEB),
        )
        body = {
            "number": receipt.appeal.number,
            "code": receipt.code,
            "due_date": receipt.appeal.due_on,
        }
        return Response(AppealReceiptSerializer(body).data, status=status.HTTP_201_CREATED)


class AppealTrackView(APIView):
    """Status, public history and the answer of an appeal, for its number and tracking code.

    A wrong number and a wrong code both answer 404; look-ups are rate-limited per address.
    """

    @extend_schema(
        parameters=[TrackQuerySerializer],
        responses={200: AppealPublicSerializer, **error_responses(400, 404, 429)},
    )
    def get(self, request, number):
        params = TrackQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        limit = int(rule_values()[RuleKey.TRACK_PER_IP_HOUR])
        if limit_hit(group="appeals.track.ip", value=client_ip(request) or "", limit=limit):
            raise RateLimited(_("Too many attempts from here. Please try again in an hour."))
        appeal = selectors.appeal_track(number=number, code=params.validated_data["code"])
        if appeal is None:
            raise Http404
        return Response(AppealPublicSerializer(appeal).data)


class StaffOnlyMixin:
    """Staff of the appeals desk only (403 for everyone else), checked in the view.

    Not a permission class: the OpenAPI document then keeps the session optional, as for
    every other operation, and says 403 for those without the role.
    """

    def check_permissions(self, request):
        super().check_permissions(request)
        if not (is_staff_request(request) and request.user.has_perm("appeals.view_appeal")):
            raise PermissionDenied


@extend_schema_view(
    get=extend_schema(responses={200: AppealStaffSerializer(many=True), **error_responses(403)})
)
class StaffAppealList(StaffOnlyMixin, generics.ListAPIView):
    """Appeals of the staff member's branches (open ones first by due date)."""

    serializer_class = AppealStaffSerializer

    def get_queryset(self):
        return selectors.queue_for_user(
            user=self.request.user,
            filters={"status": self.request.query_params.get("status", "all")},
        )


@extend_schema_view(
    get=extend_schema(responses={200: AppealStaffSerializer, **error_responses(403, 404)})
)
class StaffAppealDetail(StaffOnlyMixin, generics.RetrieveAPIView):
    """One appeal of the staff member's branches (each view is written to the audit log)."""

    serializer_class = AppealStaffSerializer
    lookup_field = "number"

    def get_queryset(self):
        return selectors.appeals_for_user(user=self.request.user)

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        audit_record(
            actor=request.user, action=AuditAction.VIEW, obj=self.get_object(), request=request
        )
        return response
