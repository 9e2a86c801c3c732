"""The reliability API's parameters and answer (documented in OpenAPI)."""

import datetime as dt

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gridportal.api.serializers import IdField, QuerySerializer
from gridportal.core.models import Branch, District
from gridportal.grid.models import Feeder, PowerCentre

from ..choices import AreaKind

MAX_DAYS = 366 * 5  # five years at most: the answer is computed, not read
AREAS = ("branch", "district", "power_centre", "feeder")


class IndicesQuerySerializer(QuerySerializer):
    branch = serializers.SlugField(required=False, help_text=_("Branch code"))
    district = serializers.SlugField(required=False, help_text=_("District code"))
    power_centre = IdField(required=False, help_text=_("Power centre id"))
    feeder = IdField(required=False, help_text=_("Feeder id"))

    def get_fields(self):
        fields = super().get_fields()
        # «from» is a Python keyword: the field is added by name.
        fields["from"] = serializers.DateField(help_text=_("First day (YYYY-MM-DD), included"))
        fields["to"] = serializers.DateField(help_text=_("Last day (YYYY-MM-DD), included"))
        return {name: fields[name] for name in ("from", "to", *AREAS)}

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields) - {"format"})
        if unknown:
            raise serializers.ValidationError({name: [_("Unknown parameter.")] for name in unknown})
        given = [name for name in AREAS if name in attrs]
        if len(given) > 1:
            raise serializers.ValidationError(
                {
                    name: [_("Give one of branch, district, power_centre or feeder.")]
                    for name in given
                }
            )
        first, last = attrs["from"], attrs["to"]
        if last < first:
            raise serializers.ValidationError({"to": [_("The last day is before the first.")]})
        if (last - first).days >= MAX_DAYS:
            raise serializers.ValidationError({"to": [_("The period is longer than five years.")]})
        if first < dt.date(1970, 1, 1) or last > dt.date(2999, 12, 31):
            raise serializers.ValidationError({"from": [_("The period is out of range.")]})
        attrs["area"] = self._area(given[0] if given else None, attrs)
        return attrs

    @staticmethod
    def _area(name, attrs):
        from ..selectors import Area

        if name is None:
            return Area(AreaKind.COMPANY)
        model, lookup = {
            "branch": (Branch, "code"),
            "district": (District, "code"),
            "power_centre": (PowerCentre, "pk"),
            "feeder": (Feeder, "pk"),
        }[name]
        obj = model.objects.filter(**{lookup: attrs[name]}).first()
        if obj is None:
            raise serializers.ValidationError({name: [_("No such {what}.").format(what=name)]})
        return Area(name, obj)


def _by_n():
    return serializers.DictField(
        child=serializers.FloatField(),
        help_text=_("Keyed by n = 1…5: the share of customers with more than n interruptions."),
    )


class LevelsSerializer(serializers.Serializer):
    total = serializers.FloatField()
    NN = serializers.FloatField(allow_null=True, help_text=_("НН, below 1 kV"))
    SN2 = serializers.FloatField(allow_null=True, help_text=_("СН2, 1–20 kV"))
    SN1 = serializers.FloatField(allow_null=True, help_text=_("СН1, 27.5–60 kV"))
    VN = serializers.FloatField(allow_null=True, help_text=_("ВН, 110 kV and above"))


class IndicesBodySerializer(serializers.Serializer):
    customers_served = serializers.IntegerField()
    saifi = serializers.FloatField(help_text=_("Sustained interruptions per customer served"))
    saidi = serializers.FloatField(help_text=_("Minutes without power per customer served"))
    caidi = serializers.FloatField(allow_null=True, help_text=_("Minutes per interruption"))
    caifi = serializers.FloatField(allow_null=True)
    ctaidi = serializers.FloatField(allow_null=True, help_text=_("Minutes"))
    asai = serializers.FloatField(help_text=_("Share of customer-hours with power"))
    cemi = _by_n()
    cemsmi = _by_n()
    maifi = serializers.FloatField(help_text=_("Momentary operations per customer served"))
    maifi_e = serializers.FloatField(help_text=_("Momentary events per customer served"))
    p_saidi = LevelsSerializer(help_text=_("Пsaidi, hours per point of supply"))
    p_saifi = LevelsSerializer(help_text=_("Пsaifi, interruptions per point of supply"))


class MedSerializer(serializers.Serializer):
    threshold_minutes = serializers.FloatField(allow_null=True)
    days = serializers.ListField(child=serializers.DateField())
    indices = IndicesBodySerializer(help_text=_("The indices without the major event days"))


class IndicesSerializer(IndicesBodySerializer):
    """The reliability indices of an area over a period (IEEE 1366-2012; Пsaidi/Пsaifi)."""

    med = MedSerializer()
