"""Open data: the capacity table as CSV, XLSX and GeoJSON (fields documented in docs/capacity.md).

CSV and XLSX go through `core.tabular` (`write_csv`, `write_xlsx`), which writes a name
such as `=HYPERLINK(…)` as text, never as a formula.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gridportal.core import geojson, tabular
from gridportal.grid.models import PowerCentre

from .choices import CapacityStatus, Constraint

FIELDS = [
    ("id", "power_centre_id"),
    ("dispatch_number", "power_centre__dispatch_number"),
    ("name", "power_centre__name"),
    ("branch", "power_centre__branch__code"),
    ("district", "power_centre__district__code"),
    ("voltage_kv", "power_centre__voltage_kv"),
    ("voltage_levels", "power_centre__voltage_levels"),
    ("latitude", "power_centre__latitude"),
    ("longitude", "power_centre__longitude"),
    ("transformer_count", "transformer_count"),
    ("rated_total_mva", "rated_total_mva"),
    ("permissible_n1_mva", "permissible_mva"),
    ("measured_on", "measured_on"),
    ("load_mva", "load_mva"),
    ("committed_kw", "committed_kw"),
    ("committed_mva", "committed_mva"),
    ("reserve_mva", "reserve_mva"),
    ("reserve_mw", "reserve_mw"),
    ("status", "status"),
    ("constraint", "constraint"),
    ("overload_factor", "overload_factor"),
    ("coincidence_factor", "coincidence_factor"),
    ("cos_phi", "cos_phi"),
    ("threshold_mva", "threshold_mva"),
    ("calculated_at", "calculated_at"),
]
NAMES = [name for name, _column in FIELDS]

# CSV and XLSX are for people: headers in the reader's language and values as words.
# GeoJSON and the API keep the stable English names above (docs/capacity.md).
HEADERS = {
    "id": _("Id"),
    "dispatch_number": _("Dispatch name"),
    "name": _("Power centre"),
    "branch": _("Branch"),
    "district": _("District"),
    "voltage_kv": _("Higher voltage, kV"),
    "voltage_levels": _("Voltage levels, kV"),
    "latitude": _("Latitude"),
    "longitude": _("Longitude"),
    "transformer_count": _("Transformers"),
    "rated_total_mva": _("Installed, MVA"),
    "permissible_n1_mva": _("Permissible load (N-1), MVA"),
    "measured_on": _("Control measurement used"),
    "load_mva": _("Load, MVA"),
    "committed_kw": _("Committed, kW"),
    "committed_mva": _("Committed, MVA"),
    "reserve_mva": _("Reserve, MVA"),
    "reserve_mw": _("Reserve, MW"),
    "status": _("Status"),
    "constraint": _("Constraint"),
    "overload_factor": _("Overload factor"),
    "coincidence_factor": _("Coincidence factor"),
    "cos_phi": _("cos φ"),
    "threshold_mva": _("Threshold, MVA"),
    "calculated_at": _("Calculated at"),
    "levels": _("Reserve by transformation voltage, MVA"),
    "as_of": _("As of"),
}


def rows(qs) -> list[dict]:
    ordered = qs.order_by("power_centre__branch__code", "power_centre__dispatch_number")
    return [
        dict(zip([*NAMES, "details"], values, strict=True))
        for values in ordered.values_list(*[c for _n, c in FIELDS], "details")
    ]


def _levels_text(details: dict) -> str:
    """«110/35: 12.000; 35/10: 3.000»: the reserve of each transformation voltage."""
    return "; ".join(
        "{}: {}".format(lv["voltage"], lv["reserve_mva"])
        for lv in (details or {}).get("levels", [])
    )


def _people_rows(data: list[dict]):
    from gridportal.core.models import Branch, District

    branches = {b.code: b.display_name for b in Branch.objects.all()}
    districts = {d.code: d.display_name for d in District.objects.all()}
    words = {
        "status": dict(CapacityStatus.choices),
        "constraint": dict(Constraint.choices),
        "branch": branches,
        "district": districts,
    }
    for row in data:
        values = []
        for n in NAMES:
            v = row[n]
            if n in words and v is not None:
                v = str(words[n].get(v, v))
            values.append(_plain(v))
        yield values + [_levels_text(row.get("details"))]


def people_header() -> list[str]:
    return [str(HEADERS[n]) for n in [*NAMES, "levels", "as_of"]]


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def to_csv(data: list[dict], *, as_of: str) -> bytes:
    return tabular.write_csv(people_header(), (values + [as_of] for values in _people_rows(data)))


def to_xlsx(data: list[dict], *, as_of: str, title: str) -> bytes:
    return tabular.write_xlsx(
        [[title], people_header(), *(values + [as_of] for values in _people_rows(data))],
        sheet_title="capacity",
    )


def to_geojson(data: list[dict], *, as_of: str) -> bytes:
    features = (
        geojson.point(
            lon=row["longitude"],
            lat=row["latitude"],
            properties={n: _plain(row[n]) for n in NAMES if n not in ("latitude", "longitude")},
        )
        for row in data
    )
    return _json(geojson.feature_collection(features, as_of=as_of))


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def map_points(qs) -> bytes:
    """The light GeoJSON behind the map markers."""
    rows = qs.values_list(
        "power_centre_id",
        "power_centre__dispatch_number",
        "power_centre__name",
        "power_centre__latitude",
        "power_centre__longitude",
        "status",
        "reserve_mva",
        "constraint",
    )
    features = (
        geojson.point(
            lon=lon,
            lat=lat,
            properties={
                "id": pk,
                "name": PowerCentre(name=name, dispatch_number=number).label,
                "status": status,
                "reserve_mva": float(reserve),
                "constraint": constraint,
            },
        )
        for pk, number, name, lat, lon, status, reserve, constraint in rows
    )
    return _json(geojson.feature_collection(features))
