"""The appeals console: queue, one appeal with its actions, staff registration, registry."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import user_branches
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.services import audit_record
from gridportal.core.tabular import write_xlsx
from gridportal.core.uploads import private_file_response
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import selectors, services
from ..choices import Channel, Status
from ..forms import (
    QueueFilterForm,
    RegistryFilterForm,
    StaffAppealForm,
    _address,
)
from ..report import yearly_table
from .appeal_actions import ACTIONS, action_forms

VIEW = "appeals.view_appeal"
ADD = "appeals.add_appeal"


@staff_required(permission=VIEW)
def queue(request):
    form = QueueFilterForm(request.GET or None, branches=user_branches(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    appeals = selectors.queue_for_user(user=request.user, filters=filters)
    page = Paginator(appeals, 50).get_page(request.GET.get("page"))
    today = timezone.localdate()
    soon = selectors.due_soon_days(today)
    rows = [(a, services.state_of(a, today=today, soon_days=soon)) for a in page]
    return render(
        request,
        "appeals/staff/queue.html",
        {"form": form, "page": page, "rows": rows, "soon_days": soon},
    )


@staff_required(permission=ADD)
def register(request):
    """Register a paper, phone or office appeal through the same intake as the web form."""
    if request.method == "POST":
        form = StaffAppealForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            try:
                receipt = services.appeal_submit(
                    submission=form.submission(),
                    origin=Origin.from_request(
                        request, channel=form.cleaned_data["channel"], staff=True
                    ),
                )
            except ApplicationError as error:
                status = form.intake_refused(error)
            else:
                appeal = receipt.appeal
                audit_record(
                    actor=request.user, action=AuditAction.CREATE, obj=appeal, request=request
                )
                messages.success(
                    request,
                    _("Registered as {number}; tracking code for the person: {code}").format(
                        number=appeal.number, code=receipt.code
                    ),
                )
                return redirect("staff:appeals:detail", number=appeal.number)
        address = form.cleaned_data.get("address") or _address(request.POST.get("address"))
        return render(
            request,
            "appeals/staff/register.html",
            {"form": form, "address": address},
            status=status,
        )
    context = address_lookup(request).context(pick_url=reverse("staff:appeals:register"))
    if request.htmx and not request.GET.get("address"):
        return render(request, RESULTS_TEMPLATE, context)
    if request.GET.get("address"):
        address = _address(request.GET["address"])
        if address is None:
            raise Http404
        context["address"] = address
        context["form"] = StaffAppealForm(
            initial={"address": address.pk, "channel": Channel.PHONE, "answer_channel": ""}
        )
    return render(request, "appeals/staff/register.html", context)


def _appeal(request, number):
    appeal = selectors.appeal_get_for_user(user=request.user, number=number)
    if appeal is None:
        raise Http404
    return appeal


def _detail_context(request, appeal, **bound) -> dict:
    today = timezone.localdate()
    return {
        "appeal": appeal,
        # The heading keeps «А-2026-000205» on one line: a phone broke it at a hyphen.
        "number_html": format_html('<span class="appeal-number">{}</span>', appeal.number),
        "state": services.state_of(appeal, today=today),
        "events": appeal.events.select_related("actor").prefetch_related("attachments"),
        "attachments": appeal.attachments.all(),
        "reopen_until": services.reopen_deadline(appeal),
        "redirect_by": services.redirect_by(appeal),
        "open": appeal.status in (Status.REGISTERED, Status.IN_PROGRESS, Status.WAITING),
        **action_forms(request, appeal, bound),
    }


@staff_required(permission=VIEW)
def detail(request, number):
    appeal = _appeal(request, number)
    audit_record(actor=request.user, action=AuditAction.VIEW, obj=appeal, request=request)
    return render(request, "appeals/staff/detail.html", _detail_context(request, appeal))


@require_POST
@staff_required(permission="appeals.change_appeal")
def act(request, number, action):
    appeal = _appeal(request, number)
    if action not in ACTIONS:
        raise Http404
    form_class, run, done = ACTIONS[action]
    form = form_class(request.POST, request.FILES, **_form_kwargs(request, appeal, action))
    if form.is_valid():
        try:
            run(request, appeal, form.cleaned_data)
        except ApplicationError as error:
            form.add_error(error.code if error.code in form.fields else None, error.message)
        else:
            messages.success(request, done)
            return redirect("staff:appeals:detail", number=appeal.number)
    appeal.refresh_from_db()
    return render(
        request,
        "appeals/staff/detail.html",
        _detail_context(request, appeal, **{action: form}),
        status=400,
    )


def _form_kwargs(request, appeal, action) -> dict:
    from .appeal_actions import form_kwargs

    return form_kwargs(request, appeal, action)


@staff_required(permission=VIEW)
def attachment(request, number, pk):
    appeal = _appeal(request, number)
    file = appeal.attachments.filter(pk=pk).first()
    if file is None:
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=appeal,
        request=request,
        details={"attachment": file.pk},
    )
    return private_file_response(stored_name=file.stored_name, download_name=file.original_name)


REGISTRY_HEADER = (
    gettext_lazy("Registration number"),
    gettext_lazy("Registered"),
    gettext_lazy("Channel"),
    gettext_lazy("Type"),
    gettext_lazy("Topic"),
    gettext_lazy("Branch"),
    gettext_lazy("District"),
    gettext_lazy("Address"),
    gettext_lazy("Name"),
    gettext_lazy("Contacts"),
    gettext_lazy("Status"),
    gettext_lazy("Answer due"),
    gettext_lazy("Answered"),
    gettext_lazy("Justified"),
    gettext_lazy("Subject"),
    gettext_lazy("Sent to"),
)


def _registry_rows(appeals):
    for a in appeals:
        yield [
            a.number,
            timezone.localtime(a.registered_at).strftime("%d.%m.%Y %H:%M"),
            str(a.get_channel_display()),
            str(a.get_appeal_type_display()),
            str(a.get_topic_display()),
            a.branch.name,
            a.district.name if a.district else "",
            a.address.label if a.address else "",
            a.name if not a.anonymous else _("anonymous"),
            ", ".join(x for x in (a.phone, a.email, a.postal_address) if x),
            str(a.get_status_display()),
            a.due_on,
            timezone.localtime(a.answered_at).strftime("%d.%m.%Y") if a.answered_at else "",
            str(a.get_justified_display()) if a.justified else "",
            str(a.get_subject_display()) if a.subject else "",
            a.redirected_to,
        ]


@staff_required(permission=VIEW)
def registry(request):
    """«Журнал обращений»: every registered appeal of the staff member's branches."""
    form = RegistryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    appeals = selectors.registry_for_user(user=request.user, filters=filters)
    if request.GET.get("format") == "xlsx":
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORT,
            obj=None,
            request=request,
            details={"export": "appeals.registry", "rows": appeals.count()},
        )
        header = [str(h) for h in REGISTRY_HEADER]
        content = write_xlsx([header, *_registry_rows(appeals)], sheet_title=_("Register"))
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="appeals-registry.xlsx"'
        return response
    page = Paginator(appeals, 100).get_page(request.GET.get("page"))
    # The register shows people's names and contacts: the view is logged like a record's.
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=None,
        request=request,
        details={"list": "appeals.registry", "page": page.number},
    )
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    return render(
        request,
        "appeals/staff/registry.html",
        {"form": form, "page": page, "export_query": query.urlencode()},
    )


@staff_required(permission=VIEW)
def report(request):
    """The yearly service-quality tables: per channel, year N−1 vs N, % change."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year + 1)
    table = yearly_table(
        selectors.yearly_counts(user=request.user, year=year - 1),
        selectors.yearly_counts(user=request.user, year=year),
    )
    return render(
        request,
        "appeals/staff/report.html",
        {
            "year": year,
            "previous": year - 1,
            "table": table,
            "channels": Channel,
            "years": range(this_year - 4, this_year + 1),
        },
    )
