from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapacityConfig(AppConfig):
    name = "gridportal.capacity"
    label = "capacity"
    verbose_name = _("Power-centre load")

    public_nav = [
        ("capacity:map", _("Load map"), None),
        ("capacity:nearby", _("Where to connect"), None),
    ]
    staff_nav = [
        ("staff:capacity:dashboard", _("Capacity"), "capacity.view_capacityassessment"),
        ("staff:capacity:overloaded", _("Overloaded centres"), "capacity.view_capacityassessment"),
    ]

    # The address page's section on new load here (decision 0015).
    address_panel = "gridportal.capacity.panels.address_panel"

    def ready(self):
        from . import rules  # noqa: F401  (declares this app's dated rules)
