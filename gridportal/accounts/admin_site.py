"""The admin site: administrators only, every queryset branch-scoped, every write audited.

Decision 0013. Dispatchers and the other console roles are `is_staff` (they sign in to
the console), but the admin is not theirs: it edits rows directly, past the services that
check and log their work. They are sent to the console instead. Administrators get the
admin with the branch scope of `accounts/scoping.py` applied to every model that declares
a `branch_path`, and with each add, change and delete written to the audit log.

Both hold by construction: `GridAdminSite.register` mixes `ScopedAuditedAdmin` into every
ModelAdmin an app registers, so no `admin.py` can forget them.
"""

from functools import update_wrapper

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from gridportal.core.choices import AuditAction
from gridportal.core.models import Branch
from gridportal.core.services import audit_record

from .choices import StaffRole
from .scoping import declares_branch, object_branch, restrict_to_branches


def is_administrator(user) -> bool:
    return bool(
        user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_role(StaffRole.ADMINISTRATOR))
    )


class ScopedAuditedAdmin:
    """Mixed into every ModelAdmin of the site: branch scope on rows and choices, audited writes.

    A ModelAdmin whose saves already go through an audited service sets
    `audit_in_service = True` (the rules admin).
    """

    # No default for `audit_in_service` here: the mixin comes first in the MRO and would
    # hide the ModelAdmin's own value.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if declares_branch(queryset.model):
            queryset = restrict_to_branches(queryset, request.user)
        return queryset

    def _scoped_choices(self, formfield, request):
        queryset = getattr(formfield, "queryset", None)
        if queryset is not None and declares_branch(queryset.model):
            formfield.queryset = restrict_to_branches(queryset, request.user)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._scoped_choices(formfield, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._scoped_choices(formfield, request) if formfield is not None else None

    def _audit(self, request, obj, action, message=None):
        if getattr(self, "audit_in_service", False):
            return
        details = {"via": "admin"}
        if message:
            details["changes"] = message
        branch = None
        # A branch being deleted is not the entry's branch: the entry would keep it alive.
        if declares_branch(type(obj)) and not (
            action == AuditAction.DELETE and isinstance(obj, Branch)
        ):
            branch = object_branch(obj)
        audit_record(
            actor=request.user,
            action=action,
            obj=obj,
            branch=branch,
            request=request,
            details=details,
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, AuditAction.CREATE, message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, AuditAction.UPDATE, message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, AuditAction.DELETE)
        return super().log_deletions(request, queryset)


class GridAdminSite(admin.AdminSite):
    """Django's admin for administrators; other staff are sent to the console."""

    def has_permission(self, request):
        return is_administrator(request.user)

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, ScopedAuditedAdmin):
            admin_class = type(
                admin_class.__name__,
                (ScopedAuditedAdmin, admin_class),
                {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
            )
        super().register(model_or_iterable, admin_class, **options)

    def _console_user(self, request) -> bool:
        user = request.user
        return bool(user.is_authenticated and user.is_staff and not is_administrator(user))

    def _to_console(self, request):
        messages.info(
            request,
            _("The admin is for administrators. Your work is in the console."),
        )
        response = redirect("staff:home")
        add_never_cache_headers(response)  # the answer depends on who asks
        return response

    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            if self._console_user(request):
                return self._to_console(request)
            return checked(request, *args, **kwargs)

        return update_wrapper(inner, checked)

    def login(self, request, extra_context=None):
        if self._console_user(request):
            return self._to_console(request)
        return super().login(request, extra_context)
