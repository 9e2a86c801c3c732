"""The storm look-up endpoints: answers served from the snapshot, with ETags.

Plain Django views with as little work per request as possible: parse one
integer, look a ready JSON body up in this process's snapshot, compare the
ETag. No template, no serializer, no database (except a cold address miss).
"""

from __future__ import annotations

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from gridportal.api.errors import error_body

from . import selectors
from .services import SnapshotUnavailable, snapshot_current

CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=30"
MAX_ID = 2**63 - 1


def _error(status: int, code: str, message: str, *, field: str | None = None) -> JsonResponse:
    fields = {field: [message]} if field else None
    response = JsonResponse(
        error_body(status_code=status, code=code, message=message, fields=fields), status=status
    )
    response["Cache-Control"] = "no-store"
    return response


def _unavailable() -> JsonResponse:
    response = _error(
        503,
        "unavailable",
        _("Outage information is being updated right now. Please try again in a few seconds."),
    )
    response["Retry-After"] = "5"
    return response


def _parse_id(raw: str | None) -> int | None:
    if raw is None or not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        return None
    value = int(raw)
    return value if 0 < value <= MAX_ID else None


def _matches(request, etag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(","))


def _serve(request, body: bytes, etag: str, *, version: str, content_type="application/json"):
    if _matches(request, etag):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Snapshot-Version"] = version
    return response


@require_safe
def ping(request):
    """The benchmark's baseline: the cheapest possible Django response."""
    return HttpResponse(b"ok", content_type="text/plain")


@require_safe
def status(request):
    """Is there power? `?substation=<id>` or `?address=<id>`, answered from the snapshot."""
    raw_substation = request.GET.get("substation")
    raw_address = request.GET.get("address")
    if (raw_substation is None) == (raw_address is None):
        return _error(
            400, "invalid", _("Give either a substation or an address number."), field="address"
        )
    field = "substation" if raw_substation is not None else "address"
    number = _parse_id(raw_substation if raw_substation is not None else raw_address)
    if number is None:
        return _error(400, "invalid", _("Enter a whole positive number."), field=field)
    try:
        snapshot = snapshot_current()
        substation_id = number if field == "substation" else selectors.address_substation(number)
    except (SnapshotUnavailable, DatabaseError):
        return _unavailable()
    if substation_id == selectors.NO_ADDRESS:
        return _error(404, "not_found", _("No such address."), field="address")
    if substation_id == selectors.NO_SUBSTATION:
        key, body = "unknown", snapshot.unknown
    else:
        found = snapshot.answer(substation_id)
        if found is None:
            if field == "substation":
                return _error(404, "not_found", _("No such substation."), field="substation")
            key, body = "none", snapshot.none  # a substation newer than the snapshot
        else:
            key, body = found
    if field == "address":
        key = f"a{number}-{key}"
        body = (
            b'{"address":{"id":%d,"substation":%s},'
            % (
                number,
                b"%d" % substation_id if substation_id > 0 else b"null",
            )
            + body[1:]
        )
    return _serve(request, body, f'"{snapshot.version}-{key}"', version=snapshot.version)


@require_safe
def summary(request):
    """Per branch, district and settlement: incidents, customers out, planned works soon."""
    try:
        snapshot = snapshot_current()
    except SnapshotUnavailable:
        return _unavailable()
    code = request.GET.get("branch")
    if code is None:
        return _serve(
            request, snapshot.summary, f'"{snapshot.version}-summary"', version=snapshot.version
        )
    body = snapshot.branches.get(code)
    if body is None:
        return _error(404, "not_found", _("No such branch."), field="branch")
    return _serve(request, body, f'"{snapshot.version}-summary-{code}"', version=snapshot.version)


@require_safe
def feed(request):
    """The public outage feed (same fields as /api/v1/outages/feed/)."""
    try:
        snapshot = snapshot_current()
    except SnapshotUnavailable:
        return _unavailable()
    return _serve(request, snapshot.feed, f'"{snapshot.version}-feed"', version=snapshot.version)


@require_safe
def feed_geojson(request):
    """The feed as a GeoJSON FeatureCollection."""
    try:
        snapshot = snapshot_current()
    except SnapshotUnavailable:
        return _unavailable()
    return _serve(
        request,
        snapshot.geojson,
        f'"{snapshot.version}-geojson"',
        version=snapshot.version,
        content_type="application/geo+json",
    )
