"""The dispatcher console: live board, incident actions, phone calls, call-backs, archive."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import user_branches
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.grid.lookup import address_lookup

from .. import selectors, services
from ..choices import ACTIVE_STATUSES, Channel, IncidentStatus, Level
from ..forms import (
    BoardFilterForm,
    BulkEtrForm,
    CallForm,
    ElementMoveForm,
    IncidentUpdateForm,
    MergeForm,
    PlannedOutageForm,
    ReportsMoveForm,
    StepRestoreForm,
)
from ..models import Incident
from .incident_actions import next_url

VIEW = "outages.view_incident"
CHANGE = "outages.change_incident"
REPORTS = "outages.view_outagereport"


def _board_context(request):
    filters = BoardFilterForm(request.GET or None, branches=user_branches(request.user))
    data = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    board = selectors.board_for_user(user=request.user, filters=data)
    return {
        **board,
        "filters": filters,
        "query": request.GET.urlencode(),
        "now": timezone.now(),
        "recent": selectors.recent_decisions_for_user(user=request.user),
        "pending_callbacks": selectors.callback_queue_for_user(user=request.user).count(),
    }


@require_POST
@staff_required(permission=CHANGE)
def bulk_etr(request):
    """One estimated restoration time for many incidents of the dispatcher's branches."""
    import zoneinfo

    from django.db import transaction

    from gridportal.core.choices import AuditAction
    from gridportal.core.services import audit_record

    candidates = list(
        selectors.board_for_user(user=request.user, filters={"status": IncidentStatus.CONFIRMED})[
            "incidents"
        ]
    )
    # The time is typed as the dispatcher reads it: in their (first) branch's local time.
    home = user_branches(request.user).order_by("name").first()
    zone = zoneinfo.ZoneInfo(home.timezone if home else "Europe/Moscow")
    with timezone.override(zone):
        form = BulkEtrForm(request.POST, incidents=candidates)
        valid = form.is_valid()
    if not valid:
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect(next_url(request, reverse("staff:outages:board")))
    chosen = [i for i in candidates if i.pk in set(form.cleaned_data["incidents"])]
    try:
        with transaction.atomic():
            for incident in chosen:
                services.incident_update(
                    incident=incident, actor=request.user, etr=form.cleaned_data["etr"]
                )
                audit_record(
                    actor=request.user,
                    action=AuditAction.UPDATE,
                    obj=incident,
                    request=request,
                    details={"action": "bulk-etr"},
                )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Estimated restoration time set for {n} incidents.").format(n=len(chosen)),
        )
    return redirect(next_url(request, reverse("staff:outages:board")))


@staff_required(permission=VIEW)
def board(request):
    context = _board_context(request)
    context.update(_accuracy(request))
    return render(request, "outages/staff/board.html", context)


def _accuracy(request) -> dict:
    """The ETR honesty table of the dispatcher's branches (first, horizons, final)."""
    from ..rules import rule_values
    from .public import etr_table_context

    rows = [
        {"branch": row["branch"], "district": None, "etr": row["etr"]}
        for row in selectors.etr_accuracy(branches=user_branches(request.user))
    ]
    return etr_table_context(rows, rule_values())


@staff_required(permission=VIEW)
def board_partial(request):
    return render(request, "outages/staff/_board.html", _board_context(request))


def _forms_for(incident, data=None):
    live = incident.coverage.filter(restored_at__isnull=True).select_related("substation")
    others = (
        Incident.objects.filter(status__in=ACTIVE_STATUSES, branch_id=incident.branch_id)
        .exclude(pk=incident.pk)
        .select_related("power_centre", "feeder", "substation")
    )
    reports = list(selectors.incident_reports(incident=incident))
    return {
        "update_form": IncidentUpdateForm(
            initial={
                "cause": incident.cause,
                "etr": timezone.localtime(incident.etr) if incident.etr else None,
                "crew_status": incident.crew_status,
                "public_message": incident.public_message,
            }
        ),
        "step_form": StepRestoreForm(substations=[row.substation for row in live]),
        "merge_form": MergeForm(candidates=others),
        "move_form": ReportsMoveForm(reports=reports, targets=others),
        "element_form": ElementMoveForm(
            initial={"level": incident.level},
            choices_url=reverse("staff:outages:element-choices", args=[incident.pk]),
        ),
        "undo_until": services.undo_deadline(incident),
        "reports": reports,
    }


@staff_required(permission=VIEW)
def incident_detail(request, pk):
    incident = selectors.incident_get_for_user(user=request.user, pk=pk)
    context = {
        "incident": incident,
        "facilities": selectors.critical_facilities_for(incident=incident),
        "events": incident.events.select_related("actor").order_by("-at", "-id"),
        "coverage": incident.coverage.select_related("substation").order_by("substation__name"),
        "tz": incident.branch.timezone,
    }
    context.update(_forms_for(incident))
    context["crews"] = selectors.crews_for_user(user=request.user).filter(
        branch_id=incident.branch_id, active=True
    )
    return render(request, "outages/staff/incident.html", context)


@staff_required(permission=CHANGE)
def element_choices(request, pk):
    """The element chooser's typeahead: dispatch names in the incident's branch (htmx)."""
    incident = selectors.incident_get_for_user(user=request.user, pk=pk)
    level = request.GET.get("level", "")
    names = selectors.element_names(
        branch_id=incident.branch_id,
        level=level if level in Level.values else "",
        query=request.GET.get("element", "")[:200],
    )
    return render(request, "outages/staff/_element_names.html", {"names": names})


@staff_required(permission=REPORTS)
def report_detail(request, pk):
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    contact = None
    if request.method == "POST":
        if request.POST.get("action") == "reveal":
            contact = services.report_contact_reveal(
                report=report, actor=request.user, request=request
            )
        elif request.POST.get("action") == "callback-done":
            try:
                services.callback_complete(report=report, actor=request.user, request=request)
                messages.success(request, _("Call back recorded."))
            except ApplicationError as error:
                messages.error(request, error.message)
            return redirect(next_url(request, request.path))
    return render(
        request,
        "outages/staff/report.html",
        {"report": report, "contact": contact, "tz": report.branch.timezone},
    )


@staff_required(permission="outages.add_outagereport")
def call_register(request):
    """An operator enters a phone call into the same intake as the web form."""
    lookup = address_lookup(request)
    address = None
    if request.method == "POST":
        form = CallForm(request.POST)
        status = 400
        if form.is_valid():
            address = form.cleaned_data["address"]
            if address.branch not in user_branches(request.user):
                raise Http404
            try:
                receipt = services.report_submit(
                    submission=form.submission(),
                    origin=Origin.from_request(request, channel=Channel.PHONE, staff=True),
                )
            except ApplicationError as error:
                status = form.intake_refused(error)
            else:
                messages.success(
                    request,
                    _("Call registered as report {n}.").format(n=receipt.report.number),
                )
                return redirect("staff:outages:report", pk=receipt.report.pk)
        address = form.cleaned_data.get("address")
        if address is not None and address.branch not in user_branches(request.user):
            raise Http404
    else:
        status = 200
        if request.GET.get("address"):
            address = selectors.address_get(request.GET["address"])
            if address is None or address.branch not in user_branches(request.user):
                raise Http404
        form = CallForm(initial={"address": address.pk if address else None})
    live = None
    if address is not None:
        # The call-taker reads out what the public page says: the live outage and its ETR.
        from .public import answer_context

        live = answer_context(selectors.address_status(address=address), address)
    return render(
        request,
        "outages/staff/call.html",
        {"form": form, "address": address, "live": live, **lookup.context()},
        status=status,
    )


@staff_required(permission=REPORTS)
def callback_queue(request):
    return render(
        request,
        "outages/staff/callbacks.html",
        {"reports": selectors.callback_queue_for_user(user=request.user), "now": timezone.now()},
    )


@staff_required(permission=VIEW)
def archive(request):
    page = Paginator(selectors.archive_for_user(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "outages/staff/archive.html",
        {
            "page": page,
            "IncidentStatus": IncidentStatus,
            **_accuracy(request),
        },
    )


@staff_required(permission="outages.view_plannedoutage")
def planned_list(request):
    return render(
        request,
        "outages/staff/planned.html",
        {
            "planned": selectors.planned_for_user(user=request.user)[:300],
            "can_add": request.user.has_perm("outages.add_plannedoutage"),
            "now": timezone.now(),
        },
    )


@staff_required(permission="outages.add_plannedoutage")
def planned_new(request):
    branches = user_branches(request.user)
    form = PlannedOutageForm(request.POST or None, branches=branches)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.planned_outage_create(
                    branch=data["branch"],
                    district=data["district"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    reason=data["reason"],
                    substations=data["substation_list"],
                    area_description=data["area_description"],
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Planned work published."))
                return redirect("staff:outages:planned")
    return render(request, "outages/staff/planned_form.html", {"form": form}, status=status)


@require_POST
@staff_required(permission="outages.change_plannedoutage")
def planned_cancel(request, pk):
    planned = get_object_or_404(selectors.planned_for_user(user=request.user), pk=pk)
    try:
        services.planned_outage_cancel(planned=planned, actor=request.user)
        messages.success(request, _("Planned work cancelled."))
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("staff:outages:planned")


def _planned_times_action(request, pk, service, done_message):
    """A form of two local times (the branch's zone) applied to planned work by a service."""
    import zoneinfo

    from ..forms import PlannedMoveForm

    planned = get_object_or_404(selectors.planned_for_user(user=request.user), pk=pk)
    with timezone.override(zoneinfo.ZoneInfo(planned.branch.timezone)):
        form = PlannedMoveForm(request.POST)
        valid = form.is_valid()
    if not valid:
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("staff:outages:planned")
    try:
        service(
            planned=planned,
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
            actor=request.user,
        )
        messages.success(request, done_message)
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("staff:outages:planned")


@require_POST
@staff_required(permission="outages.change_plannedoutage")
def planned_move(request, pk):
    """Move planned work to another time (its subscribers are told the new time)."""
    return _planned_times_action(
        request,
        pk,
        services.planned_outage_reschedule,
        _("Planned work moved; subscribers are told the new time."),
    )


@require_POST
@staff_required(permission="outages.change_plannedoutage")
def planned_done(request, pk):
    """The work is done: when the supply really went off and came back (local time)."""
    return _planned_times_action(
        request,
        pk,
        services.planned_outage_complete,
        _("Planned work marked done; it counts in the reliability figures."),
    )


@staff_required(permission=VIEW)
def incident_map(request):
    """A map of the live incidents of the dispatcher's branches (the public map's script)."""
    return render(request, "outages/staff/map.html", {})


@staff_required(permission=VIEW)
def incident_map_data(request):
    """GeoJSON of the board's incidents: predicted and confirmed, scoped to the branches."""
    from django.http import JsonResponse

    from gridportal.core import geojson

    incidents = selectors.board_for_user(user=request.user)["incidents"]
    items = []
    for incident in incidents:
        location = selectors.incident_location(incident)
        if location is None:
            continue
        items.append(
            {
                "id": incident.pk,
                "area": f"{incident.number} · {incident.element}",
                "customers_out": incident.customers_out,
                "cause_label": incident.status_text,
                "estimated_restoration_local": (
                    timezone.localtime(incident.etr).strftime("%d.%m %H:%M")
                    if incident.etr
                    else None
                ),
                "latitude": location[0],
                "longitude": location[1],
            }
        )
    return JsonResponse(
        geojson.feature_collection(geojson.points(items), generated_at=timezone.now())
    )


@staff_required(permission="outages.view_crew")
def crew_list(request):
    """The crew register of the dispatcher's branches: names, phones, what each works on."""
    from ..forms import CrewForm

    branches = user_branches(request.user)
    form = CrewForm(request.POST or None, branches=branches)
    status = 200
    if request.method == "POST":
        if not request.user.has_perm("outages.add_crew"):
            raise Http404
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.crew_create(
                    branch=data["branch"],
                    name=data["name"],
                    leader=data["leader"],
                    phone=data["phone"],
                    members=data["members"],
                )
            except ApplicationError as error:
                form.add_error("name", error.message)
            else:
                messages.success(request, _("Crew added to the register."))
                return redirect("staff:outages:crews")
    crews = list(selectors.crews_for_user(user=request.user))
    assignments = selectors.crew_assignments(crews=crews)
    for crew in crews:
        crew.assigned = assignments.get(crew.pk, [])
    return render(
        request, "outages/staff/crews.html", {"crews": crews, "form": form}, status=status
    )
