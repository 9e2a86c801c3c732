import math

from rest_framework import serializers

from gridportal.core.hygiene import validate_plain_text

from .permissions import is_staff_request

# The largest primary key the databases hold (a 64-bit signed integer).
MAX_ID = 2**63 - 1


class StaffFieldsMixin:
    """Drops `Meta.staff_only_fields` from the output unless a staff member asks.

    Per object, `shows_staff_fields(instance)` may drop them too: branch-scoped models use
    `gridportal.accounts.serializers.BranchStaffFieldsMixin`, which shows them only for
    the asker's branches.
    """

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and not is_staff_request(request):
            for name in getattr(self.Meta, "staff_only_fields", ()):
                fields.pop(name, None)
        return fields

    def shows_staff_fields(self, instance) -> bool:
        return True

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.shows_staff_fields(instance):
            for name in getattr(self.Meta, "staff_only_fields", ()):
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
