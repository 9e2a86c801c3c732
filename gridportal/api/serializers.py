from .permissions import is_staff_request


class StaffFieldsMixin:
    """Drops `Meta.staff_only_fields` from the output unless a staff member asks."""

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and not is_staff_request(request):
            for name in getattr(self.Meta, "staff_only_fields", ()):
                fields.pop(name, None)
        return fields
