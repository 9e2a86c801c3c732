"""Reads of the Open311 edge: where a request is, and the registered providers' requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gridportal.grid.models import ServiceAddress
from gridportal.grid.search import address_search

from . import registry
from .geo import bounding_box, distance_m
from .registry import RequestQuery

NEAREST_RADIUS_M = 300
MAX_REQUESTS = 1000
DEFAULT_SPAN = dt.timedelta(days=90)

_ADDRESS_RELATED = ("branch", "district", "street__settlement", "substation")


# --- where is it? -----------------------------------------------------------------------


def address_by_id(address_id: int) -> ServiceAddress | None:
    return ServiceAddress.objects.select_related(*_ADDRESS_RELATED).filter(pk=address_id).first()


def address_by_text(text: str) -> ServiceAddress | None:
    """The best hit of the portal's own address search."""
    hits = address_search(query=text, limit=1)
    return hits[0] if hits else None


def address_nearest(
    *, lat: float, lon: float, radius_m: float = NEAREST_RADIUS_M
) -> ServiceAddress | None:
    """The service address nearest to a point, if one lies within radius_m."""
    south, north, west, east = bounding_box(lat, lon, radius_m)
    rows = ServiceAddress.objects.filter(
        latitude__gte=south,
        latitude__lte=north,
        longitude__gte=west,
        longitude__lte=east,
    ).values_list("id", "latitude", "longitude")
    best = min(
        ((distance_m(lat, lon, a_lat, a_lon), pk) for pk, a_lat, a_lon in rows.iterator()),
        default=None,
    )
    if best is None or best[0] > radius_m:
        return None
    return address_by_id(best[1])


# --- what may the public see? -------------------------------------------------------------


def requests_list(*, query: RequestQuery, now: dt.datetime) -> list[dict]:
    """Every provider's requests, newest first, at most MAX_REQUESTS.

    Without dates the list covers DEFAULT_SPAN up to now (or from the start date given).
    """
    if not query.ids:
        end = query.end or (query.start + DEFAULT_SPAN if query.start else now)
        query = replace(query, start=query.start or end - DEFAULT_SPAN, end=end)
    rows = [
        row
        for provider in registry.providers()
        for row in provider.requests(query=query, now=now, limit=MAX_REQUESTS)
    ]
    rows.sort(key=lambda row: row["requested_datetime"] or "", reverse=True)
    return rows[:MAX_REQUESTS]


def request_get(*, request_id) -> dict | None:
    try:
        pk = int(str(request_id))
    except ValueError:
        return None
    for provider in registry.providers():
        row = provider.request(request_id=pk)
        if row is not None:
            return row
    return None
