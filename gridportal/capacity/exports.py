"""Open data: the capacity table as CSV, XLSX and GeoJSON (fields documented in docs/capacity.md).

CSV and XLSX go through `core.tabular` (`write_csv`, `write_xlsx`), which writes a name
such as `=HYPERLINK(…)` as text, never as a formula.
"""

from __future__ import annotations

import json
from decimal import Decimal

from gridportal.core import geojson, tabular

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
NAMES = [name for name, _ in FIELDS]


def rows(qs) -> list[dict]:
    ordered = qs.order_by("power_centre__branch__code", "power_centre__dispatch_number")
    return [
        dict(zip(NAMES, values, strict=True))
        for values in ordered.values_list(*[c for _, c in FIELDS])
    ]


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def to_csv(data: list[dict], *, as_of: str) -> bytes:
    return tabular.write_csv(
        [*NAMES, "as_of"],
        ([_plain(row[n]) for n in NAMES] + [as_of] for row in data),
    )


def to_xlsx(data: list[dict], *, as_of: str, title: str) -> bytes:
    return tabular.write_xlsx(
        [[title], [*NAMES, "as_of"], *([_plain(row[n]) for n in NAMES] + [as_of] for row in data)],
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
                "name": f"{number} {name}",
                "status": status,
                "reserve_mva": float(reserve),
                "constraint": constraint,
            },
        )
        for pk, number, name, lat, lon, status, reserve, constraint in rows
    )
    return _json(geojson.feature_collection(features))
