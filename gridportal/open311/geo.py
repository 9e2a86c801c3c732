"""Plain arithmetic for locations and dates on the Open311 edge (no database)."""

from __future__ import annotations

import datetime as dt
import math
import re

from django.utils.dateparse import parse_date, parse_datetime

# Masking contacts lives with the other contact rules (decision 0008); the Open311 edge uses it.
from gridportal.core.contacts import mask_contacts  # noqa: F401

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_m: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) of a box that holds every point within radius_m."""
    dlat = radius_m / METRES_PER_DEGREE
    cos_lat = max(math.cos(math.radians(min(89.0, abs(lat) + dlat))), 1e-6)
    dlon = min(180.0, dlat / cos_lat)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def coarse(value: float | None) -> float | None:
    """A coordinate rounded to 0.001° (about 100 m of latitude) so no house can be told."""
    if value is None:
        return None
    return round(value, 3)


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_w3c(text: str, *, end_of_day: bool = False) -> dt.datetime | None:
    """A W3C date or datetime (2026-11-26, 2026-11-26T12:00:00Z, …+03:00); naive means UTC."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if _DATE_ONLY.match(text):
            day = parse_date(text)
            value = dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min)
        else:
            value = parse_datetime(text.replace(" ", "+") if "T" in text else text)
    except (TypeError, ValueError):
        return None
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def w3c(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
