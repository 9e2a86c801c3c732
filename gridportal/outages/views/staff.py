"""The dispatcher console: live board, incident actions, phone calls, call-backs, archive."""

from __future__ import annotations

import zoneinfo

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import restrict_to_branches, user_branches
from gridportal.accounts.services import consent_record
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import client_ip
from gridportal.grid.search import address_search

from .. import selectors, services
from ..choices import ACTIVE_STATUSES, Channel, IncidentStatus
from ..forms import (
    CONSENT_VERSION,
    CallForm,
    ElementMoveForm,
    EtrForm,
    IncidentUpdateForm,
    MergeForm,
    PlannedOutageForm,
    ReportsMoveForm,
    StepRestoreForm,
)
from ..models import Incident

VIEW = "outages.view_incident"
CHANGE = "outages.change_incident"
REPORTS = "outages.view_outagereport"


def _board_context(request):
    board = selectors.board_for_user(user=request.user)
    return {
        **board,
        "now": timezone.now(),
        "pending_callbacks": selectors.callback_queue_for_user(user=request.user).count(),
    }


@staff_required(permission=VIEW)
def board(request):
    context = _board_context(request)
    context["accuracy"] = selectors.etr_accuracy(branches=user_branches(request.user))
    return render(request, "outages/staff/board.html", context)


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
        "element_form": ElementMoveForm(initial={"level": incident.level}),
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
    return render(request, "outages/staff/incident.html", context)


def _next_url(request, default):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default


@require_POST
@staff_required(permission=CHANGE)
def incident_action(request, pk, action):
    incident = selectors.incident_get_for_user(user=request.user, pk=pk)
    # Times typed by the dispatcher are in the branch's local time, as shown to them.
    with timezone.override(zoneinfo.ZoneInfo(incident.branch.timezone)):
        return _incident_action(request, incident, action)


def _incident_action(request, incident, action):
    user = request.user
    done_url = _next_url(request, f"/staff/outages/incidents/{incident.pk}/")
    try:
        if action == "confirm":
            services.incident_confirm(incident=incident, actor=user)
            messages.success(request, _("Incident {n} confirmed.").format(n=incident.number))
        elif action == "reject":
            services.incident_reject(
                incident=incident, actor=user, reason=request.POST.get("reason", "")[:500]
            )
            messages.success(request, _("Prediction {n} rejected.").format(n=incident.number))
        elif action == "update":
            form = IncidentUpdateForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(
                    "; ".join(str(e) for errors in form.errors.values() for e in errors)
                )
            data = form.cleaned_data
            services.incident_update(
                incident=incident,
                actor=user,
                cause=data["cause"],
                etr=data["etr"],
                crew_status=data["crew_status"],
                public_message=data["public_message"],
            )
            messages.success(request, _("Incident {n} updated.").format(n=incident.number))
        elif action == "etr":
            form = EtrForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(
                    "; ".join(str(e) for errors in form.errors.values() for e in errors)
                )
            services.incident_update(incident=incident, actor=user, etr=form.cleaned_data["etr"])
            messages.success(request, _("Incident {n} updated.").format(n=incident.number))
        elif action == "restore":
            services.incident_restore(incident=incident, actor=user)
            messages.success(request, _("Incident {n}: power restored.").format(n=incident.number))
        elif action == "step":
            form = StepRestoreForm(
                request.POST,
                substations=[
                    row.substation
                    for row in incident.coverage.filter(restored_at__isnull=True).select_related(
                        "substation"
                    )
                ],
            )
            if not form.is_valid():
                raise ApplicationError(_("Choose substations that are still out."))
            services.incident_step_restore(
                incident=incident, actor=user, substation_ids=form.cleaned_data["substations"]
            )
            messages.success(request, _("Restored part recorded."))
        elif action == "merge":
            candidates = restrict_to_branches(
                Incident.objects.filter(status__in=ACTIVE_STATUSES, branch_id=incident.branch_id),
                user,
            ).exclude(pk=incident.pk)
            form = MergeForm(request.POST, candidates=candidates)
            if not form.is_valid():
                raise ApplicationError(_("Choose the incidents to merge."))
            services.incident_merge(
                target=incident,
                sources=list(candidates.filter(pk__in=form.cleaned_data["sources"])),
                actor=user,
            )
            messages.success(request, _("Incidents merged."))
        elif action == "move-reports":
            targets = restrict_to_branches(
                Incident.objects.filter(status__in=ACTIVE_STATUSES, branch_id=incident.branch_id),
                user,
            ).exclude(pk=incident.pk)
            form = ReportsMoveForm(
                request.POST,
                reports=selectors.incident_reports(incident=incident),
                targets=targets,
            )
            if not form.is_valid():
                raise ApplicationError(_("Choose at least one report of this incident."))
            target = targets.filter(pk=form.cleaned_data["target"]).first()
            services.incident_reports_move(
                incident=incident,
                report_ids=form.cleaned_data["reports"],
                actor=user,
                target=target,
            )
            messages.success(request, _("Reports moved."))
        elif action == "move-element":
            form = ElementMoveForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(_("Choose a network level and element."))
            services.incident_element_move(
                incident=incident,
                actor=user,
                level=form.cleaned_data["level"],
                element_id=form.cleaned_data["element"],
            )
            messages.success(request, _("Incident moved to another element."))
        else:
            raise Http404
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect(done_url)


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
            return redirect(_next_url(request, request.path))
    return render(
        request,
        "outages/staff/report.html",
        {"report": report, "contact": contact, "tz": report.branch.timezone},
    )


@staff_required(permission="outages.add_outagereport")
def call_register(request):
    """An operator enters a phone call into the same intake as the web form."""
    query = request.GET.get("q", "").strip()[:200]
    results = address_search(query=query, limit=10) if len(query) >= 2 else []
    address = None
    if request.method == "POST":
        form = CallForm(request.POST)
        address = selectors.address_get(request.POST.get("address"))
        if address is not None and address.branch not in user_branches(request.user):
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    consent = None
                    if data["phone"]:
                        consent = consent_record(
                            subject="outage_call",
                            text_version=CONSENT_VERSION,
                            request=request,
                            user=None,
                            contact=data["phone"],
                        )
                    receipt = services.report_submit(
                        address=data["address"],
                        problem=data["problem"],
                        channel=Channel.PHONE,
                        phone=data["phone"],
                        comment=data["comment"],
                        ip_address=client_ip(request),
                        consent=consent,
                        created_by=request.user,
                        callback_requested=data["callback_requested"],
                    )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Call registered as report {n}.").format(n=receipt.report.number),
                )
                return redirect("staff:outages:report", pk=receipt.report.pk)
        status = 400
    else:
        status = 200
        if request.GET.get("address"):
            address = selectors.address_get(request.GET["address"])
            if address is None or address.branch not in user_branches(request.user):
                raise Http404
        form = CallForm(initial={"address": address.pk if address else None})
    return render(
        request,
        "outages/staff/call.html",
        {"form": form, "address": address, "query": query, "results": results},
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
            "accuracy": selectors.etr_accuracy(branches=user_branches(request.user)),
            "IncidentStatus": IncidentStatus,
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
