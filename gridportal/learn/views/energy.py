"""The energy-efficiency reference: the appliance catalogue and the household calculator."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gridportal.core.middleware import selected_branch

from .. import selectors
from ..calculator import household_estimate
from ..choices import Zone
from ..forms import EnergyForm


def _regions(today):
    return selectors.tariff_regions(on=today)


def _default_region(request, regions):
    branch = selected_branch(request)
    codes = [code for code, _name in regions]
    if branch is not None and branch.code in codes:
        return branch.code
    return codes[0] if codes else ""


def zone_rows(estimate):
    return [{"label": Zone(row.zone).label, "row": row} for row in estimate.zones]


@require_GET
def energy_page(request):
    """The calculator: a GET form, so a result is a URL to share and a page to print."""
    today = timezone.localdate()
    appliances = list(selectors.appliance_list())
    regions = _regions(today)
    status, result = 200, None
    if "region" in request.GET:
        form = EnergyForm(request.GET, appliances=appliances, regions=regions)
        if form.is_valid():
            tariff = selectors.tariff_get(
                region=form.cleaned_data["region"], kind=form.cleaned_data["kind"], on=today
            )
            if tariff is None:
                form.add_error(
                    "kind", _("This region has no tariff of this kind. Choose another tariff.")
                )
                status = 400
            else:
                result = household_estimate(tariff=tariff, lines=form.lines(), catalogue=appliances)
        else:
            status = 400
    else:
        form = EnergyForm(
            appliances=appliances,
            regions=regions,
            initial={"region": _default_region(request, regions), "kind": "single"},
        )
    return render(
        request,
        "learn/public/energy.html",
        {
            "form": form,
            "result": result,
            "zones": zone_rows(result.estimate) if result else [],
            "has_tariffs": bool(regions),
        },
        status=status,
    )


@require_GET
def appliances_page(request):
    """The catalogue: typical power, standby, usual hours and efficiency class."""
    return render(
        request, "learn/public/appliances.html", {"appliances": selectors.appliance_list()}
    )
