"""Reads: current factors, the public capacity table, staff views narrowed to branches."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.shortcuts import get_object_or_404

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.core import rules as core_rules
from gridportal.grid.models import PowerCentre, Substation

from . import rules
from .choices import CapacityStatus, Constraint, SnapshotStatus
from .models import (
    CapacityAssessment,
    CapacityImport,
    CapacitySnapshot,
    CommittedCapacity,
    LoadMeasurement,
    SubstationLoad,
)


def factors_on(day: date | None = None) -> rules.Factors:
    """The factors in force on a day (today by default): dated rules of namespace "capacity"."""
    return rules.factors_from(core_rules.rule_values(rules.NAMESPACE, on=day))


def small_applicant_kw(day: date | None = None) -> int:
    """Up to this power a 0.4 kV substation nearby matters more than the power centre."""
    return core_rules.rule_value(rules.NAMESPACE, rules.SMALL_APPLICANT_KW, on=day)


def factors_in_force(day: date | None = None):
    """The factors with their value, unit, date and source, and every dated row (method page)."""
    return core_rules.rules_in_force(rules.NAMESPACE, on=day)


def published_snapshots():
    return CapacitySnapshot.objects.filter(status=SnapshotStatus.PUBLISHED).order_by("-as_of")


def snapshot_get_published(*, as_of: date) -> CapacitySnapshot:
    return get_object_or_404(published_snapshots(), as_of=as_of)


def assessments(*, snapshot: CapacitySnapshot | None = None):
    """The public capacity table: current figures, or a published quarter's."""
    qs = CapacityAssessment.objects.select_related(
        "power_centre", "power_centre__branch", "power_centre__district"
    )
    if snapshot is None:
        return qs.filter(snapshot__isnull=True)
    return qs.filter(snapshot=snapshot)


def assessment_for_centre(*, power_centre_id: int, snapshot=None) -> CapacityAssessment:
    return get_object_or_404(assessments(snapshot=snapshot), power_centre_id=power_centre_id)


def filter_assessments(qs, *, params: dict):
    """Filters shared by the map, the table and the downloads (already validated values)."""
    if params.get("branch"):
        qs = qs.filter(power_centre__branch__code=params["branch"])
    if params.get("district"):
        qs = qs.filter(power_centre__district__code=params["district"])
    if params.get("voltage"):
        qs = qs.filter(power_centre__voltage_kv=params["voltage"])
    if params.get("status"):
        qs = qs.filter(status=params["status"])
    if params.get("min_reserve") is not None:
        qs = qs.filter(reserve_mva__gte=params["min_reserve"])
    if params.get("q"):
        text = params["q"].strip()
        # SQLite folds case for ASCII only; try the capitalised spelling too («озёрная»).
        qs = qs.filter(
            Q(power_centre__name__icontains=text)
            | Q(power_centre__name__icontains=text[:1].upper() + text[1:])
            | Q(power_centre__dispatch_number__icontains=text)
        )
    return qs


def measurement_history(*, power_centre_id: int) -> list[tuple[date, Decimal]]:
    """Total load of a centre per control measurement day, oldest first."""
    rows = (
        LoadMeasurement.objects.filter(power_centre_id=power_centre_id)
        .values("measured_on")
        .annotate(total=Sum("load_mva"))
        .order_by("measured_on")
    )
    return [(r["measured_on"], rules.q(Decimal(str(r["total"])))) for r in rows]


def measurements_of_centre(*, power_centre_id: int, limit: int = 40):
    return (
        LoadMeasurement.objects.filter(power_centre_id=power_centre_id)
        .select_related("transformer")
        .order_by("-measured_on", "transformer__name")[:limit]
    )


def commitments_of_centre(*, power_centre_id: int):
    return CommittedCapacity.objects.filter(power_centre_id=power_centre_id, built=False).order_by(
        "site", "document_date"
    )


def substation_headrooms(*, substation_ids: list[int], cos_phi: Decimal) -> dict[int, dict]:
    """Indicative headroom of ТП for small applicants; sensitive ones are withheld."""
    substations = Substation.objects.filter(pk__in=substation_ids).select_related(
        "capacity_sensitivity"
    )
    latest = {}
    for sid, day, load in (
        SubstationLoad.objects.filter(substation_id__in=substation_ids)
        .order_by("substation_id", "measured_on")
        .values_list("substation_id", "measured_on", "load_kva")
    ):
        latest[sid] = (day, load)
    result = {}
    for s in substations:
        sensitive = hasattr(s, "capacity_sensitivity")
        day, load = latest.get(s.pk, (None, None))
        result[s.pk] = {
            "substation": s,
            "sensitive": sensitive,
            "measured_on": day,
            "headroom_kw": None
            if sensitive
            else rules.substation_headroom_kw(
                rated_kva=s.rated_kva, load_kva=load, cos_phi=cos_phi
            ),
        }
    return result


def substations_of_centre_summary(*, power_centre_id: int, cos_phi: Decimal) -> dict:
    """ТП fed from a centre: how many can take a small applicant (sensitive ones only counted)."""
    ids = list(
        Substation.objects.filter(feeder__power_centre_id=power_centre_id).values_list(
            "id", flat=True
        )
    )
    rooms = substation_headrooms(substation_ids=ids, cos_phi=cos_phi)
    small_kw = small_applicant_kw()
    visible = sorted(
        (r for r in rooms.values() if not r["sensitive"]),
        key=lambda r: r["substation"].name,
    )
    return {
        "total": len(ids),
        "with_room": sum(
            1
            for r in rooms.values()
            if r["headroom_kw"] is not None and r["headroom_kw"] >= small_kw
        ),
        "sensitive": sum(1 for r in rooms.values() if r["sensitive"]),
        "rows": visible,
    }


def nearest_centres(*, latitude: float, longitude: float, requested_kw: Decimal, limit: int = 5):
    """Power centres by distance with enough reserve for the request, nearest first."""
    factors = factors_on()
    need = rules.kw_to_mva(requested_kw * factors.coincidence, factors.cos_phi)
    # A bounding box first keeps the haversine to the neighbourhood (≈ 300 km).
    box = 3.0
    rows = list(
        assessments()
        .filter(
            status=CapacityStatus.OPEN,
            reserve_mva__gte=need,
            power_centre__latitude__range=(latitude - box, latitude + box),
            power_centre__longitude__range=(longitude - 2 * box, longitude + 2 * box),
        )
        .values_list(
            "power_centre_id",
            "power_centre__name",
            "power_centre__dispatch_number",
            "power_centre__latitude",
            "power_centre__longitude",
            "reserve_mva",
            "power_centre__voltage_levels",
        )
    )
    hits = []
    for pk, name, number, lat, lon, reserve, levels in rows:
        distance = rules.haversine_km(latitude, longitude, lat, lon)
        hits.append(
            {
                "id": pk,
                "name": name,
                "dispatch_number": number,
                "voltage_levels": levels,
                "latitude": lat,
                "longitude": lon,
                "reserve_mva": reserve,
                "distance_km": round(distance, 1),
            }
        )
    hits.sort(key=lambda h: h["distance_km"])
    return hits[:limit]


def nearest_substations(*, latitude: float, longitude: float, limit: int = 5):
    """ТП near a point with indicative room for a small applicant (≤ 15 kW by default)."""
    factors = factors_on()
    small_kw = small_applicant_kw()
    box = 0.2
    candidates = list(
        Substation.objects.filter(
            latitude__range=(latitude - box, latitude + box),
            longitude__range=(longitude - 2 * box, longitude + 2 * box),
        ).values_list("id", "latitude", "longitude")[:2000]
    )
    candidates.sort(key=lambda c: rules.haversine_km(latitude, longitude, c[1], c[2]))
    ids = [c[0] for c in candidates[: limit * 4]]
    distance = {c[0]: rules.haversine_km(latitude, longitude, c[1], c[2]) for c in candidates}
    rooms = substation_headrooms(substation_ids=ids, cos_phi=factors.cos_phi)
    result = []
    for sid in ids:
        room = rooms.get(sid)
        if room is None or room["sensitive"]:
            continue
        if room["headroom_kw"] is None or room["headroom_kw"] < small_kw:
            continue
        result.append({**room, "distance_km": round(distance[sid], 1)})
        if len(result) >= limit:
            break
    return result


# --- staff -------------------------------------------------------------------


def staff_assessments(*, user):
    return restrict_to_branches(assessments(), user)


def overloaded_for_user(*, user):
    return (
        staff_assessments(user=user)
        .filter(constraint=Constraint.OVERLOADED)
        .order_by("reserve_mva")
    )


def power_centres_for_user(*, user):
    return restrict_to_branches(PowerCentre.objects.all(), user)


def imports_for_user(*, user):
    """The files a staff member uploaded (an administrator sees every one)."""
    qs = CapacityImport.objects.select_related("created_by")
    return qs if user.is_superuser else qs.filter(created_by=user)
