from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StormConfig(AppConfig):
    name = "gridportal.storm"
    label = "storm"
    verbose_name = _("Storm mode")

    def ready(self):
        from . import signals

        signals.connect()
