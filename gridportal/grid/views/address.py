"""The address page: one shareable page per service address (docs/decisions/0015).

What feeds the house (ТП → feeder → power centre) with each element's live state, then
the panels the capabilities contribute (grid/address_panels.py). A text-only twin serves
weak connections; the API twin is grid/api/views.py: AddressPageView.
"""

from django.http import Http404
from django.shortcuts import render

from ..address_panels import CHAIN_LINKS, address_panels, element_states
from ..selectors import address_page_get, supply_chain


def address_page_context(request, pk) -> dict:
    address = address_page_get(pk)
    if address is None:
        raise Http404
    chain = supply_chain(address)
    states = element_states(request, address, chain)
    links = [
        {"link": link, "element": chain[link], "state": states.get(link)}
        for link in CHAIN_LINKS
        if chain[link] is not None
    ]
    return {
        "address": address,
        "chain": links,
        "panels": address_panels(request, address),
        "tz": address.branch.timezone,
    }


def address_page(request, pk):
    return render(request, "grid/public/address.html", address_page_context(request, pk))


def address_page_text(request, pk):
    """The same page as minimal HTML: no CSS, no JavaScript, no pictures."""
    return render(request, "grid/public/address_text.html", address_page_context(request, pk))
