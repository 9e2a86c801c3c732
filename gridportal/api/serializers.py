from .permissions import is_staff_request


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
