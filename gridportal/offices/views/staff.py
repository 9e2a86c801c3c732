"""Staff console of the service centres: offices of one's branches, the day, the queue, figures.

Every page reads through `offices_for_user` (another branch's office answers 404); the day's
page shows names and contacts, so each view of it is written to the audit log.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from .. import selectors, services
from ..forms import parse_day
from ..models import Booking, Desk, Visit
from ..staff_forms import (
    DeskFormSet,
    ExceptionFormSet,
    HoursFormSet,
    OfficeForm,
    ServiceFormSet,
    WalkInForm,
)

VIEW = "offices.view_visit"
CHANGE_VISIT = "offices.change_visit"
CHANGE_OFFICE = "offices.change_office"


def _office(request, pk):
    return get_object_or_404(selectors.offices_for_user(request.user), pk=pk)


def _month(raw: str | None, today: dt.date) -> tuple[int, int]:
    try:
        year, month = (int(x) for x in (raw or "").split("-"))
        dt.date(year, month, 1)
        return year, month
    except ValueError:
        return today.year, today.month


@staff_required(permission=VIEW)
def index(request):
    """The offices of my branches, open now, and this month's waiting-time figures."""
    today = timezone.localdate()
    year, month = _month(request.GET.get("month"), today)
    rows = []
    for office in selectors.offices_for_user(request.user).prefetch_related("hours", "exceptions"):
        schedule = selectors.schedule_of(office)
        rows.append(
            {
                "office": office,
                "status": schedule.status(timezone.now()),
                "figures": selectors.wait_figures(office, year, month),
            }
        )
    return render(
        request,
        "offices/staff/index.html",
        {"rows": rows, "month": dt.date(year, month, 1)},
    )


@staff_required(permission=VIEW)
def day(request, pk):
    """One office's day: bookings (arrived, no-shows), the queue with its actions, walk-ins."""
    office = _office(request, pk)
    local_today = selectors.schedule_of(office).local(timezone.now()).date()
    the_day = parse_day(request.GET.get("date"), local_today)
    bookings = list(selectors.bookings_of_day(office, the_day))
    visits = list(selectors.visits_of_day(office, the_day))
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=office,
        branch=office.branch,
        request=request,
        details={"day": the_day.isoformat(), "bookings": len(bookings)},
    )
    return render(
        request,
        "offices/staff/day.html",
        {
            "office": office,
            "day": the_day,
            "is_today": the_day == local_today,
            "bookings": bookings,
            "visits": visits,
            "desks": office.desks.filter(is_active=True),
            "walk_in_form": WalkInForm(),
            "previous": the_day - dt.timedelta(days=1),
            "next": the_day + dt.timedelta(days=1),
        },
    )


def _back(office, request):
    return redirect(
        reverse("staff:offices:day", args=[office.pk]) + "?date=" + request.POST.get("date", "")
    )


@staff_required(permission=CHANGE_VISIT)
@require_POST
def booking_action(request, pk, booking_pk):
    office = _office(request, pk)
    booking = get_object_or_404(Booking, pk=booking_pk, office=office)
    try:
        if request.POST.get("action") == "arrived":
            visit = services.booking_arrive(booking=booking, actor=request.user, request=request)
            messages.success(request, f"{visit.ticket}")
        elif request.POST.get("action") == "no_show":
            services.booking_no_show(booking=booking, actor=request.user, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    return _back(office, request)


@staff_required(permission=CHANGE_VISIT)
@require_POST
def walk_in(request, pk):
    office = _office(request, pk)
    form = WalkInForm(request.POST)
    if form.is_valid():
        try:
            visit = services.visit_walk_in(
                office=office,
                service=form.cleaned_data["service"],
                name=form.cleaned_data.get("name", ""),
                actor=request.user,
                request=request,
            )
            messages.success(request, visit.ticket)
        except ApplicationError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return _back(office, request)


@staff_required(permission=CHANGE_VISIT)
@require_POST
def visit_action(request, pk, visit_pk):
    office = _office(request, pk)
    visit = get_object_or_404(Visit, pk=visit_pk, office=office)
    action = request.POST.get("action")
    try:
        if action == "call":
            desk = get_object_or_404(Desk, office=office, number=request.POST.get("desk") or 0)
            services.visit_call(visit=visit, desk=desk, actor=request.user, request=request)
        elif action == "start":
            services.visit_start(visit=visit, actor=request.user, request=request)
        elif action == "finish":
            services.visit_finish(visit=visit, actor=request.user, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    return _back(office, request)


@staff_required(permission=CHANGE_OFFICE)
def office_edit(request, pk):
    """An office's card, weekly hours, exceptions and closures, services and desks."""
    office = _office(request, pk)
    data = request.POST if request.method == "POST" else None
    form = OfficeForm(data, instance=office)
    sets = {
        "hours": HoursFormSet(data, instance=office, prefix="hours"),
        "exceptions": ExceptionFormSet(data, instance=office, prefix="exceptions"),
        "services": ServiceFormSet(data, instance=office, prefix="services"),
        "desks": DeskFormSet(data, instance=office, prefix="desks"),
    }
    valid = request.method == "POST" and form.is_valid()
    if valid and all(s.is_valid() for s in sets.values()):
        with transaction.atomic():
            form.save()
            for formset in sets.values():
                formset.save()
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE,
                obj=office,
                branch=office.branch,
                request=request,
                details={"changed": form.changed_data},
            )
        messages.success(request, office.name)
        return redirect("staff:offices:edit", pk=office.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "offices/staff/edit.html",
        {"office": office, "form": form, "sets": sets},
        status=status,
    )
