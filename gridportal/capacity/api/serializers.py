from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gridportal.api.serializers import FiniteFloatField, QuerySerializer
from gridportal.grid.api import serializers as grid_serializers

from ..models import CapacityAssessment, CapacitySnapshot


class TransformerFigureSerializer(serializers.Serializer):
    name = serializers.CharField()
    rated_mva = serializers.DecimalField(max_digits=8, decimal_places=3)
    load_mva = serializers.DecimalField(max_digits=8, decimal_places=3, allow_null=True)
    measured_on = serializers.DateField(allow_null=True)
    voltage = serializers.CharField(required=False)


class LevelFigureSerializer(serializers.Serializer):
    voltage = serializers.CharField()
    transformer_count = serializers.IntegerField()
    permissible_mva = serializers.DecimalField(max_digits=10, decimal_places=3)
    load_mva = serializers.DecimalField(max_digits=10, decimal_places=3)
    reserve_mva = serializers.DecimalField(
        max_digits=10, decimal_places=3, help_text=_("Before committed capacity.")
    )


class CapacityFiguresSerializer(serializers.ModelSerializer):
    """Every figure of a power centre's N-1 calculation."""

    permissible_n1_mva = serializers.DecimalField(
        source="permissible_mva", max_digits=10, decimal_places=3
    )
    largest_transformer_mva = serializers.SerializerMethodField()
    committed_kw_all_applications = serializers.SerializerMethodField()
    site_count = serializers.SerializerMethodField()
    application_count = serializers.SerializerMethodField()
    transformers = serializers.SerializerMethodField()
    voltage_levels = serializers.SerializerMethodField()

    class Meta:
        model = CapacityAssessment
        fields = [
            "status",
            "constraint",
            "reserve_mva",
            "reserve_mw",
            "transformer_count",
            "rated_total_mva",
            "largest_transformer_mva",
            "permissible_n1_mva",
            "measured_on",
            "load_mva",
            "committed_kw",
            "committed_kw_all_applications",
            "committed_mva",
            "site_count",
            "application_count",
            "overload_factor",
            "coincidence_factor",
            "cos_phi",
            "threshold_mva",
            "calculated_at",
            "transformers",
            "voltage_levels",
        ]

    def get_largest_transformer_mva(self, obj) -> str:
        return str(Decimal(obj.details.get("largest_mva", "0")))

    def get_committed_kw_all_applications(self, obj) -> str:
        return str(Decimal(obj.details.get("committed_kw_raw", "0")))

    def get_site_count(self, obj) -> int:
        return obj.details.get("site_count", 0)

    def get_application_count(self, obj) -> int:
        return obj.details.get("application_count", 0)

    @extend_schema_field(TransformerFigureSerializer(many=True))
    def get_transformers(self, obj) -> list[dict]:
        return TransformerFigureSerializer(obj.details.get("transformers", []), many=True).data

    @extend_schema_field(LevelFigureSerializer(many=True))
    def get_voltage_levels(self, obj) -> list[dict]:
        """N-1 per transformation voltage when a centre has several; empty otherwise."""
        return LevelFigureSerializer(obj.details.get("levels", []), many=True).data


class SnapshotSerializer(serializers.ModelSerializer):
    class Meta:
        model = CapacitySnapshot
        fields = ["as_of", "published_at"]


class NearbyQuerySerializer(QuerySerializer):
    kw = serializers.DecimalField(
        max_digits=None,
        decimal_places=None,
        min_value=Decimal("0.1"),
        max_value=Decimal("100000"),
        coerce_to_string=False,
        help_text=_("Requested power, kW"),
    )
    lat = FiniteFloatField(min_value=-90, max_value=90, required=False)
    lon = FiniteFloatField(min_value=-180, max_value=180, required=False)
    address = serializers.CharField(max_length=200, required=False)

    def validate(self, attrs):
        has_point = attrs.get("lat") is not None and attrs.get("lon") is not None
        if not has_point and not attrs.get("address"):
            raise serializers.ValidationError(_("Give an address or both coordinates."))
        return attrs


class PowerCentreSerializer(grid_serializers.PowerCentreSerializer):
    # A power centre with its current N-1 free capacity (`/api/v1/power-centres/`). Keeps the
    # grid serializer's name (the OpenAPI component stays `PowerCentre`) and no docstring
    # (it would replace the component's description).
    capacity = serializers.SerializerMethodField()

    class Meta(grid_serializers.PowerCentreSerializer.Meta):
        fields = [
            "id",
            "name",
            "dispatch_number",
            "voltage_kv",
            "voltage_levels",
            "branch",
            "district",
            "latitude",
            "longitude",
            "transformers",
            "capacity",
            "feeder_count",
            "updated_at",
        ]

    @extend_schema_field(CapacityFiguresSerializer(allow_null=True))
    def get_capacity(self, obj) -> dict | None:
        """The current N-1 free capacity with every figure of its calculation (capacity app)."""
        current = getattr(obj, "current_capacity", None)
        if current is None:
            current = list(obj.capacity_assessments.filter(snapshot__isnull=True))
        return CapacityFiguresSerializer(current[0]).data if current else None


class PointSerializer(serializers.Serializer):
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()


class NearbyCentreSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    dispatch_number = serializers.CharField()
    voltage_levels = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    reserve_mva = serializers.DecimalField(max_digits=None, decimal_places=None)
    distance_km = serializers.FloatField()


class NearbySubstationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    distance_km = serializers.FloatField()
    headroom_kw = serializers.DecimalField(max_digits=None, decimal_places=None)


class NearbyAnswerSerializer(serializers.Serializer):
    """Where the request was placed, the open power centres and (small applicants) the ТП."""

    point = PointSerializer()
    power_centres = NearbyCentreSerializer(many=True)
    substations = NearbySubstationSerializer(many=True)
