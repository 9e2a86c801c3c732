from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gridportal.api.serializers import (
    IdField,
    JSONTypesMixin,
    PlainCharField,
    QuerySerializer,
)

from ..choices import BookingStatus, ServiceKind
from ..services import BookingSubmission


class OfficeQuerySerializer(QuerySerializer):
    service = serializers.ChoiceField(choices=ServiceKind.choices, required=False)
    saturday = serializers.BooleanField(required=False, help_text="Only offices open on Saturdays.")
    branch = IdField(required=False, help_text="Branch id (from /api/v1/branches/).")
    near = PlainCharField(
        required=False,
        max_length=40,
        help_text="`lat,lon` (decimal degrees): nearest first, with `distance_km`.",
    )

    def validate_near(self, value):
        try:
            lat, lon = (float(part) for part in value.split(","))
        except ValueError as error:
            raise serializers.ValidationError(_("Give `near` as latitude,longitude.")) from error
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise serializers.ValidationError(_("Give `near` as latitude,longitude."))
        return (lat, lon)


class OfficeServiceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ServiceKind.choices)
    duration_minutes = serializers.IntegerField()


class OfficeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="office.pk")
    name = serializers.CharField(source="office.name")
    branch = serializers.CharField(source="office.branch.code")
    district = serializers.CharField(
        source="office.district.display_name", allow_null=True, default=None
    )
    address = serializers.CharField(source="office.address")
    latitude = serializers.FloatField(source="office.latitude")
    longitude = serializers.FloatField(source="office.longitude")
    phones = serializers.CharField(source="office.phones")
    email = serializers.CharField(source="office.email")
    time_zone = serializers.CharField(source="office.time_zone")
    step_free = serializers.BooleanField(source="office.step_free")
    parking = serializers.BooleanField(source="office.parking")
    hearing_loop = serializers.BooleanField(source="office.hearing_loop")
    directions = serializers.CharField(source="office.directions")
    services = OfficeServiceSerializer(source="office.services.all", many=True)
    open_now = serializers.BooleanField(source="status.is_open")
    closes_at = serializers.DateTimeField(source="status.closes_at", allow_null=True)
    opens_at = serializers.DateTimeField(source="status.opens_at", allow_null=True)
    distance_km = serializers.FloatField(allow_null=True)


class SlotQuerySerializer(QuerySerializer):
    service = serializers.ChoiceField(choices=ServiceKind.choices)
    date = serializers.DateField(help_text="YYYY-MM-DD, the office's local date.")


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    free_desks = serializers.IntegerField(source="free_count")


@extend_schema_field(
    {
        "type": "boolean",
        "enum": [True],
        "description": "Consent to the processing of personal data (purpose offices.booking); "
        "false is refused with 400 naming `consent`.",
    }
)
class ConsentField(serializers.BooleanField):
    """A consent box: only true is accepted."""


class BookingCreateSerializer(JSONTypesMixin, serializers.Serializer):
    office = IdField()
    service = serializers.ChoiceField(choices=ServiceKind.choices)
    starts_at = serializers.DateTimeField(help_text="A slot's `start` from the slots endpoint.")
    name = PlainCharField(max_length=200)
    phone = PlainCharField(required=False, allow_blank=True, max_length=32)
    email = serializers.EmailField(required=False, allow_blank=True)
    consent = ConsentField()
    language = serializers.ChoiceField(choices=[("ru", "ru"), ("en", "en")], required=False)

    def validate_consent(self, value):
        if not value:
            raise serializers.ValidationError(
                _("We can book the visit only with your consent to data processing.")
            )
        return value

    def submission(self) -> BookingSubmission:
        return BookingSubmission.from_cleaned(self.validated_data)


class BookingMoveSerializer(JSONTypesMixin, serializers.Serializer):
    starts_at = serializers.DateTimeField()


class BookingSerializer(serializers.Serializer):
    code = serializers.CharField()
    office = serializers.IntegerField(source="office_id")
    service = serializers.ChoiceField(choices=ServiceKind.choices)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    desk = serializers.IntegerField(source="desk.number")
    status = serializers.ChoiceField(choices=BookingStatus.choices)
