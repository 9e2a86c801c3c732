from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gridportal.accounts.serializers import BranchStaffFieldsMixin
from gridportal.api.serializers import QuerySerializer
from gridportal.core.api.serializers import BranchRefField
from gridportal.core.models import Branch

from ..models import Feeder, PowerCentre, PowerTransformer, ServiceAddress, Substation


class DistrictRefField(serializers.SlugRelatedField):
    """A district by its code; null for an element not assigned to a district."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(slug_field="code", read_only=True, **kwargs)


class PowerTransformerSerializer(serializers.ModelSerializer):
    class Meta:
        model = PowerTransformer
        fields = ["name", "rated_mva", "voltage"]


class PowerCentreSerializer(BranchStaffFieldsMixin, serializers.ModelSerializer):
    # A power centre as the network knows it; capacity's endpoint adds its free capacity.
    # (No docstring: it would become the OpenAPI description of the PowerCentre component.)
    branch = BranchRefField()
    district = DistrictRefField()
    transformers = PowerTransformerSerializer(many=True, read_only=True)
    feeder_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = PowerCentre
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
            "feeder_count",
            "updated_at",
        ]
        staff_only_fields = ["feeder_count", "updated_at"]


class FeederSerializer(BranchStaffFieldsMixin, serializers.ModelSerializer):
    branch = BranchRefField()
    district = DistrictRefField()
    substation_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Feeder
        fields = [
            "id",
            "name",
            "voltage_kv",
            "power_centre",
            "branch",
            "district",
            "substation_count",
        ]
        staff_only_fields = ["substation_count"]


class SubstationSerializer(BranchStaffFieldsMixin, serializers.ModelSerializer):
    branch = BranchRefField()
    district = DistrictRefField()
    power_centre = serializers.IntegerField(source="feeder.power_centre_id", read_only=True)
    address_count = serializers.IntegerField(read_only=True)
    customer_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Substation
        fields = [
            "id",
            "name",
            "kind",
            "feeder",
            "power_centre",
            "branch",
            "district",
            "latitude",
            "longitude",
            "rated_kva",
            "address_count",
            "customer_count",
        ]
        staff_only_fields = ["rated_kva", "address_count", "customer_count"]


class SchemaPattern(RegexValidator):
    """Puts in the OpenAPI schema a pattern the field's own checks already enforce.

    «Two characters besides spaces» is what trimming plus `min_length=2` check; the schema
    cannot say «after trimming», so it says the pattern. Checking it again would only add a
    second, vaguer message. Control characters are refused before any view (core/hygiene.py),
    so the pattern leaves them out too.
    """

    def __call__(self, value):
        return None


# At least two characters besides spaces, and no control characters.
TWO_VISIBLE_CHARACTERS = (
    r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
)


class AddressSearchQuerySerializer(QuerySerializer):
    q = serializers.CharField(
        min_length=2,
        max_length=200,
        trim_whitespace=True,
        validators=[SchemaPattern(TWO_VISIBLE_CHARACTERS)],
        help_text=_("What the person typed: settlement, street and house in any order."),
    )
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)
    branch = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Branch.objects.all(),
        required=False,
        help_text=_("Code of the visitor's region: its addresses come first on near-ties."),
    )


class SubstationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class AddressSerializer(serializers.ModelSerializer):
    branch = BranchRefField()
    district = DistrictRefField()
    substation = serializers.SerializerMethodField()

    class Meta:
        model = ServiceAddress
        fields = ["id", "label", "branch", "district", "substation", "latitude", "longitude"]

    @extend_schema_field(SubstationRefSerializer(allow_null=True))
    def get_substation(self, obj) -> dict | None:
        if obj.substation is None:
            return None
        return {"id": obj.substation_id, "name": obj.substation.name}


class AddressResultsSerializer(serializers.Serializer):
    """The typeahead's answer: an object whose `results` are the best matches, best first."""

    results = AddressSerializer(many=True)


class ElementStateSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="in_service, outage, reported, planned_work, …")
    text = serializers.CharField(help_text="The state as the page shows it, translated.")
    tone = serializers.ChoiceField(choices=["ok", "off", "planned", "checking"])


class ChainLinkSerializer(serializers.Serializer):
    link = serializers.ChoiceField(choices=["substation", "feeder", "power_centre"])
    id = serializers.IntegerField()
    name = serializers.CharField()
    state = ElementStateSerializer(allow_null=True)


class AddressPageSerializer(serializers.Serializer):
    """Everything the address page shows: the address, its supply chain, each panel's data."""

    address = AddressSerializer()
    supply_chain = ChainLinkSerializer(many=True)
    panels = serializers.DictField(
        child=serializers.DictField(),
        help_text=(
            "Each capability's facts under its key (decision 0015): `outage` (the live "
            "technological outage and its estimated restoration time), `planned` (planned "
            "work ahead), `capacity`, `connection` when those capabilities are installed."
        ),
    )
