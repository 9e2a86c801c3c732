"""Sections of the address page that capabilities contribute (docs/decisions/0015).

The address page (one page per service address) belongs to grid, which knows the
address and its supply chain but nothing of the capabilities above it. Each capability
that has something to say about an address names a function in its AppConfig:

    address_panel = "gridportal.outages.panels.address_panel"

The function takes `(request, address)` and returns an `AddressPanel` or None (nothing
to show for this address). An app with more than one panel names a list of functions. The page renders the panels' `html` in `order`; the API twin
of the page puts each panel's `data` under its `key`. Panels must be cheap (a few
indexed queries) and must not raise for an address without data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class AddressPanel:
    key: str  # stable English name, the key of `data` in the API twin: "outage", "capacity"
    title: str  # heading shown on the page, translated
    html: str  # rendered fragment (render_to_string of an app template)
    data: dict[str, Any] = field(default_factory=dict)  # JSON-able facts for the API
    order: int = 100  # lower comes first: outage 10, planned 20, capacity 50, connection 60


def _hooks(attribute: str):
    for config in apps.get_app_configs():
        dotted = getattr(config, attribute, None)
        if not dotted:
            continue
        for name in [dotted] if isinstance(dotted, str) else dotted:
            yield import_string(name)


def address_panels(request, address) -> list[AddressPanel]:
    """Every installed capability's panel for this address, in order."""
    panels = []
    for function in _hooks("address_panel"):
        panel = function(request, address)
        if panel is not None:
            panels.append(panel)
    return sorted(panels, key=lambda p: (p.order, p.key))


# --- the supply chain's live states -------------------------------------------------------

#: Links of the chain, nearest the house first: ТП → feeder → power centre.
CHAIN_LINKS = ("substation", "feeder", "power_centre")


@dataclass(frozen=True)
class ElementState:
    """What a capability knows about one element of the supply chain right now."""

    code: str  # stable English name for the API: "in_service", "outage", "planned_work", ...
    text: str  # shown next to the element, translated
    tone: str = "ok"  # "ok", "off", "planned", "checking": the colour of the badge


def element_states(request, address, chain: dict) -> dict[str, ElementState]:
    """Live states of the chain's elements, keyed like CHAIN_LINKS.

    A capability that knows the network's state names `address_element_states = "<dotted>"`
    in its AppConfig: a function `(request, address, chain) -> {link: ElementState}`. The
    most serious state wins when two say something of the same element.
    """
    weight = {"off": 3, "planned": 2, "checking": 1, "ok": 0}
    states: dict[str, ElementState] = {}
    for function in _hooks("address_element_states"):
        for link, state in (function(request, address, chain) or {}).items():
            known = states.get(link)
            if known is None or weight.get(state.tone, 0) > weight.get(known.tone, 0):
                states[link] = state
    return states
