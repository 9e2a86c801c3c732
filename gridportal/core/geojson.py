"""The one GeoJSON writer: points and feature collections (RFC 7946, longitude first)."""

from __future__ import annotations

from collections.abc import Iterable


def point(*, lon, lat, properties: dict, id=None) -> dict | None:
    """A Point feature, or None where the place has no coordinates."""
    if lat is None or lon is None:
        return None
    feature = {"type": "Feature"}
    if id is not None:
        feature["id"] = id
    feature["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
    feature["properties"] = properties
    return feature


def points(items: Iterable[dict], *, lat: str = "latitude", lon: str = "longitude") -> list[dict]:
    """Features of dicts that carry their coordinates; the rest of each dict is its properties."""
    features = []
    for item in items:
        properties = {k: v for k, v in item.items() if k not in (lat, lon)}
        feature = point(
            lon=item.get(lon), lat=item.get(lat), properties=properties, id=item.get("id")
        )
        if feature is not None:
            features.append(feature)
    return features


def feature_collection(features: Iterable[dict | None], **members) -> dict:
    """A FeatureCollection (extra foreign members such as `generated_at` first)."""
    return {
        "type": "FeatureCollection",
        **members,
        "features": [f for f in features if f is not None],
    }
