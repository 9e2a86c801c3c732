"""The appeals section of the address page (grid/address_panels.py, decision 0015)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from gridportal.grid.address_panels import AddressPanel

from .choices import OPEN_STATUSES


def address_panel(request, address) -> AddressPanel:
    """Write to us about this address; a signed-in person sees their open appeals here."""
    submit_url = f"{reverse('appeals:submit')}?address={address.pk}"
    user = getattr(request, "user", None)
    mine = []
    if user is not None and user.is_authenticated:
        mine = list(
            address.appeals.filter(user=user, status__in=OPEN_STATUSES).order_by("-registered_at")[
                :5
            ]
        )
    html = render_to_string(
        "appeals/public/_address_panel.html",
        {"submit_url": submit_url, "mine": mine},
    )
    return AddressPanel(
        key="appeals",
        title=_("Questions and complaints"),
        html=html,
        data={"submit_url": submit_url, "open_appeals": [a.number for a in mine]},
        order=70,
    )
