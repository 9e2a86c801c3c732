from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.schema import error_responses
from gridportal.core.intake import Origin

from .. import selectors, services
from ..choices import Channel
from ..models import ConnectionApplication
from .serializers import (
    ApplicationSerializer,
    IntentionAnswerSerializer,
    IntentionCreateSerializer,
    IntentionStaffSerializer,
)


class IntentionCreateView(APIView):
    """Send a request-intention («заявка-намерение») and get the non-binding answer at once:
    the applicant category, the elements it would connect through with their headroom, the
    indicative fee with its breakdown, the legal deadlines and the documents to prepare."""

    @extend_schema(
        request=IntentionCreateSerializer,
        responses={
            201: IntentionAnswerSerializer,
            200: IntentionAnswerSerializer,
            **error_responses(429),
        },
    )
    def post(self, request):
        data = IntentionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        receipt = services.intention_submit(
            submission=data.submission(),
            origin=Origin.from_request(request, channel=Channel.API),
        )
        body = {
            "number": receipt.intention.number,
            "duplicate": receipt.duplicate,
            "address": receipt.intention.address_id,
            "place": receipt.intention.where(),
            "latitude": receipt.intention.latitude,
            "longitude": receipt.intention.longitude,
            **receipt.intention.answer,
        }
        return Response(
            IntentionAnswerSerializer(body).data,
            status=status.HTTP_200_OK if receipt.duplicate else status.HTTP_201_CREATED,
        )


class IntentionStaffViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Request-intentions of the staff member's branches (connection officers)."""

    serializer_class = IntentionStaffSerializer
    permission_classes = [IsAuthenticated]
    lookup_field = "number"

    def get_queryset(self):
        user = self.request.user
        if not (user.is_staff and user.has_perm("connection.view_connectionintention")):
            return selectors.intentions_for_user(user=user).none()
        return selectors.intentions_for_user(user=user)

    def retrieve(self, request, *args, **kwargs):
        intention = self.get_object()
        services.intention_contact_view(intention=intention, actor=request.user, request=request)
        return Response(self.get_serializer(intention).data)


class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Applications for technological connection: a customer's own; staff see their branches'."""

    serializer_class = ApplicationSerializer
    permission_classes = [IsAuthenticated]
    lookup_field = "number"

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False) or not user.is_authenticated:
            return ConnectionApplication.objects.none()
        if user.is_staff:
            if not user.has_perm("connection.view_connectionapplication"):
                return selectors.applications_for_user(user=user).none()
            return selectors.applications_for_user(user=user).order_by("-submitted_at")
        return (
            selectors.applications_of_customer(user=user)
            .exclude(number__isnull=True)
            .order_by("-submitted_at")
        )
