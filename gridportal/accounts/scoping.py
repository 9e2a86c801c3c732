"""Branch scope: the one place that decides which branches a staff member sees.

Every staff view and API narrows its queryset with `restrict_to_branches`, so no
view can forget the scope.
"""

from django.db.models import QuerySet

from gridportal.core.models import Branch


def user_branches(user) -> QuerySet[Branch]:
    if not getattr(user, "is_authenticated", False) or not user.is_staff:
        return Branch.objects.none()
    if user.is_superuser or user.all_branches:
        return Branch.objects.all()
    return user.branches.all()


def restrict_to_branches(queryset: QuerySet, user, *, field: str = "branch") -> QuerySet:
    """Narrow a queryset to the rows of the user's branches (none for non-staff)."""
    if not getattr(user, "is_authenticated", False) or not user.is_staff:
        return queryset.none()
    if user.is_superuser or user.all_branches:
        return queryset
    return queryset.filter(**{f"{field}__in": user.branches.all()})


def user_sees_branch(user, branch_id) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_staff:
        return False
    if user.is_superuser or user.all_branches:
        return True
    return user.branches.filter(pk=branch_id).exists()
