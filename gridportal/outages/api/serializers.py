from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gridportal.accounts.serializers import BranchStaffFieldsMixin
from gridportal.api.serializers import (
    MAX_ID,
    IdField,
    JSONTypesMixin,
    PlainCharField,
    QuerySerializer,
)
from gridportal.core.hygiene import text_problem

from ..choices import IncidentStatus, Problem
from ..models import Incident, IncidentEvent, PlannedOutage
from ..selectors import address_for_intake
from ..services import Submission


class StatusQuerySerializer(QuerySerializer):
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


@extend_schema_field(
    {
        "type": "boolean",
        "enum": [True],
        "description": "Consent to personal-data processing (152-FZ); must be true: "
        "false is refused with 400 naming `consent`.",
    }
)
class ConsentField(serializers.BooleanField):
    """A consent box: only true is accepted (the schema says `enum: [true]`)."""


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


class ReportCreateSerializer(JSONTypesMixin, serializers.Serializer):
    address = IdField()
    problem = serializers.ChoiceField(choices=Problem.choices)
    phone = PlainCharField(required=False, allow_blank=True, max_length=32)
    email = serializers.EmailField(required=False, allow_blank=True)
    comment = PlainCharField(required=False, allow_blank=True, max_length=1000)
    consent = ConsentField()

    def validate_consent(self, value):
        if not value:
            raise serializers.ValidationError(
                _("We can accept the form only with your consent to data processing.")
            )
        return value

    def validate_address(self, value):
        address = address_for_intake(value)
        if address is None:
            raise serializers.ValidationError(_("No such address."))
        return address

    def submission(self) -> Submission:
        return Submission.from_cleaned(self.validated_data)


REPORT_KEYS = frozenset(ReportCreateSerializer._declared_fields)
_PROBLEMS = frozenset(Problem.values)
_TEXTS = (("phone", 32), ("comment", 1000))


def _plain(value, max_length: int):
    """A text value as PlainCharField would store it, or None where it would object."""
    if type(value) is not str:
        return None
    value = value.strip()
    # text_problem: control characters, NUL and lone surrogates, as the validators refuse.
    if len(value) > max_length or text_problem(value):
        return None
    return value


def report_fast_validated(data) -> dict | None:
    """What ReportCreateSerializer would make of a well-formed report body, without it.

    A storm's reports are well-formed; DRF's field machinery costs them more than the rest
    of their validation. This accepts only what the serializer accepts and gives the same
    values (`address` as its id); anything it is not sure of gives None, and the
    serializer reads the body and names what is wrong (outages/tests/test_api_fast.py
    holds the two to the same answers).
    """
    if type(data) is not dict or not data.keys() <= REPORT_KEYS:
        return None
    address, problem = data.get("address"), data.get("problem")
    if type(address) is not int or not 1 <= address <= MAX_ID:
        return None
    if type(problem) is not str or problem not in _PROBLEMS or data.get("consent") is not True:
        return None
    out = {"address": address, "problem": problem, "consent": True}
    for name, max_length in _TEXTS:
        if name in data:
            out[name] = _plain(data[name], max_length)
            if out[name] is None:
                return None
    if "email" in data:
        email = _plain(data["email"], 10_000)
        if email is None:
            return None
        if email:
            try:
                validate_email(email)
            except DjangoValidationError:
                return None
        out["email"] = email
    return out


class ReportReceiptSerializer(serializers.Serializer):
    number = serializers.CharField()
    duplicate = serializers.BooleanField()
    urgent = serializers.BooleanField()
    incident = serializers.IntegerField(
        allow_null=True, help_text="Confirmed incident covering the address."
    )
    estimated_restoration = serializers.DateTimeField(allow_null=True)


class IncidentEventSerializer(serializers.ModelSerializer):
    estimated_restoration = serializers.DateTimeField(source="etr", allow_null=True)
    text = serializers.CharField(source="display_text")

    class Meta:
        model = IncidentEvent
        fields = ["at", "kind", "estimated_restoration", "text"]


class IncidentSerializer(BranchStaffFieldsMixin, serializers.ModelSerializer):
    branch = serializers.CharField(source="branch.code")
    district = serializers.CharField(source="district.name", default=None, allow_null=True)
    estimated_restoration = serializers.DateTimeField(source="etr", allow_null=True)
    estimate_updated_at = serializers.DateTimeField(source="etr_updated_at", allow_null=True)
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

    @extend_schema_field(IncidentEventSerializer(many=True))
    def get_history(self, obj) -> list[dict]:
        from ..selectors import public_events

        return IncidentEventSerializer(public_events(incident=obj), many=True).data


class PlannedOutageSerializer(serializers.ModelSerializer):
    branch = serializers.CharField(source="branch.code")
    district = serializers.CharField(source="district.name", default=None, allow_null=True)
    settlement = serializers.CharField(source="settlement.name", default=None, allow_null=True)

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


class PlannedQuerySerializer(QuerySerializer):
    branch = serializers.SlugField(required=False)
    date = serializers.DateField(required=False)


class FeedQuerySerializer(QuerySerializer):
    branch = serializers.SlugField(
        required=False, help_text="Branch code: only that region's outages (the region chosen)."
    )


class IncidentQuerySerializer(QuerySerializer):
    branch = serializers.SlugField(required=False, help_text="Branch code.")
    status = serializers.ChoiceField(choices=IncidentStatus.choices, required=False)


class FeedItemSerializer(serializers.Serializer):
    """One outage of the public feed (docs/outages.md)."""

    id = serializers.IntegerField()
    branch = serializers.CharField()
    district = serializers.CharField(allow_null=True)
    area = serializers.CharField()
    cause = serializers.CharField()
    cause_label = serializers.CharField()
    crew_status = serializers.CharField()
    started_at = serializers.DateTimeField()
    estimated_restoration = serializers.DateTimeField(allow_null=True)
    estimated_restoration_local = serializers.CharField(allow_null=True)
    estimate_updated_at = serializers.DateTimeField(allow_null=True)
    customers_out = serializers.IntegerField()
    public_message = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class FeedSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    outages = FeedItemSerializer(many=True)
