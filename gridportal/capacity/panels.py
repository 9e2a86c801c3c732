"""The load map's section of the address page (decision 0015): headroom for new load here."""

from __future__ import annotations

from decimal import Decimal

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gridportal.grid.address_panels import AddressPanel

from . import selectors


def _candidate_data(c) -> dict:
    return {
        "kind": c.kind,
        "id": c.element_id,
        "name": c.name,
        "voltage": c.voltage,
        "unit": c.unit,
        "reserve": None if c.reserve is None else str(c.reserve),
        "reserve_kw": None if c.reserve_kw is None else str(c.reserve_kw),
        "fits": c.fits,
        "measured_on": c.measured_on.isoformat() if c.measured_on else None,
        "withheld": c.withheld,
    }


def apply_url(address) -> str:
    """The connection intention form prefilled with this address, when that capability is on."""
    try:
        return "{}?{}".format(reverse("connection:intention"), urlencode({"address": address.pk}))
    except NoReverseMatch:
        return ""


def address_panel(request, address) -> AddressPanel | None:
    """The ТП and power-centre headroom for a household's new load at this address."""
    if not address.substation_id:
        return None
    power_kw = Decimal(selectors.small_applicant_kw())
    answer = selectors.connection_candidates(
        address=address, power_kw=power_kw, voltage_kv=Decimal("0.4")
    )
    link = apply_url(address)
    html = render_to_string(
        "capacity/public/_address_panel.html",
        {"answer": answer, "apply_url": link, "address": address},
    )
    return AddressPanel(
        key="capacity",
        title=_("Connecting new load"),
        html=html,
        data={
            "power_kw": str(power_kw),
            "voltage_kv": "0.4",
            "candidates": [_candidate_data(c) for c in answer.candidates],
            "apply_url": link,
        },
        order=50,
    )
