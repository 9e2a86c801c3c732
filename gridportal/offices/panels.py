"""The address page's panel (decision 0015): the three nearest service centres."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from gridportal.grid.address_panels import AddressPanel

from .selectors import office_cards

NEAREST = 3


def address_panel(request, address) -> AddressPanel | None:
    if address.latitude is None or address.longitude is None:
        return None
    cards = office_cards(near=(address.latitude, address.longitude), limit=NEAREST)
    if not cards:
        return None
    data = {
        "nearest": [
            {
                "id": c.office.pk,
                "name": c.office.name,
                "address": c.office.address,
                "distance_km": round(c.distance_km, 1),
                "open_now": c.status.is_open,
            }
            for c in cards
        ]
    }
    html = render_to_string("offices/public/_address_panel.html", {"cards": cards})
    return AddressPanel(
        key="offices", title=_("Nearest service centres"), html=html, data=data, order=70
    )
