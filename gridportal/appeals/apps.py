from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.choices import StaffRole

_OFFICER_PERMISSIONS = [
    "appeals.view_appeal",
    "appeals.add_appeal",
    "appeals.change_appeal",
    "appeals.view_appealevent",
    "appeals.view_appealattachment",
]


class AppealsConfig(AppConfig):
    name = "gridportal.appeals"
    label = "appeals"
    verbose_name = _("Appeals")

    public_nav = [
        ("appeals:submit", _("Write to us"), None),
        ("appeals:track", _("Track an appeal"), None),
    ]
    staff_nav = [
        ("staff:appeals:queue", _("Appeals"), "appeals.view_appeal"),
        ("staff:appeals:registry", _("Register of appeals"), "appeals.view_appeal"),
    ]
    staff_home_figures = "gridportal.appeals.selectors.staff.staff_home_figures"
    address_panel = "gridportal.appeals.panels.address_panel"
    role_permissions = {
        StaffRole.APPEALS_OFFICER: _OFFICER_PERMISSIONS,
        # Dispatchers read their branch's appeals (hazards, interruptions); they do not answer.
        StaffRole.DISPATCHER: ["appeals.view_appeal"],
        StaffRole.OFFICE_OPERATOR: ["appeals.view_appeal", "appeals.add_appeal"],
        StaffRole.ANALYST: ["appeals.view_appeal"],
        StaffRole.ADMINISTRATOR: _OFFICER_PERMISSIONS,
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.accounts.roles import sync_role_groups

        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="appeals-roles")

        from gridportal.open311.registry import register

        from . import rules  # noqa: F401  (declares the appeals desk's dated rules)
        from .open311 import AppealRequests

        register(AppealRequests())
