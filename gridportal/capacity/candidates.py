"""«Where can I connect N kW?»: the elements a new load would really connect through.

Pure arithmetic over plain values (the selector `connection_candidates` reads the data):

- up to `lv_connection_kw` (150 kW) at 0.4 kV, the applicant connects through the ТП of
  the address (or the nearest one to a point), then through that ТП's feeder's power centre;
- larger loads, or higher voltages, connect at a power centre that has the requested
  voltage (a new 6–10/0.4 kV ТП is built for 0.4 kV) within a distance rule
  (`mv_search_km` up to 20 kV, `hv_search_km` from 35 kV).

Every check is in the units the person typed: kW, turned into kVA through the rule's
cos φ (`need_kva = kW / cos φ`), against the element's reserve in kVA (ТП) or MVA (centre),
and back into kW for the answer. A single applicant's load is not reduced by the
coincidence factor: that factor belongs to the sum of many commitments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ZERO = Decimal("0")
KVA = Decimal("0.1")
MVA = Decimal("0.001")

SUBSTATION = "substation"
POWER_CENTRE = "power_centre"

ROUTE_SUBSTATION = "substation"  # through the ТП, then its centre
ROUTE_CENTRE = "power_centre"  # at a centre of a suitable voltage nearby


@dataclass(frozen=True)
class Candidate:
    """One element the load could connect through, with the check in the person's units."""

    kind: str  # SUBSTATION or POWER_CENTRE
    element_id: int
    name: str
    voltage: str  # «10/0,4» or the centre's «110/35/10»
    unit: str  # "kVA" for a ТП, "MVA" for a power centre
    reserve: Decimal | None  # free capacity in `unit`; None when withheld or unknown
    need: Decimal  # the applicant's load in `unit`
    left: Decimal | None  # reserve − need, in `unit`
    reserve_kw: Decimal | None  # the reserve in the person's unit (× cos φ)
    fits: bool | None  # None: not known (no measurement, or published in aggregate only)
    measured_on: date | None  # the control measurement used
    measurement: str  # which measurement, in words
    distance_km: float | None
    status: str = ""  # a centre's open / closed
    withheld: bool = False
    url: str = ""


@dataclass(frozen=True)
class Answer:
    """The answer for one request: the route, the conversion and the candidates in order."""

    power_kw: Decimal
    voltage_kv: Decimal
    cos_phi: Decimal
    need_kva: Decimal
    route: str
    on: date
    candidates: list[Candidate] = field(default_factory=list)
    place: str = ""

    @property
    def first_fit(self) -> Candidate | None:
        return next((c for c in self.candidates if c.fits), None)

    @property
    def blocked_by(self) -> Candidate | None:
        """The address's ТП when it has no room: the load goes through it whatever the centre has."""
        first = self.candidates[0] if self.candidates else None
        if self.route == ROUTE_SUBSTATION and first and first.kind == SUBSTATION:
            return first if first.fits is False else None
        return None

    @property
    def closed(self) -> bool:
        """No candidate can take the load (the area is closed for it)."""
        return self.first_fit is None


def need_kva(power_kw: Decimal, cos_phi: Decimal) -> Decimal:
    return (power_kw / cos_phi).quantize(KVA)


def route_for(*, power_kw: Decimal, voltage_kv: Decimal, lv_limit_kw: int) -> str:
    if voltage_kv <= Decimal("0.4") and power_kw <= lv_limit_kw:
        return ROUTE_SUBSTATION
    return ROUTE_CENTRE


def voltages_of(levels: str) -> set[Decimal]:
    """«110/35/10» → {110, 35, 10}; anything unreadable is skipped."""
    result = set()
    for part in str(levels or "").replace(",", ".").split("/"):
        try:
            result.add(Decimal(part.strip()))
        except ArithmeticError:
            continue
    return result


def centre_serves(*, levels: str, voltage_kv: Decimal) -> bool:
    """A centre can take the load at this voltage: it has that level (0.4 kV: any ≤ 20 kV)."""
    have = voltages_of(levels)
    if voltage_kv <= Decimal("0.4"):
        return any(v <= 20 for v in have)
    return voltage_kv in have


def search_km(*, voltage_kv: Decimal, mv_km: int, hv_km: int) -> int:
    return mv_km if voltage_kv <= 20 else hv_km


def substation_check(
    *, rated_kva: int, load_kva: Decimal | None, power_kw: Decimal, cos_phi: Decimal
) -> tuple[Decimal | None, Decimal, Decimal | None, Decimal | None, bool | None]:
    """(reserve kVA, need kVA, left kVA, reserve kW, fits) of a 6–10/0.4 kV ТП."""
    need = need_kva(power_kw, cos_phi)
    if load_kva is None:
        return None, need, None, None, None
    reserve = (Decimal(rated_kva) - load_kva).quantize(KVA)
    left = (reserve - need).quantize(KVA)
    return reserve, need, left, (reserve * cos_phi).quantize(KVA), left >= ZERO


def centre_check(
    *, reserve_mva: Decimal, is_open: bool, power_kw: Decimal, cos_phi: Decimal
) -> tuple[Decimal, Decimal, Decimal, Decimal, bool]:
    """(reserve MVA, need MVA, left MVA, reserve kW, fits) of a power centre."""
    need = (need_kva(power_kw, cos_phi) / 1000).quantize(MVA)
    left = (reserve_mva - need).quantize(MVA)
    reserve_kw = (reserve_mva * 1000 * cos_phi).quantize(KVA)
    return reserve_mva, need, left, reserve_kw, is_open and left >= ZERO
