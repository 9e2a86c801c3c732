"""Reads: current factors, the public capacity table, staff views narrowed to branches."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.core import rules as core_rules
from gridportal.grid.models import PowerCentre, Substation

from . import candidates, explain, rules
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


def control_window_months(day: date | None = None) -> int:
    """The reserve uses the larger control measurement of this many months."""
    return core_rules.rule_value(rules.NAMESPACE, rules.CONTROL_WINDOW_MONTHS, on=day)


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
        Substation.objects.of_company()
        .filter(feeder__power_centre_id=power_centre_id)
        .values_list("id", flat=True)
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
    need = rules.kw_to_mva(requested_kw, factors.cos_phi)  # one load: kW / cos φ
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
        Substation.objects.of_company()
        .filter(
            latitude__range=(latitude - box, latitude + box),
            longitude__range=(longitude - 2 * box, longitude + 2 * box),
        )
        .values_list("id", "latitude", "longitude")[:2000]
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


# --- «where can I connect» ------------------------------------------------------


def _substation_load(substation_id: int, window: int):
    """(day, kVA, basis text) of a ТП: the larger of its measurements within the window."""
    totals = dict(
        SubstationLoad.objects.filter(substation_id=substation_id).values_list(
            "measured_on", "load_kva"
        )
    )
    day = rules.control_day(totals, window_months=window)
    if day is None:
        return None, None, gettext("no control measurements")
    others = sorted(d for d in totals if d != day and d > rules.months_before(max(totals), window))
    if not others:
        text = gettext("control measurement of {day}").format(day=day.strftime("%d.%m.%Y"))
    else:
        text = gettext(
            "the larger of the control measurements: {day} ({load} kVA); other days: {others}"
        ).format(
            day=day.strftime("%d.%m.%Y"),
            load=explain.num(totals[day]),
            others="; ".join(
                gettext("{day} — {load} kVA").format(
                    day=d.strftime("%d.%m.%Y"), load=explain.num(totals[d])
                )
                for d in others
            ),
        )
    return day, totals[day], text


def _substation_candidate(s, *, power_kw, cos_phi, window, origin=None):
    sensitive = hasattr(s, "capacity_sensitivity")
    day, load, basis = _substation_load(s.pk, window)
    if sensitive:
        day, load, basis = None, None, gettext("published only in aggregate")
    reserve, need, left, reserve_kw, fits = candidates.substation_check(
        rated_kva=s.rated_kva, load_kva=load, power_kw=power_kw, cos_phi=cos_phi
    )
    distance = None
    if origin and s.latitude is not None and s.longitude is not None:
        distance = round(rules.haversine_km(origin[0], origin[1], s.latitude, s.longitude), 2)
    return candidates.Candidate(
        kind=candidates.SUBSTATION,
        element_id=s.pk,
        name=s.name,
        voltage=f"{explain.num(s.feeder.voltage_kv.normalize())}/0,4",
        unit="kVA",
        reserve=reserve,
        need=need,
        left=left,
        reserve_kw=reserve_kw,
        fits=fits,
        measured_on=day,
        measurement=basis,
        distance_km=distance,
        withheld=sensitive,
    )


def _centre_candidate(record, *, power_kw, cos_phi, origin=None):
    pc = record.power_centre
    assessment = explain.assessment_from_record(record)
    reserve, need, left, reserve_kw, fits = candidates.centre_check(
        reserve_mva=record.reserve_mva,
        is_open=record.status == CapacityStatus.OPEN,
        power_kw=power_kw,
        cos_phi=cos_phi,
    )
    distance = None
    if origin and pc.latitude is not None and pc.longitude is not None:
        distance = round(rules.haversine_km(origin[0], origin[1], pc.latitude, pc.longitude), 1)
    return candidates.Candidate(
        kind=candidates.POWER_CENTRE,
        element_id=pc.pk,
        name=pc.name,
        voltage=pc.voltage_levels,
        unit="MVA",
        reserve=reserve,
        need=need,
        left=left,
        reserve_kw=reserve_kw,
        fits=fits,
        measured_on=record.measured_on,
        measurement=explain.measurement_basis(assessment),
        distance_km=distance,
        status=record.status,
        url=reverse("capacity:power-centre", args=[pc.pk]),
    )


def connection_candidates(
    *,
    address=None,
    point: tuple[float, float] | None = None,
    power_kw: Decimal,
    voltage_kv: Decimal,
    on: date | None = None,
) -> candidates.Answer:
    """The elements a new load of `power_kw` at `voltage_kv` would connect through, in order.

    Give a service address (its ТП and feeder are known) or a point (latitude, longitude).
    The load map's page, the address page and the connection app all ask this one question.
    """
    values = core_rules.rule_values(rules.NAMESPACE, on=on)
    cos_phi = values["cos_phi"]
    window = values[rules.CONTROL_WINDOW_MONTHS]
    power_kw = Decimal(power_kw)
    voltage_kv = Decimal(voltage_kv)
    if point is None and address is not None and address.latitude is not None:
        point = (address.latitude, address.longitude)
    route = candidates.route_for(
        power_kw=power_kw, voltage_kv=voltage_kv, lv_limit_kw=values[rules.LV_CONNECTION_KW]
    )
    found: list[candidates.Candidate] = []
    current = assessments().select_related("power_centre")
    if route == candidates.ROUTE_SUBSTATION:
        substation = None
        subs = Substation.objects.select_related("feeder", "capacity_sensitivity")
        if address is not None and address.substation_id:
            substation = subs.get(pk=address.substation_id)
        elif point is not None:
            near = nearest_substation_ids(latitude=point[0], longitude=point[1], limit=1)
            substation = subs.get(pk=near[0]) if near else None
        if substation is not None:
            found.append(
                _substation_candidate(
                    substation, power_kw=power_kw, cos_phi=cos_phi, window=window, origin=point
                )
            )
            record = current.filter(power_centre_id=substation.feeder.power_centre_id).first()
            if record is not None:
                found.append(
                    _centre_candidate(record, power_kw=power_kw, cos_phi=cos_phi, origin=point)
                )
    elif point is not None:
        km = candidates.search_km(
            voltage_kv=voltage_kv,
            mv_km=values[rules.MV_SEARCH_KM],
            hv_km=values[rules.HV_SEARCH_KM],
        )
        box = km / 111.0 + 0.01
        rows = current.filter(
            power_centre__latitude__range=(point[0] - box, point[0] + box),
            power_centre__longitude__range=(point[1] - 2.5 * box, point[1] + 2.5 * box),
        )
        for record in rows:
            if not candidates.centre_serves(
                levels=record.power_centre.voltage_levels, voltage_kv=voltage_kv
            ):
                continue
            c = _centre_candidate(record, power_kw=power_kw, cos_phi=cos_phi, origin=point)
            if c.distance_km is not None and c.distance_km <= km:
                found.append(c)
        # Those that can take the load first, nearest first.
        found.sort(key=lambda c: (not c.fits, c.distance_km))
    return candidates.Answer(
        power_kw=power_kw,
        voltage_kv=voltage_kv,
        cos_phi=cos_phi,
        need_kva=candidates.need_kva(power_kw, cos_phi),
        route=route,
        on=on or timezone.localdate(),
        candidates=found,
        place=getattr(address, "label", "") or "",
    )


def nearest_substation_ids(*, latitude: float, longitude: float, limit: int = 1) -> list[int]:
    box = 0.2
    near = list(
        Substation.objects.of_company()
        .filter(
            latitude__range=(latitude - box, latitude + box),
            longitude__range=(longitude - 2 * box, longitude + 2 * box),
        )
        .values_list("id", "latitude", "longitude")[:2000]
    )
    near.sort(key=lambda c: rules.haversine_km(latitude, longitude, c[1], c[2]))
    return [c[0] for c in near[:limit]]
