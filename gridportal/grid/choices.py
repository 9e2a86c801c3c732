from django.db import models
from django.utils.translation import gettext_lazy as _


class SubstationKind(models.TextChoices):
    TP = "tp", _("Transformer substation (TP)")
    KTP = "ktp", _("Package transformer substation (KTP)")
    RP = "rp", _("Distribution point (RP)")


class SettlementKind(models.TextChoices):
    CITY = "city", _("city")
    TOWN = "town", _("urban-type settlement")
    VILLAGE = "village", _("village")
    HAMLET = "hamlet", _("hamlet")
