from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectionConfig(AppConfig):
    name = "gridportal.connection"
    label = "connection"
    verbose_name = _("Technological connection")

    public_nav = [("connection:intention", _("Connection"), None)]
    staff_nav = [
        ("staff:connection:queue", _("Connection"), "connection.view_connectionapplication"),
        ("staff:connection:leads", _("Connection requests"), "connection.view_connectionintention"),
    ]

    # Connection officers handle the leads of their branches; analysts read them.
    role_permissions = {
        "connection_officer": [
            "connection.view_connectionintention",
            "connection.change_connectionintention",
            "connection.view_connectionrate",
            "connection.view_connectionapplication",
            "connection.change_connectionapplication",
        ],
        "analyst": [
            "connection.view_connectionintention",
            "connection.view_connectionrate",
            "connection.view_connectionapplication",
        ],
    }

    def ready(self):
        from . import rules  # noqa: F401  (declares this app's dated rules)
