"""Reads: rates in force, the leads of a staff member's branches, an intention by number."""

from __future__ import annotations

from django.db.models import Avg
from django.shortcuts import get_object_or_404

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.grid.models import ServiceAddress, Substation

from .models import ConnectionIntention, ConnectionRate


def rates_for(*, branch, year: int) -> ConnectionRate | None:
    """The branch's rates for the year, else its latest earlier year's."""
    return ConnectionRate.objects.filter(branch=branch, year__lte=year).order_by("-year").first()


def address_get(pk) -> ServiceAddress | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        ServiceAddress.objects.select_related("branch", "street__settlement", "substation")
        .filter(pk=pk)
        .first()
    )


# Where the point map opens when the company has no ТП with coordinates yet (Karelia).
DEFAULT_CENTRE = (62.0, 34.0)


def territory_centre(*, branch=None) -> dict:
    """Where the point map opens: the middle of the company's ТП (of the visitor's region when
    one is chosen), so a first click lands on the territory served."""
    subs = Substation.objects.filter(latitude__isnull=False, longitude__isnull=False)
    if branch is not None and subs.filter(branch=branch).exists():
        subs = subs.filter(branch=branch)
    middle = subs.aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
    if middle["lat"] is None:
        return {"lat": DEFAULT_CENTRE[0], "lon": DEFAULT_CENTRE[1], "zoom": 6}
    return {"lat": round(middle["lat"], 5), "lon": round(middle["lon"], 5), "zoom": 9}


def intentions_for_user(*, user):
    return restrict_to_branches(
        ConnectionIntention.objects.select_related("branch", "address"), user
    )


def intention_get_for_user(*, user, number: str) -> ConnectionIntention:
    return get_object_or_404(intentions_for_user(user=user), number=number)


def applications_of_customer(*, user):
    from .models import ConnectionApplication

    return ConnectionApplication.objects.filter(customer=user).select_related("address", "branch")


def application_get_for_customer(*, user, number: str):
    return get_object_or_404(applications_of_customer(user=user), number=number)


def draft_get_for_customer(*, user, pk: int):
    from .choices import Stage

    return get_object_or_404(applications_of_customer(user=user), pk=pk, stage=Stage.DRAFT)


def applications_for_user(*, user):
    from .models import ConnectionApplication

    return restrict_to_branches(
        ConnectionApplication.objects.exclude(stage="draft").select_related(
            "address", "branch", "customer", "assigned_to"
        ),
        user,
    )


def application_get_for_user(*, user, number: str):
    return get_object_or_404(applications_for_user(user=user), number=number)


def intention_of_customer(*, user, number: str):
    """An intention the signed-in person sent (same e-mail), to prefill the application."""
    if not number or not user.email:
        return None
    return ConnectionIntention.objects.filter(number=number, email__iexact=user.email).first()
