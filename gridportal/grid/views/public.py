from django.shortcuts import render

from ..lookup import RESULTS_TEMPLATE, address_lookup


def address_search_page(request):
    """Address search that works without JavaScript; htmx swaps only the results."""
    context = address_lookup(request).context()
    if request.htmx:
        return render(request, RESULTS_TEMPLATE, context)
    return render(request, "grid/public/address_search.html", context)
