from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GridConfig(AppConfig):
    name = "gridportal.grid"
    label = "grid"
    verbose_name = _("Network")

    public_nav = [("grid:address-search", _("Address search"), None)]
    staff_nav = [
        ("grid:staff-map", _("Network map"), None),
        ("grid:staff-power-centres", _("Power centres"), None),
    ]
