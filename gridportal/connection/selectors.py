"""Reads: rates in force, the leads of a staff member's branches, an intention by number."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.grid.models import ServiceAddress

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


def intentions_for_user(*, user):
    return restrict_to_branches(
        ConnectionIntention.objects.select_related("branch", "address"), user
    )


def intention_get_for_user(*, user, number: str) -> ConnectionIntention:
    return get_object_or_404(intentions_for_user(user=user), number=number)
