from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "gridportal.offices"
    label = "offices"
    verbose_name = _("Customer service centres")

    public_nav = [
        ("offices:directory", _("Service centres"), None),
    ]
    staff_nav = [
        ("staff:offices:index", _("Service centres"), "offices.view_visit"),
    ]
    address_panel = "gridportal.offices.panels.address_panel"

    @property
    def role_permissions(self):
        from gridportal.accounts.choices import StaffRole

        operator = [
            "offices.view_office",
            "offices.change_office",
            "offices.view_booking",
            "offices.change_booking",
            "offices.view_visit",
            "offices.add_visit",
            "offices.change_visit",
        ]
        return {StaffRole.OFFICE_OPERATOR: operator, StaffRole.ADMINISTRATOR: operator}

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.accounts.roles import sync_role_groups

        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="offices-roles")

        from . import rules  # noqa: F401  (declares this app's dated rules)
