from django.shortcuts import render
from django.utils.translation import gettext as _

from gridportal.core.middleware import selected_branch

from ..search import address_search


def address_search_page(request):
    """Address search that works without JavaScript; htmx swaps only the results."""
    query = request.GET.get("q", "").strip()[:200]
    results, error = [], ""
    if query:
        if len(query) < 2:
            error = _("Type at least two letters of the street or settlement.")
        else:
            branch = selected_branch(request)
            results = address_search(query=query, limit=10, branch_id=branch.pk if branch else None)
    context = {"query": query, "results": results, "error": error}
    if request.htmx:
        return render(request, "grid/public/_address_results.html", context)
    return render(request, "grid/public/address_search.html", context)
