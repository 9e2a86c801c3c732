"""Public pages of the hotline: no account needed, work without JavaScript except the map."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gridportal.core.degraded import DATABASE_DOWN
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.region import page_region
from gridportal.core.services import client_ip
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import selectors, services
from ..choices import Cause, Channel, Level, Open311ServiceCode
from ..forms import PlannedFilterForm, ReportForm
from ..ical import planned_calendar
from ..snapshot import State
from ..storm import fallback
from ..wording import status_text as incident_status_sentence


def answer_context(answer, address) -> dict:
    """Plain answer + human labels for the templates (HTML and text versions)."""
    incident = answer.incident
    return {
        "answer": answer,
        "state": answer.state,
        "State": State,
        "address": address,
        "incident": incident,
        "cause_label": Cause(incident.cause).label if incident else "",
        "status_text": (
            incident_status_sentence(incident.status, incident.crew_status) if incident else ""
        ),
        "level_label": Level(incident.level).label if incident else "",
        "tz": address.branch.timezone if address and address.branch else "Europe/Moscow",
        "subscribe_url": _subscribe_url(),
    }


def _subscribe_url() -> str:
    """The notifications module's subscribe page, if it is installed."""
    try:
        return reverse("notifications:subscribe")
    except NoReverseMatch:
        return ""


def status_page(request):
    """«Is there power at my address?»: typeahead search, then one clear answer."""
    context = address_lookup(request).context(pick_url=reverse("outages:status"))
    if request.htmx and not request.GET.get("address"):
        return render(request, RESULTS_TEMPLATE, context)
    if request.GET.get("address"):
        try:
            address = selectors.address_get(request.GET["address"])
            answer = address and selectors.address_status(address=address)
        except DATABASE_DOWN:
            return _status_from_snapshot(request, "outages/public/status.html", context)
        if address is None:
            context["error"] = _("Choose your address from the list.")
            return render(request, "outages/public/status.html", context, status=404)
        context.update(answer_context(answer, address))
    return render(request, "outages/public/status.html", context)


def _status_from_snapshot(request, template: str, context: dict):
    """Degraded mode: the database is down, the storm snapshot answers (or the 503 page does)."""
    found = fallback.address_status(request.GET["address"])
    if found is None:
        context["error"] = _("Choose your address from the list.")
        return render(request, template, context, status=404)
    context.update(answer_context(found.answer, found.address))
    context["snapshot_at"] = found.generated_at
    return render(request, template, context)


def status_text(request):
    """The same answer as minimal HTML for weak connections: no CSS, no JavaScript."""
    context = address_lookup(request).context()
    status = 200
    if request.GET.get("address"):
        try:
            address = selectors.address_get(request.GET["address"])
            answer = address and selectors.address_status(address=address)
        except DATABASE_DOWN:
            return _status_from_snapshot(request, "outages/public/status_text.html", context)
        if address is None:
            context["error"] = _("Choose your address from the list.")
            status = 404
        else:
            context.update(answer_context(answer, address))
    return render(request, "outages/public/status_text.html", context, status=status)


PROBLEM_ALIASES = {"hazard": Open311ServiceCode.HAZARD_WIRE}


@require_http_methods(["GET", "POST"])
def report_page(request):
    """Report an outage: pick the address, say what is wrong, get a report number."""
    if request.method == "POST":
        form = ReportForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                receipt = services.report_submit(
                    submission=form.submission(),
                    origin=Origin.from_request(request, channel=Channel.WEB),
                )
            except ApplicationError as error:
                status = form.intake_refused(error)
            else:
                address = form.cleaned_data["address"]
                return render(
                    request,
                    "outages/public/report_done.html",
                    {
                        "receipt": receipt,
                        "report": receipt.report,
                        "address": address,
                        "incident": receipt.incident,
                        "tz": address.branch.timezone,
                    },
                )
        address = form.cleaned_data.get("address")
        return render(
            request, "outages/public/report.html", {"form": form, "address": address}, status=status
        )

    # A link may name what is wrong (the safety lessons' «report a danger»): kept while the
    # person picks the address, then preselected on the form.
    problem = PROBLEM_ALIASES.get(request.GET.get("problem", ""), request.GET.get("problem", ""))
    if problem not in Open311ServiceCode.values:
        problem = ""
    pick_url = reverse("outages:report") + (f"?problem={problem}" if problem else "")
    context = address_lookup(request).context(pick_url=pick_url)
    context["pick_url"] = pick_url
    context["carry"] = {"problem": problem} if problem else {}
    if request.htmx and not request.GET.get("address"):
        return render(request, RESULTS_TEMPLATE, context)
    if request.GET.get("address"):
        address = selectors.address_get(request.GET["address"])
        if address is None:
            raise Http404
        context["address"] = address
        context["form"] = ReportForm(initial={"address": address.pk, "problem": problem or None})
    return render(request, "outages/public/report.html", context)


def outages_page(request):
    """Current outages per district and settlement, per-branch numbers, planned work soon.

    Everything shows the visitor's region (core/region.py) unless they chose all regions.
    """
    now = timezone.now()
    region = page_region(request)
    try:
        summary = selectors.branch_summary()
        planned = list(
            selectors.planned_list(branch=region, now=now).filter(
                starts_at__lt=now + timezone.timedelta(days=3)
            )[:50]
        )
        context = {
            "region": region,
            "summary": [row for row in summary if region is None or row["branch"] == region],
            "areas": list(selectors.settlement_outages(branch=region)),
            "incidents": list(selectors.public_incidents(branch=region)),
            "planned": planned,
            "places": selectors.planned_places(planned),
            "planned_points": selectors.planned_points(planned),
            "updated_at": now,
        }
    except DATABASE_DOWN:
        # Degraded mode: the numbers of the storm snapshot (or the 503 page if there is none).
        return render(request, "outages/public/outages_degraded.html", fallback.outages_summary())
    return render(request, "outages/public/outages.html", context)


def incident_page(request, pk):
    merged_into = selectors.merged_incident_target(pk=pk)
    if merged_into is not None:
        return redirect("outages:incident", pk=merged_into)
    incident = selectors.public_incident_get(pk=pk)
    return render(
        request,
        "outages/public/incident.html",
        {
            "incident": incident,
            "events": selectors.public_events(incident=incident),
            "areas": selectors.public_areas(incident=incident),
            "tz": incident.branch.timezone,
        },
    )


def planned_page(request):
    """Planned work in the visitor's region, with the places it switches off; searchable."""
    region = page_region(request)
    params = request.GET.copy()
    params.pop("region", None)
    form = PlannedFilterForm(params or None, region=region)
    rows = selectors.planned_list(branch=region)
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            rows = selectors.planned_list(
                branch=region, district=data["district"], day=data["day"], place=data["place"]
            )
        else:
            status = 400
    planned = list(rows[:200])
    return render(
        request,
        "outages/public/planned.html",
        {"form": form, "planned": planned, "places": selectors.planned_places(planned)},
        status=status,
    )


def planned_ics(request, address_id):
    """An iCalendar feed of the planned work at one address (RFC 5545)."""
    address = selectors.address_get(address_id)
    if address is None:
        raise Http404
    body = planned_calendar(
        address=address,
        planned=selectors.planned_for_address(address=address),
        host=request.get_host().split(":")[0],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="planned-{address.pk}.ics"'
    return response


@require_http_methods(["GET", "POST"])
def still_out(request, address_id):
    """The «still without power?» link from the «restored» message (confirmed with one button)."""
    token = request.POST.get("t") or request.GET.get("t", "")
    address = selectors.address_get(address_id)
    if address is None:
        raise Http404
    context = {"address": address, "token": token}
    if request.method == "POST":
        try:
            receipt = services.still_out_report(
                address_id=address.pk, token=token, ip_address=client_ip(request)
            )
        except ApplicationError as error:
            context["error"] = error.message
            return render(request, "outages/public/still_out.html", context, status=400)
        context["report"] = receipt.report
    return render(request, "outages/public/still_out.html", context)


def etr_accuracy_page(request):
    """The ETR honesty figures of the visitor's region, per branch and РЭС."""
    from ..rules import rule_values

    values = rule_values()
    return render(
        request,
        "outages/public/etr_accuracy.html",
        {**etr_table_context(selectors.etr_accuracy_rows(branch=page_region(request)), values)},
    )


def etr_table_context(rows, values) -> dict:
    from ..choices import RuleKey
    from ..etr_accuracy import MEASURES

    return {
        "rows": rows,
        "measures": MEASURES,
        "short_minutes": int(values[RuleKey.ETR_HORIZON_SHORT_MINUTES]),
        "long_minutes": int(values[RuleKey.ETR_HORIZON_LONG_MINUTES]),
        "tolerance": int(values[RuleKey.ETR_TOLERANCE_MINUTES]),
        "first_label": _("First published estimate"),
        "short_label": _("At the first horizon"),
        "long_label": _("At the second horizon"),
        "final_label": _("Final estimate (for comparison)"),
    }
