"""A point on the map instead of a service address: parsing typed coordinates and the label
«точка 61,78912° с. ш., 34,35412° в. д.». Pure: no database."""

from __future__ import annotations

import math

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Five decimals of a degree are about a metre: finer would be noise, coarser would move a plot.
DECIMALS = 5

LATITUDE_MESSAGE = gettext_lazy("Give the latitude in degrees, from -90 to 90, e.g. 61,78912.")
LONGITUDE_MESSAGE = gettext_lazy("Give the longitude in degrees, from -180 to 180, e.g. 34,35412.")


def coordinate_parse(text, *, limit: float) -> float | None:
    """A typed coordinate ("61,78912", "61.78912°", " 61.7 ") as a float rounded to five
    decimals; None if it is not a number within ±limit."""
    if text is None:
        return None
    cleaned = str(text).strip().replace("\xa0", "").replace(" ", "").rstrip("°").replace(",", ".")
    if not cleaned or len(cleaned) > 20:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if not math.isfinite(value) or abs(value) > limit:
        return None
    return round(value, DECIMALS)


def point_label(latitude: float, longitude: float) -> str:
    """«точка 61,78912° с. ш., 34,35412° в. д.» in the active language."""
    lat = number_format(abs(latitude), DECIMALS)
    lon = number_format(abs(longitude), DECIMALS)
    if latitude >= 0 and longitude >= 0:
        return _("point {lat}° N, {lon}° E").format(lat=lat, lon=lon)
    if latitude >= 0:
        return _("point {lat}° N, {lon}° W").format(lat=lat, lon=lon)
    if longitude >= 0:
        return _("point {lat}° S, {lon}° E").format(lat=lat, lon=lon)
    return _("point {lat}° S, {lon}° W").format(lat=lat, lon=lon)


def osm_url(latitude: float, longitude: float) -> str:
    """The point on OpenStreetMap, for staff who want to see where it is."""
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}"
        f"#map=17/{latitude:.5f}/{longitude:.5f}"
    )
