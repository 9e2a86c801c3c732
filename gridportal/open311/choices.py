from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceCode(models.TextChoices):
    """The Open311 services: outage reports and hazards on the network."""

    NO_POWER = "no_power", _("No power")
    PARTIAL_POWER = "partial_power", _("Partial power")
    VOLTAGE = "voltage", _("Low or unstable voltage")
    HAZARD_WIRE = "hazard_wire", _("Broken wire or sparking")
    HAZARD_POLE = "hazard_pole", _("Leaning or damaged pole")
    HAZARD_CABINET = "hazard_cabinet", _("Open cabinet or substation door")
    HAZARD_TREE = "hazard_tree", _("Tree on a power line")


class RequestStatus(models.TextChoices):
    """The two statuses GeoReport v2 knows."""

    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
