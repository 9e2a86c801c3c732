from rest_framework import serializers

from ..models import Branch, District


class BranchRefField(serializers.SlugRelatedField):
    """A branch by its code (`"karelia"`), as every API names branches."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


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
