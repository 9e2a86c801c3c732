"""Connection staff console: request-intentions as leads of the staff member's branches."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gridportal.accounts.decorators import staff_required

from .. import selectors, services
from ..choices import IntentionStatus
from ..forms import LeadForm

VIEW = "connection.view_connectionintention"
CHANGE = "connection.change_connectionintention"


@staff_required(permission=VIEW)
def leads(request):
    qs = selectors.intentions_for_user(user=request.user)
    status = request.GET.get("status", "")
    if status in IntentionStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "connection/staff/leads.html",
        {"page": page, "status": status, "statuses": IntentionStatus.choices},
    )


@staff_required(permission=VIEW)
def lead_detail(request, number: str):
    intention = selectors.intention_get_for_user(user=request.user, number=number)
    if request.method == "POST":
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        form = LeadForm(request.POST)
        if form.is_valid():
            services.intention_handle(
                intention=intention,
                actor=request.user,
                status=form.cleaned_data["status"],
                staff_note=form.cleaned_data["staff_note"],
                request=request,
            )
            messages.success(request, _("Saved."))
            return redirect("staff:connection:lead", number=number)
        status = 400
    else:
        form = LeadForm(initial={"status": intention.status, "staff_note": intention.staff_note})
        services.intention_contact_view(intention=intention, actor=request.user, request=request)
        status = 200
    return render(
        request,
        "connection/staff/lead.html",
        {"intention": intention, "answer": intention.answer, "form": form},
        status=status,
    )
