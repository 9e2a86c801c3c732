"""The address look-up every public and staff page uses: what was typed, the hits, the hint.

The results are shown by one partial, grid/public/_address_results.html (RESULTS_TEMPLATE).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gridportal.core.middleware import selected_branch

from .search import address_search

RESULTS_TEMPLATE = "grid/public/_address_results.html"
MIN_QUERY = 2
MAX_QUERY = 200


@dataclass
class AddressLookup:
    query: str = ""
    results: list = field(default_factory=list)
    error: str = ""

    def context(self, *, pick_url: str = "") -> dict:
        """What grid/public/_address_results.html shows; `pick_url` makes each hit a link."""
        return {
            "query": self.query,
            "results": self.results,
            "error": self.error,
            "pick_url": pick_url,
        }


def address_lookup(request, *, limit: int = 10) -> AddressLookup:
    """Search the addresses for `?q=`; the visitor's region breaks near-ties in its favour."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    if not query:
        return AddressLookup()
    if len(query) < MIN_QUERY:
        return AddressLookup(query, [], _("Type at least two letters of the street or settlement."))
    branch = selected_branch(request)
    results = address_search(query=query, limit=limit, branch_id=branch.pk if branch else None)
    return AddressLookup(query, results)
