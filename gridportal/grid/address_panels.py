"""Sections of the address page that capabilities contribute (docs/decisions/0015).

The address page (one page per service address) belongs to grid, which knows the
address and its supply chain but nothing of the capabilities above it. Each capability
that has something to say about an address names a function in its AppConfig:

    address_panel = "gridportal.outages.panels.address_panel"

The function takes `(request, address)` and returns an `AddressPanel` or None (nothing
to show for this address). The page renders the panels' `html` in `order`; the API twin
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


def address_panels(request, address) -> list[AddressPanel]:
    """Every installed capability's panel for this address, in order."""
    panels = []
    for config in apps.get_app_configs():
        dotted = getattr(config, "address_panel", None)
        if not dotted:
            continue
        panel = import_string(dotted)(request, address)
        if panel is not None:
            panels.append(panel)
    return sorted(panels, key=lambda p: (p.order, p.key))
