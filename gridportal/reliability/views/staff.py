"""Staff console: the indices month by month, the limits list, the report form, corrections."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import restrict_to_branches, user_branch_ids, user_branches
from gridportal.core.exceptions import ApplicationError
from gridportal.core.models import Company

from .. import charts, exports, selectors, services
from ..choices import AreaKind
from ..forms import EventCorrectForm, PeriodForm, RecordCorrectForm, YearForm
from ..models import InterruptionEvent, InterruptionRecord

VIEW = "reliability.view_interruptionrecord"
CHANGE = "reliability.change_interruptionrecord"


def _year(request) -> int:
    return YearForm(request.GET or None).year_or_current()


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)


@staff_required(permission=VIEW)
def dashboard(request):
    year = _year(request)
    branch_ids = user_branch_ids(request.user)
    rows = selectors.monthly_table(year=year, branch_ids=branch_ids)
    first, last = _year_bounds(year)
    sections = []
    for row in rows:
        if row.kind != "branch":
            continue
        report = selectors.area_report(selectors.Area(AreaKind.BRANCH, row.obj), first, last)
        sections.append(
            {
                "branch": row,
                "districts": [
                    r for r in rows if r.kind == "district" and r.branch.pk == row.obj.pk
                ],
                "chart": charts.month_bars([(c.month, c.indices.saidi) for c in row.cells]),
                "saifi_chart": charts.month_bars([(c.month, c.indices.saifi) for c in row.cells]),
                "report": report,
            }
        )
    return render(
        request,
        "reliability/staff/dashboard.html",
        {
            "year": year,
            "sections": sections,
            "months": selectors.months_of(year),
            "feeders": selectors.worst_feeders(first=first, last=last, branch_ids=branch_ids),
            "first": first,
            "last": last,
        },
    )


def _period(request) -> tuple[PeriodForm, dt.date, dt.date]:
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["first"], form.cleaned_data["last"]
    today = timezone.localdate()
    return form, dt.date(today.year, 1, 1), today


@staff_required(permission=VIEW)
def limits(request):
    form, first, last = _period(request)
    rows = selectors.limit_rows(first=first, last=last, branch_ids=user_branch_ids(request.user))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "reliability/staff/limits.html",
        {"form": form, "rows": rows, "first": first, "last": last},
        status=status,
    )


@staff_required(permission=VIEW)
def limits_csv(request):
    form, first, last = _period(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            "; ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    rows = selectors.limit_rows(first=first, last=last, branch_ids=user_branch_ids(request.user))
    response = HttpResponse(exports.limits_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="limits-{first}-{last}.csv"'
    return response


@staff_required(permission=VIEW)
def report_xlsx(request):
    year = _year(request)
    first, last = _year_bounds(year)
    company = Company.objects.first()
    body = exports.regulatory_xlsx(
        branches=user_branches(request.user).order_by("name"),
        first=first,
        last=last,
        company_name=company.name if company else "",
    )
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="reliability-{year}.xlsx"'
    return response


def _events_for(user):
    return restrict_to_branches(InterruptionEvent.objects.all(), user)


@staff_required(permission=VIEW)
def events(request):
    year = _year(request)
    first, last = _year_bounds(year)
    qs = (
        _events_for(request.user)
        .filter(started_at__date__gte=first, started_at__date__lte=last)
        .select_related("branch")
        .order_by("-started_at", "-id")
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "reliability/staff/events.html", {"page": page, "year": year})


@staff_required(permission=VIEW)
def event_detail(request, pk):
    event = get_object_or_404(
        _events_for(request.user).select_related("branch", "confirmed_by"), pk=pk
    )
    records = event.records.select_related("substation", "feeder", "power_centre").order_by(
        "restored_at", "substation__name"
    )
    return render(
        request,
        "reliability/staff/event.html",
        {
            "event": event,
            "records": records,
            "event_form": EventCorrectForm(
                initial={"planned": event.planned, "cause": event.cause}
            ),
            "can_change": request.user.has_perm(CHANGE),
        },
    )


@require_POST
@staff_required(permission=CHANGE)
def event_correct(request, pk):
    event = get_object_or_404(_events_for(request.user), pk=pk)
    form = EventCorrectForm(request.POST)
    if form.is_valid():
        services.event_correct(
            event=event, actor=request.user, request=request, **form.cleaned_data
        )
        messages.success(request, _("The interruption was corrected."))
    else:
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("staff:reliability:event", event.pk)


@require_POST
@staff_required(permission=CHANGE)
def record_correct(request, pk):
    record = get_object_or_404(
        restrict_to_branches(InterruptionRecord.objects.all(), request.user), pk=pk
    )
    form = RecordCorrectForm(request.POST)
    if form.is_valid():
        try:
            services.record_correct(
                record=record, actor=request.user, request=request, **form.cleaned_data
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The record was corrected."))
    else:
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("staff:reliability:event", record.event_id)
