"""Branch scope: the one place that decides which branches a staff member sees.

Every model whose rows belong to a branch says how it reaches it, as a lookup path
on the model class (docs/decisions/0013-branch-isolation.md):

    class Delivery(models.Model):
        branch_path = "subscription__address__branch"

`restrict_to_branches(queryset, user)` reads that declaration, so the `*_for_user`
selectors of the staff views and the API, the admin (`accounts/admin_site.py`, for
every registered model) and the exports narrow their rows the same way, and
`user_sees_object` answers the same question for one object. A model with a foreign-key
chain to `core.Branch` and no declaration fails `tests/test_branch_isolation.py`.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import Model, QuerySet

from gridportal.core.models import Branch

# The declaration on Branch itself: a branch is in scope when its own key is.
SELF = "pk"


def declares_branch(model: type[Model]) -> bool:
    return bool(getattr(model, "branch_path", None))


def branch_path(model: type[Model]) -> str:
    """The lookup from `model` to its branch, as declared on the model (`branch_path`)."""
    path = getattr(model, "branch_path", None)
    if not path:
        raise ImproperlyConfigured(
            f"{model._meta.label} declares no branch_path: say how its rows reach their branch."
        )
    return path


def branch_path_target(model: type[Model], path: str) -> type[Model] | None:
    """The model the path ends at (None if a step is not a forward foreign key)."""
    if path == SELF:
        return model
    current = model
    for name in path.split("__"):
        try:
            field = current._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            return None
        current = field.related_model
    return current


def _is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_staff)


def _company_wide(user) -> bool:
    return bool(user.is_superuser or user.all_branches)


def user_branch_ids(user) -> frozenset[int] | None:
    """Ids of the branches the user works with: None for company-wide staff, empty for others."""
    if not _is_staff(user):
        return frozenset()
    if _company_wide(user):
        return None
    return frozenset(user.branches.values_list("pk", flat=True))


def restrict_to_branches(queryset: QuerySet, user, *, field: str | None = None) -> QuerySet:
    """Narrow a queryset to the rows of the user's branches (none for non-staff).

    The path to the branch is the model's `branch_path`; `field` overrides it only for
    the rare queryset that must reach the branch another way.
    """
    if not _is_staff(user):
        return queryset.none()
    if _company_wide(user):
        return queryset
    path = field or branch_path(queryset.model)
    return queryset.filter(**{f"{path}__in": user.branches.values("pk")})


def user_branches(user) -> QuerySet[Branch]:
    return restrict_to_branches(Branch.objects.all(), user)


def user_sees_branch(user, branch_id) -> bool:
    ids = user_branch_ids(user)
    return ids is None or branch_id in ids


def object_branch_id(obj: Model) -> int | None:
    """The id of the branch one object belongs to, following its model's `branch_path`."""
    path = branch_path(type(obj))
    if path == SELF:
        return obj.pk
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id")


def object_branch(obj: Model) -> Branch | None:
    branch_id = object_branch_id(obj)
    return None if branch_id is None else Branch.objects.filter(pk=branch_id).first()


def user_sees_object(user, obj: Model) -> bool:
    """Whether the object belongs to one of the user's branches."""
    branch_ids = user_branch_ids(user)
    return branch_ids is None or object_branch_id(obj) in branch_ids
