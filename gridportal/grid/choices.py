from django.db import models
from django.utils.translation import gettext_lazy as _


class SubstationKind(models.TextChoices):
    TP = "tp", _("Transformer substation (TP)")
    KTP = "ktp", _("Package transformer substation (KTP)")
    RP = "rp", _("Distribution point (RP)")


class SubstationOwner(models.TextChoices):
    """Whose substation it is (балансовая принадлежность): the company's ТП supplies its customers
    at 0.4 kV; a consumer's own ТП is supplied by the company at its 6–20 kV terminals."""

    COMPANY = "company", _("the grid company")
    CONSUMER = "consumer", _("the consumer")


class SettlementKind(models.TextChoices):
    CITY = "city", _("city")
    TOWN = "town", _("urban-type settlement")
    VILLAGE = "village", _("village")
    HAMLET = "hamlet", _("hamlet")


# Higher voltages of the power centres the company runs (the network importer accepts these).
POWER_CENTRE_VOLTAGES_KV = (35, 110, 150, 220, 330)
