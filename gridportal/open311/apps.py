from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Open311Config(AppConfig):
    name = "gridportal.open311"
    label = "open311"
    verbose_name = _("Open311 GeoReport v2")

    # Requests core/hygiene.py refuses under /open311/ get the spec's error list.
    edge_errors = ("/open311/", "gridportal.open311.api.errors.edge_error_response")
