from rest_framework.permissions import BasePermission


def is_staff_request(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff)


class IsStaff(BasePermission):
    def has_permission(self, request, view):
        return is_staff_request(request)
