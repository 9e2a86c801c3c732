import math

from django.utils.translation import gettext as _
from rest_framework import serializers

from gridportal.core.hygiene import validate_plain_text

from .permissions import is_staff_request

# Component name → staff-only fields, for the OpenAPI hook that marks them optional.
STAFF_ONLY_FIELDS: dict[str, tuple[str, ...]] = {}


def is_schema_generation(context) -> bool:
    return bool(getattr(context.get("view"), "swagger_fake_view", False))


# The largest primary key the databases hold (a 64-bit signed integer).
MAX_ID = 2**63 - 1


class StaffFieldsMixin:
    """Drops `Meta.staff_only_fields` from the output unless a staff member asks.

    Per object, `shows_staff_fields(instance)` may drop them too: branch-scoped models use
    `gridportal.accounts.serializers.BranchStaffFieldsMixin`, which shows them only for
    the asker's branches.
    """

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

    def shows_staff_fields(self, instance) -> bool:
        return True

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.shows_staff_fields(instance):
            for name in self._staff_only():
                data.pop(name, None)
        return data


class IdField(serializers.IntegerField):
    """A row id given by a client: a positive integer the database can hold."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class FiniteFloatField(serializers.FloatField):
    """A float that is a number: «nan» slips through every range check, «inf» is no place."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not math.isfinite(value):
            self.fail("invalid")
        return value


class PlainCharField(serializers.CharField):
    """Text a person typed and we store: no control characters (core/hygiene.py)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate_plain_text)


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
