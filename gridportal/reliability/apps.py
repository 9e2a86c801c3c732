from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReliabilityConfig(AppConfig):
    name = "gridportal.reliability"
    label = "reliability"
    verbose_name = _("Reliability of supply")

    public_nav = [("reliability:index", _("Reliability of supply"), None)]
    staff_nav = [
        ("staff:reliability:dashboard", _("Reliability"), "reliability.view_interruptionrecord"),
    ]
    role_permissions = {
        "dispatcher": [
            "reliability.view_interruptionevent",
            "reliability.change_interruptionevent",
            "reliability.view_interruptionrecord",
            "reliability.change_interruptionrecord",
        ],
        "administrator": [
            "reliability.view_interruptionevent",
            "reliability.change_interruptionevent",
            "reliability.view_interruptionrecord",
            "reliability.change_interruptionrecord",
        ],
        "analyst": ["reliability.view_interruptionevent", "reliability.view_interruptionrecord"],
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.accounts.roles import sync_role_groups

        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="reliability-roles")

        from . import (
            rules,  # noqa: F401  (declares the reliability rules)
            signals,
        )

        signals.connect()
