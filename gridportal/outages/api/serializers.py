from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gridportal.accounts.serializers import BranchStaffFieldsMixin
from gridportal.api.serializers import IdField, PlainCharField

from ..choices import Problem
from ..models import Incident, IncidentEvent, PlannedOutage
from ..selectors import address_get
from ..services import Submission


class StatusQuerySerializer(serializers.Serializer):
    address = IdField(help_text="Service address id (from /api/v1/addresses/).")


class AddressRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()
    branch = serializers.CharField(source="branch.code")


class PlannedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    reason = serializers.CharField()


class IncidentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    level = serializers.CharField()
    cause = serializers.CharField()
    crew_status = serializers.CharField()
    started_at = serializers.DateTimeField()
    estimated_restoration = serializers.DateTimeField(allow_null=True)
    estimate_updated_at = serializers.DateTimeField(allow_null=True)
    customers_out = serializers.IntegerField()
    public_message = serializers.CharField()


class StatusSerializer(serializers.Serializer):
    """Documentation shape of the look-up answer (built by snapshot.answer_as_dict)."""

    address = AddressRefSerializer()
    state = serializers.ChoiceField(
        choices=["unknown", "none", "planned", "planned_now", "reported", "outage"]
    )
    incident = IncidentRefSerializer(allow_null=True)
    planned = PlannedRefSerializer(many=True)


class ReportCreateSerializer(serializers.Serializer):
    address = IdField()
    problem = serializers.ChoiceField(choices=Problem.choices)
    phone = PlainCharField(required=False, allow_blank=True, max_length=32)
    email = serializers.EmailField(required=False, allow_blank=True)
    comment = PlainCharField(required=False, allow_blank=True, max_length=1000)
    consent = serializers.BooleanField(
        help_text="Consent to personal-data processing (152-FZ); must be true."
    )

    def validate_consent(self, value):
        if not value:
            raise serializers.ValidationError(
                _("We can accept the form only with your consent to data processing.")
            )
        return value

    def validate_address(self, value):
        address = address_get(value)
        if address is None:
            raise serializers.ValidationError(_("No such address."))
        return address

    def submission(self) -> Submission:
        return Submission.from_cleaned(self.validated_data)


class ReportReceiptSerializer(serializers.Serializer):
    number = serializers.CharField()
    duplicate = serializers.BooleanField()
    urgent = serializers.BooleanField()
    incident = serializers.IntegerField(
        allow_null=True, help_text="Confirmed incident covering the address."
    )
    estimated_restoration = serializers.DateTimeField(allow_null=True)


class IncidentEventSerializer(serializers.ModelSerializer):
    estimated_restoration = serializers.DateTimeField(source="etr")
    text = serializers.CharField(source="display_text")

    class Meta:
        model = IncidentEvent
        fields = ["at", "kind", "estimated_restoration", "text"]


class IncidentSerializer(BranchStaffFieldsMixin, serializers.ModelSerializer):
    branch = serializers.CharField(source="branch.code")
    district = serializers.CharField(source="district.name", default=None)
    estimated_restoration = serializers.DateTimeField(source="etr")
    estimate_updated_at = serializers.DateTimeField(source="etr_updated_at")
    element = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "status",
            "level",
            "branch",
            "district",
            "cause",
            "crew_status",
            "started_at",
            "confirmed_at",
            "restored_at",
            "estimated_restoration",
            "estimate_updated_at",
            "customers_affected",
            "customers_out",
            "public_message",
            "element",
            "pinned",
        ]
        staff_only_fields = ["element", "pinned"]

    def get_element(self, obj) -> str:
        return str(obj.element)


class IncidentDetailSerializer(IncidentSerializer):
    history = serializers.SerializerMethodField()

    class Meta(IncidentSerializer.Meta):
        fields = [*IncidentSerializer.Meta.fields, "history"]

    def get_history(self, obj) -> list[dict]:
        from ..selectors import public_events

        return IncidentEventSerializer(public_events(incident=obj), many=True).data


class PlannedOutageSerializer(serializers.ModelSerializer):
    branch = serializers.CharField(source="branch.code")
    district = serializers.CharField(source="district.name", default=None)
    settlement = serializers.CharField(source="settlement.name", default=None)

    class Meta:
        model = PlannedOutage
        fields = [
            "id",
            "branch",
            "district",
            "settlement",
            "starts_at",
            "ends_at",
            "reason",
            "area_description",
            "customers_affected",
            "status",
        ]


class PlannedQuerySerializer(serializers.Serializer):
    branch = serializers.SlugField(required=False)
    date = serializers.DateField(required=False)
