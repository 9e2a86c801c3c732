from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gridportal.api.serializers import (
    FiniteFloatField,
    IdField,
    JSONTypesMixin,
    PlainCharField,
)

from ..choices import ApplicantKind, ObjectKind, Reliability, Stage, Voltage
from ..points import DECIMALS
from ..selectors import address_get
from ..services import IntentionSubmission
from ..services.intake import BOTH_COORDINATES_MESSAGE, BOTH_MESSAGE, WHERE_MESSAGE


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConsentField(serializers.BooleanField):
    """A consent box: only true is accepted."""


class IntentionCreateSerializer(JSONTypesMixin, serializers.Serializer):
    address = IdField(
        required=False,
        allow_null=True,
        help_text="Service address id (from the address search). Give either it or "
        "`latitude` + `longitude` (a plot with no address yet), not both.",
    )
    latitude = FiniteFloatField(
        required=False,
        allow_null=True,
        min_value=-90,
        max_value=90,
        help_text="Latitude of the point, degrees (WGS 84), with `longitude` instead of `address`. "
        "The nearest transformer substation answers; a point farther than the rule "
        "`connection.point_max_distance_m` from every one is refused (400).",
    )
    longitude = FiniteFloatField(
        required=False,
        allow_null=True,
        min_value=-180,
        max_value=180,
        help_text="Longitude of the point, degrees (WGS 84), with `latitude`.",
    )
    applicant_kind = serializers.ChoiceField(choices=ApplicantKind.choices)
    object_kind = serializers.ChoiceField(choices=ObjectKind.choices)
    power_new_kw = serializers.DecimalField(
        max_digits=9, decimal_places=1, min_value=Decimal("0.1"), help_text="New power, kW."
    )
    power_existing_kw = serializers.DecimalField(
        max_digits=9, decimal_places=1, min_value=Decimal("0"), required=False, default=Decimal("0")
    )
    voltage = serializers.ChoiceField(choices=Voltage.choices)
    reliability = serializers.ChoiceField(choices=Reliability.choices, default=Reliability.III)
    social = serializers.BooleanField(required=False, default=False)
    name = PlainCharField(max_length=200)
    phone = PlainCharField(required=False, allow_blank=True, max_length=32)
    email = serializers.EmailField(required=False, allow_blank=True)
    consent = ConsentField()

    def validate_consent(self, value):
        if not value:
            raise serializers.ValidationError(
                _("We can accept the form only with your consent to data processing.")
            )
        return value

    def validate_address(self, value):
        if value is None:
            return None
        address = address_get(value)
        if address is None:
            raise serializers.ValidationError(
                _("This address is not served by our network. Choose an address from the list.")
            )
        return address

    def validate(self, data):
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise serializers.ValidationError(
                {"longitude" if lon is None else "latitude": BOTH_COORDINATES_MESSAGE}
            )
        data["point"] = (round(lat, DECIMALS), round(lon, DECIMALS)) if lat is not None else None
        if data.get("address") is not None and data["point"] is not None:
            raise serializers.ValidationError({"address": BOTH_MESSAGE})
        if data.get("address") is None and data["point"] is None:
            raise serializers.ValidationError({"address": WHERE_MESSAGE})
        return data

    def submission(self) -> IntentionSubmission:
        return IntentionSubmission.from_cleaned(self.validated_data)


class CandidateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["substation", "power_centre"])
    id = serializers.IntegerField()
    name = serializers.CharField()
    voltage = serializers.CharField()
    unit = serializers.ChoiceField(choices=["kVA", "MVA"])
    reserve = serializers.DecimalField(max_digits=12, decimal_places=3, allow_null=True)
    need = serializers.DecimalField(max_digits=12, decimal_places=3)
    left = serializers.DecimalField(max_digits=12, decimal_places=3, allow_null=True)
    reserve_kw = serializers.DecimalField(max_digits=12, decimal_places=1, allow_null=True)
    fits = serializers.BooleanField(allow_null=True)
    withheld = serializers.BooleanField()
    measured_on = serializers.DateField(allow_null=True)
    measurement = serializers.CharField()
    distance_km = serializers.FloatField(allow_null=True)


class FeeStepSerializer(serializers.Serializer):
    label = serializers.CharField()
    formula = serializers.CharField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)


class FeeSerializer(serializers.Serializer):
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
    currency = serializers.CharField()
    basis = serializers.ChoiceField(choices=["preferential", "social", "standardized"])
    breakdown = FeeStepSerializer(many=True)
    rates_year = serializers.IntegerField()
    rates_verified = serializers.BooleanField()
    rates_source = serializers.CharField()


class DeadlineSerializer(serializers.Serializer):
    kind = serializers.CharField()
    what = serializers.CharField()
    label = serializers.CharField()
    counted = serializers.CharField()
    why = serializers.CharField()
    rule = serializers.CharField()
    example_due = serializers.DateField(help_text="The due date if the term started today.")


class CategorySerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    why = serializers.CharField()
    total_kw = serializers.DecimalField(max_digits=10, decimal_places=1)
    procedure = serializers.CharField()


class IntentionAnswerSerializer(serializers.Serializer):
    number = serializers.CharField()
    duplicate = serializers.BooleanField()
    address = serializers.IntegerField(
        allow_null=True, help_text="The service address id; null when a point was given."
    )
    place = serializers.CharField(
        help_text="The address, or the point as «точка 61,78912° с. ш., 34,35412° в. д.»."
    )
    latitude = serializers.FloatField(
        allow_null=True, help_text="The point given, or the address's latitude (if known)."
    )
    longitude = serializers.FloatField(allow_null=True)
    binding = serializers.BooleanField(
        help_text="Always false: a request-intention starts no clock."
    )
    category = CategorySerializer()
    closed = serializers.BooleanField(
        help_text="No candidate has room: the area is closed for this load."
    )
    blocked_by = serializers.CharField(
        required=False,
        default="",
        help_text="The address's transformer substation when it has no room: the load goes "
        "through it, so the connection needs it reinforced or a new one built (empty: none).",
    )
    candidates = CandidateSerializer(many=True)
    fee = FeeSerializer(allow_null=True)
    deadlines = DeadlineSerializer(many=True)
    documents = serializers.ListField(child=serializers.CharField())


class IntentionStaffSerializer(serializers.Serializer):
    number = serializers.CharField()
    created_at = serializers.DateTimeField()
    branch = serializers.CharField(source="branch.code")
    address = serializers.IntegerField(
        source="address_id", allow_null=True, help_text="Null when the person marked a point."
    )
    place = serializers.CharField(help_text="The address, or the point in words.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    map_url = serializers.CharField(
        help_text="The point on OpenStreetMap (empty for an address).", read_only=True
    )
    category = serializers.CharField()
    power_new_kw = serializers.DecimalField(max_digits=9, decimal_places=1)
    voltage = serializers.CharField()
    status = serializers.CharField()
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()


class ApplicationSerializer(serializers.Serializer):
    number = serializers.CharField()
    branch = serializers.CharField(source="branch.code")
    address = serializers.CharField(source="address.label")
    category = serializers.CharField()
    stage = serializers.ChoiceField(
        choices=Stage.choices,
        help_text=(
            "received → (incomplete →) offer → paid (the company's and the applicant's works "
            "side by side) → inspection → inspected → act_issued → completed; or annulled."
        ),
    )
    power_new_kw = serializers.DecimalField(max_digits=9, decimal_places=1)
    voltage = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    offer_due = serializers.DateField(allow_null=True)
    applicant_due = serializers.DateField(
        allow_null=True,
        help_text="While incomplete: the clock stands still until the applicant sends the documents.",
    )
    payment_due = serializers.DateField(allow_null=True)
    paid_on = serializers.DateField(allow_null=True)
    completion_due = serializers.DateField(
        allow_null=True, help_text="The contract's deadline for the whole connection."
    )
    company_works_on = serializers.DateField(allow_null=True)
    readiness_notice_on = serializers.DateField(
        allow_null=True, help_text="The applicant's notice that their works are done."
    )
    inspection_due = serializers.DateField(allow_null=True)
    inspected_on = serializers.DateField(allow_null=True)
    act_due = serializers.DateField(allow_null=True)
    act_on = serializers.DateField(allow_null=True, help_text="Connection act issued on.")
    energize_due = serializers.DateField(allow_null=True)
    completed_on = serializers.DateField(allow_null=True, help_text="Energized on.")
    annulled_on = serializers.DateField(allow_null=True)
