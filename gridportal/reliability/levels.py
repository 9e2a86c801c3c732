"""The voltage level of a point of supply, for the Russian indicators per level.

Приказ Минэнерго № 1256 as amended by № 399 (from 01.01.2024) computes Пsaidi/Пsaifi per
voltage level of the points of supply: НН below 1 kV, СН2 1–20 kV, СН1 35 kV, ВН 110 kV and
above (the tariff levels of the Основы ценообразования, ПП РФ № 1178). Customers behind the
company's own ТП are supplied at 0.4 kV (НН); a consumer's own ТП is supplied at its feeder's
voltage, so its point of supply is at that level.
"""

from __future__ import annotations

from collections.abc import Iterable

from gridportal.grid.choices import SubstationOwner
from gridportal.grid.models import Substation

from .choices import VoltageLevel


def level_of_voltage(kv: float) -> str:
    """The level of a supply voltage in kV."""
    if kv < 1:
        return VoltageLevel.NN
    if kv <= 20:
        return VoltageLevel.SN2
    if kv < 110:
        return VoltageLevel.SN1
    return VoltageLevel.VN


def substation_levels(substation_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Substations whose points of supply are not at НН (consumers' own ТП), with their level.

    Any substation not in the answer supplies its customers at НН.
    """
    qs = Substation.objects.filter(owner=SubstationOwner.CONSUMER)
    if substation_ids is not None:
        qs = qs.filter(pk__in=list(substation_ids))
    return {
        pk: level_of_voltage(float(kv)) for pk, kv in qs.values_list("pk", "feeder__voltage_kv")
    }
