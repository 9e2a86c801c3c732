from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "gridportal.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    public_nav = [("notifications:subscribe", _("Outage alerts"), None)]
    staff_nav = [
        ("staff:notifications:deliveries", _("Message log"), "notifications.view_delivery"),
        (
            "staff:notifications:subscriptions",
            _("Subscriptions"),
            "notifications.view_subscription",
        ),
    ]

    def ready(self):
        from . import rules  # noqa: F401  (declares this app's dated rules)
