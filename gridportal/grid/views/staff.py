from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import user_branches

from .. import selectors
from ..filters import PowerCentreFilterSet


@staff_required
def power_centre_list(request):
    filterset = PowerCentreFilterSet(
        request.GET, queryset=selectors.power_centre_list_for_user(user=request.user)
    )
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "grid/staff/power_centre_list.html",
        {"filterset": filterset, "page": page, "branches": user_branches(request.user)},
    )


@staff_required
def power_centre_detail(request, pk):
    pc = selectors.power_centre_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "grid/staff/power_centre_detail.html",
        {
            "pc": pc,
            "transformers": pc.transformers.all(),
            "feeders": pc.feeders.order_by("name"),
        },
    )


@staff_required
def feeder_detail(request, pk):
    feeder = selectors.feeder_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "grid/staff/feeder_detail.html",
        {"feeder": feeder, "substations": selectors.substations_of_feeder(feeder=feeder)},
    )


@staff_required
def substation_detail(request, pk):
    substation = selectors.substation_get_for_user(user=request.user, pk=pk)
    page = Paginator(selectors.addresses_of_substation(substation=substation), 100).get_page(
        request.GET.get("page")
    )
    return render(
        request, "grid/staff/substation_detail.html", {"substation": substation, "page": page}
    )


@staff_required
def network_map(request):
    return render(request, "grid/staff/network_map.html", {"branches": user_branches(request.user)})


@staff_required
def network_map_data(request):
    data = selectors.network_map_points(user=request.user, branch_code=request.GET.get("branch"))
    return JsonResponse(data)
