from rest_framework import serializers

from gridportal.api.serializers import BranchRefField

from ..models import Branch, District


class BranchSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = Branch
        fields = ["id", "code", "name", "region", "hotline_phone", "latitude", "longitude"]


class DistrictSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    branch = BranchRefField()

    class Meta:
        model = District
        fields = ["id", "code", "name", "kind", "branch", "latitude", "longitude"]
