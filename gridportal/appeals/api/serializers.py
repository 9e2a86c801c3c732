from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gridportal.api.serializers import IdField, JSONTypesMixin, PlainCharField, QuerySerializer
from gridportal.grid.models import ServiceAddress

from ..choices import AnswerChannel, AppealType, Topic
from ..models import Appeal, AppealEvent
from ..services import Submission


class AppealCreateSerializer(JSONTypesMixin, serializers.Serializer):
    appeal_type = serializers.ChoiceField(choices=AppealType.choices)
    topic = serializers.ChoiceField(choices=Topic.choices)
    text = PlainCharField(max_length=5000)
    address = IdField(help_text="Service address id (from /api/v1/addresses/).")
    anonymous = serializers.BooleanField(required=False, default=False)
    name = PlainCharField(required=False, allow_blank=True, max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = PlainCharField(required=False, allow_blank=True, max_length=32)
    postal_address = PlainCharField(required=False, allow_blank=True, max_length=400)
    answer_channel = serializers.ChoiceField(
        choices=AnswerChannel.choices, required=False, allow_blank=True
    )
    contract_number = PlainCharField(required=False, allow_blank=True, max_length=64)
    device_address = PlainCharField(required=False, allow_blank=True, max_length=400)
    problem_started_at = serializers.DateTimeField(required=False, allow_null=True)
    demand = PlainCharField(required=False, allow_blank=True, max_length=2000)
    consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Consent to personal-data processing (152-FZ); required unless anonymous.",
    )

    def validate_address(self, value):
        address = ServiceAddress.objects.filter(pk=value).select_related("branch").first()
        if address is None:
            raise serializers.ValidationError(_("No such address."))
        return address

    def submission(self, *, user=None) -> Submission:
        return Submission.from_cleaned(self.validated_data, user=user)


class AppealReceiptSerializer(serializers.Serializer):
    number = serializers.CharField()
    code = serializers.CharField()
    due_date = serializers.DateField()


class TrackQuerySerializer(QuerySerializer):
    code = PlainCharField(max_length=30)


class EventSerializer(serializers.ModelSerializer):
    text = serializers.CharField(source="display_text")

    class Meta:
        model = AppealEvent
        fields = ["at", "kind", "text"]


class AppealPublicSerializer(serializers.ModelSerializer):
    history = serializers.SerializerMethodField()
    due_date = serializers.DateField(source="due_on")

    class Meta:
        model = Appeal
        fields = [
            "number",
            "status",
            "appeal_type",
            "topic",
            "registered_at",
            "due_date",
            "answer",
            "answered_at",
            "redirected_to",
            "rating",
            "history",
        ]

    def get_history(self, appeal) -> list[dict]:
        from ..selectors import public_events

        return EventSerializer(public_events(appeal=appeal), many=True).data


class AppealStaffSerializer(serializers.ModelSerializer):
    branch = serializers.CharField(source="branch.code")
    due_date = serializers.DateField(source="due_on")

    class Meta:
        model = Appeal
        fields = [
            "id",
            "number",
            "status",
            "channel",
            "appeal_type",
            "topic",
            "branch",
            "registered_at",
            "due_date",
            "extension_days",
            "anonymous",
            "name",
            "email",
            "phone",
            "text",
            "answer",
            "answered_at",
            "justified",
            "subject",
        ]
