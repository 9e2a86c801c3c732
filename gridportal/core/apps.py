from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gridportal.core"
    label = "core"
    verbose_name = _("Company")

    public_nav = [("core:home", _("Home"), None)]
