from django.utils.translation import gettext as _
from rest_framework import serializers

from .permissions import is_staff_request
from .scope import request_sees_branch

# Component name → staff-only fields, for the OpenAPI hook that marks them optional.
STAFF_ONLY_FIELDS: dict[str, tuple[str, ...]] = {}


def is_schema_generation(context) -> bool:
    return bool(getattr(context.get("view"), "swagger_fake_view", False))


class StaffFieldsMixin:
    """Drops `Meta.staff_only_fields` from an object unless staff of the object's branch ask.

    Anonymous and customer callers never get them; a staff member gets them only for objects
    of the branches they may see (`accounts.scoping.user_sees_branch`, handed down through
    `gridportal.api.scope`). The object's branch is `branch_scope_field` (default `branch_id`).
    """

    branch_scope_field = "branch_id"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        meta = getattr(cls, "Meta", None)
        fields = tuple(getattr(meta, "staff_only_fields", ()))
        if fields:
            STAFF_ONLY_FIELDS[cls.__name__.removesuffix("Serializer")] = fields

    def _staff_only(self) -> tuple[str, ...]:
        return tuple(getattr(self.Meta, "staff_only_fields", ()))

    def get_fields(self):
        fields = super().get_fields()
        if is_schema_generation(self.context):
            return fields  # documented, as optional (gridportal.api.schema)
        request = self.context.get("request")
        if request is None or not is_staff_request(request):
            for name in self._staff_only():
                fields.pop(name, None)
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None and is_staff_request(request):
            branch_id = getattr(instance, self.branch_scope_field, None)
            if not request_sees_branch(request, branch_id):
                for name in self._staff_only():
                    data.pop(name, None)
        return data


class QuerySerializer(serializers.Serializer):
    """Query parameters: a parameter that is present must hold a value of its type.

    DRF reads `?limit=` as if `limit` were absent; here it is a 400 naming the parameter,
    unless the field takes blank text (`allow_blank=True`).
    """

    def to_internal_value(self, data):
        if hasattr(data, "getlist"):
            errors = {
                name: [_("Give a value or leave the parameter out.")]
                for name, field in self.fields.items()
                if name in data
                and "" in data.getlist(name)
                and not getattr(field, "allow_blank", False)
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def _json_type_error(field, value):
    """The message when a JSON value is not of the JSON type the schema gives the field."""
    if isinstance(field, serializers.BooleanField):
        return None if isinstance(value, bool) else _("Must be true or false.")
    if isinstance(value, bool):
        return _("Must not be true or false.")
    if isinstance(field, serializers.IntegerField):
        return None if isinstance(value, int) else _("Must be a whole number.")
    if isinstance(field, serializers.FloatField):
        return None if isinstance(value, int | float) else _("Must be a number.")
    if isinstance(field, serializers.CharField | serializers.ChoiceField):
        return None if isinstance(value, str) else _("Must be text.")
    return None


class JSONTypesMixin:
    """A JSON body's values must be of the JSON type the schema says: `"comment": 0` or
    `"address": "5"` is a 400 naming the field (DRF would coerce them). Form bodies carry
    text only and are read as DRF reads them."""

    def to_internal_value(self, data):
        if isinstance(data, dict) and not hasattr(data, "getlist"):
            errors = {}
            for name, field in self.fields.items():
                value = data.get(name)
                if field.read_only or value is None:
                    continue
                message = _json_type_error(field, value)
                if message:
                    errors[name] = [message]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)
