from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutagesConfig(AppConfig):
    name = "gridportal.outages"
    label = "outages"
    verbose_name = _("Outages")

    public_nav = [
        ("outages:status", _("Is there power?"), None),
        ("outages:report", _("Report an outage"), None),
        ("outages:outages", _("Outage map"), None),
        ("outages:planned", _("Planned work"), None),
    ]
    # The address page's sections and its supply chain's live states (grid/address_panels.py).
    address_panel = [
        "gridportal.outages.panels.outage_panel",
        "gridportal.outages.panels.planned_panel",
    ]
    address_element_states = "gridportal.outages.panels.element_states"
    # The crew register (decision 0015: an app adds its models' permissions to the roles).
    role_permissions = {
        "dispatcher": [
            "outages.view_crew",
            "outages.add_crew",
            "outages.change_crew",
            "outages.view_specialneedscustomer",
            "outages.add_specialneedscustomer",
            "outages.change_specialneedscustomer",
            "outages.delete_specialneedscustomer",
        ],
        "administrator": [
            "outages.view_crew",
            "outages.add_crew",
            "outages.change_crew",
            "outages.delete_crew",
            "outages.view_specialneedscustomer",
            "outages.add_specialneedscustomer",
            "outages.change_specialneedscustomer",
            "outages.delete_specialneedscustomer",
        ],
    }
    staff_nav = [
        ("staff:outages:board", _("Outage board"), "outages.view_incident"),
        ("staff:outages:callbacks", _("Call-back queue"), "outages.view_outagereport"),
        ("staff:outages:archive", _("Outage archive"), "outages.view_incident"),
        ("staff:outages:planned", _("Planned work"), "outages.view_plannedoutage"),
        ("staff:outages:crews", _("Crews"), "outages.view_crew"),
        (
            "staff:outages:special-needs",
            _("Special needs"),
            "outages.view_specialneedscustomer",
        ),
    ]

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.accounts.roles import sync_role_groups

        # Role groups are synced after accounts migrate, which may run before this app's
        # permissions exist (a flushed test database); sync again once they do.
        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="outages-roles")

        from gridportal.open311.registry import register

        from .open311 import OutageReports

        register(OutageReports())

        from . import rules  # noqa: F401  (declares the hotline's dated rules)

        # Storm mode (outages/storm/) keeps its snapshot fresh from these models' signals.
        from .storm import signals as storm_signals

        storm_signals.connect()

        # The roll-up's memory of which centre feeds a substation (services/rollups.py).
        from django.db.models.signals import post_delete, post_save

        from gridportal.grid.models import Feeder, Substation

        from .services.rollups import centres_forget

        for model in (Feeder, Substation):
            for signal in (post_save, post_delete):
                signal.connect(
                    centres_forget, sender=model, dispatch_uid=f"centres-{model.__name__}"
                )

        # A new subscriber of an address inside a live outage is told of it at once.
        from gridportal.notifications.signals import subscription_confirmed

        from .services.notify import subscription_current_state

        subscription_confirmed.connect(
            subscription_current_state, dispatch_uid="outages-current-state"
        )
