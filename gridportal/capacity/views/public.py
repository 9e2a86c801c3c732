"""Public pages: the load map with its table, power-centre pages, «where can I connect», open data."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from gridportal.api.errors import error_body
from gridportal.core.region import page_region
from gridportal.grid.models import PowerCentre
from gridportal.grid.search import address_search

from .. import charts, explain, exports, panels, rules, selectors, services
from ..choices import CapacityStatus
from ..forms import SORTS, CanConnectForm, CapacityFilterForm, NearbyForm

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}


def _snapshot(as_of: str | None):
    if as_of is None:
        return None
    try:
        day = date.fromisoformat(as_of)
    except ValueError:
        raise Http404 from None
    return selectors.snapshot_get_published(as_of=day)


def _bad_filters(form):
    """Data endpoints answer bad filters in the API's error shape."""
    return JsonResponse(
        error_body(
            status_code=400,
            code="invalid",
            message=_("The request has errors; see the fields."),
            fields={k: [str(e) for e in v] for k, v in form.errors.items()},
        ),
        status=400,
    )


def _cacheable(response, snapshot):
    """A published quarter never changes; current figures may, after an import."""
    patch_cache_control(response, public=True, max_age=86400 if snapshot else 60)
    return response


def _filtered(request, snapshot):
    form = CapacityFilterForm(request.GET or None)
    qs = selectors.assessments(snapshot=snapshot)
    if form.is_bound and not form.is_valid():
        return form, qs.none()
    params = form.params() if form.is_bound else {}
    # The region the visitor chose (header selector, ?region=) narrows the map, the table
    # and the files unless a branch is picked in the filters; «all regions» is one click.
    region = page_region(request)
    if region is not None and not params.get("branch"):
        params["branch"] = region.code
    return form, selectors.filter_assessments(qs, params=params)


def capacity_map(request, as_of: str | None = None):
    """The load map and the equivalent sortable table (the table works without JavaScript)."""
    snapshot = _snapshot(as_of)
    form, qs = _filtered(request, snapshot)
    sort = request.GET.get("sort", "name")
    order = SORTS.get(sort, SORTS["name"])
    page = Paginator(qs.order_by(order, "power_centre_id"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("sort", None)
    region = page_region(request)
    if region is not None and "region" not in query:
        query["region"] = region.code  # a shared link or a downloaded file shows the same
    counts = {"open": 0, "closed": 0}
    for status in qs.values_list("status", flat=True):
        counts[status] += 1
    latest = selectors.published_snapshots().first()
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "capacity/public/map.html",
        {
            "form": form,
            "page": page,
            "sort": sort,
            "query": query.urlencode(),
            "snapshot": snapshot,
            "latest_snapshot": latest,
            "snapshots": selectors.published_snapshots()[:12],
            "counts": counts,
            "calculated_at": page.object_list[0].calculated_at if page.object_list else None,
            "columns": [
                ("name", _("Power centre")),
                ("branch", _("Branch")),
                ("voltage", _("Voltage, kV")),
                ("load", _("Load, MVA")),
                ("reserve", _("Reserve, MVA")),
            ],
        },
        status=status,
    )


def capacity_map_data(request, as_of: str | None = None):
    """Marker data for the map (GeoJSON), with the same filters as the page."""
    snapshot = _snapshot(as_of)
    form, qs = _filtered(request, snapshot)
    if form.is_bound and not form.is_valid():
        return _bad_filters(form)
    response = HttpResponse(exports.map_points(qs), content_type="application/geo+json")
    return _cacheable(response, snapshot)


def capacity_download(request, fmt: str, as_of: str | None = None):
    """Open data at a stable URL: the whole table (or a filtered part) as CSV, XLSX or GeoJSON."""
    if fmt not in FORMATS:
        raise Http404
    snapshot = _snapshot(as_of)
    form, qs = _filtered(request, snapshot)
    if form.is_bound and not form.is_valid():
        return _bad_filters(form)
    data = exports.rows(qs)
    day = snapshot.as_of.isoformat() if snapshot else timezone.localdate().isoformat()
    if fmt == "csv":
        body = exports.to_csv(data, as_of=day)
    elif fmt == "xlsx":
        body = exports.to_xlsx(
            data,
            as_of=day,
            title=_("Free capacity of power centres as of {day}").format(day=day),
        )
    else:
        body = exports.to_geojson(data, as_of=day)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="power-centres-{day}.{fmt}"'
    return _cacheable(response, snapshot)


def substations_download(request, fmt: str, as_of: str | None = None):
    """ТП below 35 kV with their free capacity by voltage level (ПП № 758), current or a quarter's."""
    from .. import substation_exports

    if fmt not in ("csv", "xlsx"):
        raise Http404
    snapshot = _snapshot(as_of)
    day = snapshot.as_of if snapshot else timezone.localdate()
    region = page_region(request)
    rows, totals = substation_exports.substation_rows(
        as_of=day,
        window_months=selectors.control_window_months(day),
        branch_code=region.code if region else None,
    )
    maker = substation_exports.to_csv if fmt == "csv" else substation_exports.to_xlsx
    response = HttpResponse(maker(rows, totals, as_of=day.isoformat()), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="substations-{day.isoformat()}.{fmt}"'
    return _cacheable(response, snapshot)


def quarter_list(request):
    return render(
        request, "capacity/public/quarters.html", {"snapshots": selectors.published_snapshots()}
    )


def power_centre_page(request, pk: int, as_of: str | None = None):
    """One power centre: transformers, measurements, commitments, the calculation, «can I connect»."""
    snapshot = _snapshot(as_of)
    pc = get_object_or_404(PowerCentre.objects.select_related("branch", "district"), pk=pk)
    try:
        record = selectors.assessment_for_centre(power_centre_id=pk, snapshot=snapshot)
    except Http404:
        if snapshot is not None:
            raise
        # A centre added since the last recalculation: show its figures computed now.
        record = services.capacity_assess(power_centre_ids=[pk])[0]
    assessment = explain.assessment_from_record(record)
    history = selectors.measurement_history(power_centre_id=pk)
    if snapshot:
        history = [(d, v) for d, v in history if d <= snapshot.as_of]
    form = CanConnectForm(request.GET if "kw" in request.GET else None)
    answer = None
    if form.is_bound and form.is_valid():
        kw = form.cleaned_data["kw"]
        fits, left = rules.can_connect(
            reserve_mva=record.reserve_mva,
            status=record.status,
            requested_kw=kw,
            factors=assessment.factors,
        )
        answer = {
            "kw": kw,
            "kva": (kw / assessment.factors.cos_phi).quantize(rules.MVA),
            "cos_phi": assessment.factors.cos_phi,
            "fits": fits,
            "left": left,
            "small": kw <= selectors.small_applicant_kw(),
        }
    commitments = list(selectors.commitments_of_centre(power_centre_id=pk))
    site_labels = {}
    for c in commitments:
        site_labels.setdefault(c.site.strip().lower(), len(site_labels) + 1)
        c.site_label = site_labels[c.site.strip().lower()]
    context = {
        "pc": pc,
        "record": record,
        "assessment": assessment,
        "steps": explain.calculation_steps(assessment),
        "basis": explain.measurement_basis(assessment),
        "chart": charts.history_chart(history=history, permissible=record.permissible_mva),
        "history": history,
        "measurements": selectors.measurements_of_centre(power_centre_id=pk),
        "commitments": commitments,
        "show_sites": request.user.is_authenticated and request.user.is_staff,
        "substations": selectors.substations_of_centre_summary(
            power_centre_id=pk, cos_phi=assessment.factors.cos_phi
        ),
        "form": form,
        "answer": answer,
        "snapshot": snapshot,
        "is_open": record.status == CapacityStatus.OPEN,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "capacity/public/power_centre.html", context, status=status)


def nearby(request):
    """«Where can I connect N kW here?»: the elements it would connect through, with checks."""
    form = NearbyForm(request.GET if "kw" in request.GET else None)
    answer, place, error, apply = None, None, "", ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        address = None
        if data.get("lat") is not None and data.get("lon") is not None:
            place = {
                "label": "{:.5f}, {:.5f}".format(data["lat"], data["lon"]),
                "point": (data["lat"], data["lon"]),
            }
        else:
            found = [a for a in address_search(query=data["address"], limit=5) if a.latitude]
            if found:
                address = found[0]
                place = {"label": address.label, "point": (address.latitude, address.longitude)}
            else:
                error = _("We could not find this address. Check it or give coordinates.")
        if place:
            answer = selectors.connection_candidates(
                address=address,
                point=place["point"],
                power_kw=data["kw"],
                voltage_kv=data["voltage"],
            )
            apply = panels.apply_url(address) if address is not None else ""
    status = 400 if (form.is_bound and not form.is_valid()) or error else 200
    return render(
        request,
        "capacity/public/nearby.html",
        {"form": form, "answer": answer, "place": place, "error": error, "apply_url": apply},
        status=status,
    )


def method(request):
    """The calculation method and the factors in force, with their sources."""
    return render(request, "capacity/public/method.html", {"factors": selectors.factors_in_force()})
