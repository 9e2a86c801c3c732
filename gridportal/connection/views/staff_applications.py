"""Connection staff: the queue of applications by stage with due dates, and the actions."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.accounts.decorators import staff_required
from gridportal.capacity import selectors as capacity
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.core.uploads import private_file_response

from .. import selectors, timeline
from ..choices import OPEN_STAGES, Stage
from ..forms import (
    CommentForm,
    CompanyWorksForm,
    DocumentsRequestForm,
    EnergizeForm,
    InspectionForm,
    OfferForm,
    PaymentForm,
)
from ..services import applications as services

VIEW = "connection.view_connectionapplication"
CHANGE = "connection.change_connectionapplication"
DUE_SOON_DAYS = 3


def _due(a):
    return timeline.stage_due(a)


def _colour(due, today):
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due-soon"
    return ""


@staff_required(permission=VIEW)
def queue(request):
    today = timezone.localdate()
    stage = request.GET.get("stage", "")
    qs = selectors.applications_for_user(user=request.user)
    qs = qs.filter(stage=stage) if stage in Stage.values else qs.filter(stage__in=OPEN_STAGES)
    rows = [(a, _due(a), _colour(_due(a), today)) for a in qs.order_by("created_at")[:300]]
    rows.sort(key=lambda r: (r[1] is None, r[1] or today))
    return render(
        request,
        "connection/staff/queue.html",
        {
            "rows": rows,
            "stage": stage,
            "stages": [s for s in Stage.choices if s[0] != Stage.DRAFT],
            "overdue": sum(1 for r in rows if r[2] == "overdue"),
        },
    )


def _centres(application):
    answer = capacity.connection_candidates(
        address=application.address,
        power_kw=application.power_new_kw,
        voltage_kv=application.voltage,
    )
    seen, choices = set(), []
    for c in answer.candidates:
        if c.kind == "power_centre" and c.element_id not in seen:
            seen.add(c.element_id)
            choices.append((c.element_id, c.name))
    return choices, answer


# action -> (form, service, the service's own arguments from the form's cleaned data)
ACTIONS = {
    "request": (
        DocumentsRequestForm,
        "application_documents_request",
        lambda d: {"text": d["text"]},
    ),
    "offer": (
        OfferForm,
        "application_offer_issue",
        lambda d: {
            "power_centre_id": d["power_centre"],
            "substation_name": d["substation_name"],
            "fee_total": d["fee_total"],
        },
    ),
    "payment": (PaymentForm, "application_payment_record", lambda d: {"paid_on": d["paid_on"]}),
    "works": (
        CompanyWorksForm,
        "application_company_works_done",
        lambda d: {"done_on": d["done_on"]},
    ),
    "inspection": (
        InspectionForm,
        "application_inspection_record",
        lambda d: {"inspected_on": d["inspected_on"], "note": d["note"]},
    ),
    "act": (None, "application_act_issue", lambda d: {}),
    "complete": (
        EnergizeForm,
        "application_complete",
        lambda d: {"energized_on": d["energized_on"]},
    ),
    "comment": (CommentForm, "application_comment", lambda d: {"text": d["text"]}),
    "assign": (None, "application_assign", lambda d: {}),
}


@staff_required(permission=VIEW)
def detail(request, number: str):
    application = selectors.application_get_for_user(user=request.user, number=number)
    centres, answer = _centres(application)
    forms = {
        "request": DocumentsRequestForm(),
        "offer": OfferForm(
            centres=centres,
            initial={
                "substation_name": application.address.substation.name
                if application.address.substation_id
                else ""
            },
        ),
        "payment": PaymentForm(initial={"paid_on": timezone.localdate()}),
        "works": CompanyWorksForm(initial={"done_on": timezone.localdate()}),
        "inspection": InspectionForm(initial={"inspected_on": timezone.localdate()}),
        "complete": EnergizeForm(initial={"energized_on": timezone.localdate()}),
        "comment": CommentForm(),
    }
    status = 200
    if request.method == "POST":
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return render(request, "connection/staff/application.html", {}, status=400)
        form_class, service_name, arguments = ACTIONS[action]
        form = None
        if form_class is not None:
            form = (
                form_class(request.POST, centres=centres)
                if form_class is OfferForm
                else form_class(request.POST)
            )
            forms[action] = form
        if form is None or form.is_valid():
            data = form.cleaned_data if form is not None else {}
            kwargs = {"application": application, "actor": request.user, "request": request}
            kwargs.update(arguments(data))
            if action == "assign":
                kwargs["assignee"] = request.user
            try:
                getattr(services, service_name)(**kwargs)
            except ApplicationError as error:
                if form is not None and error.code in form.fields:
                    form.add_error(error.code, str(error.message))
                else:
                    messages.error(request, str(error.message))
                status = error.status
            else:
                messages.success(request, _("Saved."))
                return redirect("staff:connection:application", number=number)
        else:
            status = 400
    else:
        audit_record(
            actor=request.user,
            action="view",
            obj=application,
            branch=application.branch,
            request=request,
            details={"number": application.number},
        )
    today = timezone.localdate()
    documents = list(application.documents.all())
    return render(
        request,
        "connection/staff/application.html",
        {
            "application": application,
            "steps": [
                (s, s.state(today))
                for s in timeline.steps(application, today=today, documents=documents)
            ],
            "events": application.events.all(),
            "documents": documents,
            "forms": forms,
            "answer": answer,
            "due_colour": _colour(_due(application), today),
        },
        status=status,
    )


@staff_required(permission=VIEW)
def document(request, number: str, pk: int):
    application = selectors.application_get_for_user(user=request.user, number=number)
    doc = application.documents.filter(pk=pk).first()
    if doc is None:
        from django.http import Http404

        raise Http404
    audit_record(
        actor=request.user,
        action="view",
        obj=application,
        branch=application.branch,
        request=request,
        details={"number": application.number, "document": doc.pk, "kind": doc.kind},
    )
    return private_file_response(stored_name=doc.stored_file, download_name=doc.file_name)


@staff_required(permission=VIEW)
def report(request, fmt: str | None = None):
    """Received / annulled / completed and capacity connected, per branch, category, voltage
    and quarter, of the staff member's branches; CSV and XLSX for the disclosure."""
    from django.http import Http404, HttpResponse

    from .. import reports

    qs = selectors.applications_for_user(user=request.user)
    rows = reports.report_rows(qs)
    if fmt is not None:
        if fmt not in ("csv", "xlsx"):
            raise Http404
        audit_record(
            actor=request.user,
            action="export",
            obj=None,
            request=request,
            details={"connection_report": fmt, "rows": len(rows)},
        )
        body = reports.to_csv(rows) if fmt == "csv" else reports.to_xlsx(rows)
        content_type = (
            "text/csv; charset=utf-8"
            if fmt == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="connection-report.{fmt}"'
        return response
    return render(
        request,
        "connection/staff/report.html",
        {
            "rows": rows,
            "headers": reports.HEADERS,
            "overdue": reports.overdue_counts(qs, today=timezone.localdate()),
        },
    )
