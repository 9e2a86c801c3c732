from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "gridportal.offices"
    label = "offices"
    verbose_name = _("Customer service centres")

    def ready(self):
        from . import rules  # noqa: F401  (declares this app's dated rules)
