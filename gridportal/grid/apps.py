from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GridConfig(AppConfig):
    name = "gridportal.grid"
    label = "grid"
    verbose_name = _("Network")

    public_nav = [("grid:address-search", _("Address search"), None)]
    # The console home's figures (accounts/views/staff.py gathers them from every app).
    staff_home_figures = "gridportal.grid.selectors.staff_home_figures"
    staff_nav = [
        ("staff:grid:map", _("Network map"), None),
        ("staff:grid:power-centres", _("Power centres"), None),
    ]
