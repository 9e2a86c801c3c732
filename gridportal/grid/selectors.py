from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.core import geojson

from .models import Feeder, PowerCentre, ServiceAddress, Substation


def staff_home_figures(*, user) -> list[tuple[str, int]]:
    """The network in the user's branches, counted for the console home (GridConfig)."""
    return [
        (_("Power centres"), restrict_to_branches(PowerCentre.objects.all(), user).count()),
        (_("Substations"), restrict_to_branches(Substation.objects.all(), user).count()),
        (_("Service addresses"), restrict_to_branches(ServiceAddress.objects.all(), user).count()),
    ]


def power_centre_list_for_user(*, user):
    return restrict_to_branches(
        PowerCentre.objects.select_related("branch", "district")
        .annotate(feeder_count=Count("feeders", distinct=True))
        .order_by("branch__name", "dispatch_number"),
        user,
    )


def power_centre_get_for_user(*, user, pk) -> PowerCentre:
    qs = restrict_to_branches(PowerCentre.objects.select_related("branch", "district"), user)
    return get_object_or_404(qs, pk=pk)


def feeder_get_for_user(*, user, pk) -> Feeder:
    qs = restrict_to_branches(
        Feeder.objects.select_related("branch", "district", "power_centre"), user
    )
    return get_object_or_404(qs, pk=pk)


def substation_get_for_user(*, user, pk) -> Substation:
    qs = restrict_to_branches(
        Substation.objects.select_related("branch", "district", "feeder__power_centre"), user
    )
    return get_object_or_404(qs, pk=pk)


def substations_of_feeder(*, feeder):
    return feeder.substations.annotate(
        address_count=Count("addresses"), customer_count=Sum("addresses__customer_count")
    ).order_by("name")


def addresses_of_substation(*, substation):
    return ServiceAddress.objects.filter(substation=substation).order_by("label")


def network_map_points(*, user, branch_code: str | None = None) -> dict:
    """Power centres and substations of the user's branches as GeoJSON features."""
    pcs = restrict_to_branches(PowerCentre.objects.all(), user)
    tps = restrict_to_branches(Substation.objects.all(), user)
    if branch_code:
        pcs = pcs.filter(branch__code=branch_code)
        tps = tps.filter(branch__code=branch_code)
    centres = (
        geojson.point(
            lon=lon,
            lat=lat,
            properties={"kind": "power_centre", "id": pk, "name": f"{number} {name}"},
        )
        for pk, name, number, lat, lon in pcs.values_list(
            "id", "name", "dispatch_number", "latitude", "longitude"
        )
    )
    substations = (
        geojson.point(lon=lon, lat=lat, properties={"kind": "substation", "id": pk, "name": name})
        for pk, name, lat, lon in tps.values_list("id", "name", "latitude", "longitude")
    )
    return geojson.feature_collection([*centres, *substations])


# --- the address page -----------------------------------------------------------------------

MAX_ID = 2**31 - 1  # ids above this are not ours (and would overflow PostgreSQL's integer)


def address_page_get(pk) -> ServiceAddress | None:
    """The address of an address page, with what its supply chain needs; None if no such id."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk <= MAX_ID:
        return None
    return (
        ServiceAddress.objects.select_related(
            "branch",
            "district",
            "street__settlement",
            "substation__feeder__power_centre",
        )
        .filter(pk=pk)
        .first()
    )


def supply_chain(address: ServiceAddress) -> dict:
    """The elements that feed the address, nearest first: {"substation", "feeder", "power_centre"}."""
    substation = address.substation
    feeder = substation.feeder if substation else None
    centre = feeder.power_centre if feeder else None
    return {"substation": substation, "feeder": feeder, "power_centre": centre}
