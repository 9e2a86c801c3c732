"""The register of customers with special needs: list, add, correct, erase on withdrawal.

Health data (152-FZ art. 10): every view of an entry is audited, edits name the fields
they changed, and a withdrawal of consent erases the entry (services/special_needs.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import user_branches
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.grid.lookup import address_lookup

from .. import selectors, services
from ..forms import SpecialNeedsForm

VIEW = "outages.view_specialneedscustomer"
CHANGE = "outages.change_specialneedscustomer"
DELETE = "outages.delete_specialneedscustomer"


def _viewed(request, rows) -> None:
    for row in rows:
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            obj=row,
            request=request,
            details={"register": "special_needs"},
        )


@staff_required(permission=VIEW)
def special_needs(request):
    """The special-needs register of the dispatcher's branches; every view is audited."""
    lookup = address_lookup(request)
    address = None
    raw = request.POST.get("address") or request.GET.get("address")
    if raw:
        address = selectors.address_get(raw)
        if address is None or address.branch not in user_branches(request.user):
            raise Http404
    form = SpecialNeedsForm(
        request.POST or None, initial={"address": address.pk if address else None}
    )
    status = 200
    if request.method == "POST":
        if not request.user.has_perm("outages.add_specialneedscustomer") or address is None:
            raise Http404
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.special_needs_add(
                    address=address,
                    name=data["name"],
                    phone=data["phone"],
                    need=data["need"],
                    notes=data["notes"],
                    consent_given=data["consent"],
                    actor=request.user,
                    request=request,
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Added to the special-needs register."))
                return redirect("staff:outages:special-needs")
    rows = list(selectors.special_needs_for_user(user=request.user))
    _viewed(request, rows)
    return render(
        request,
        "outages/staff/special_needs.html",
        {"rows": rows, "form": form, "address": address, **lookup.context()},
        status=status,
    )


def _entry(request, pk):
    return get_object_or_404(selectors.special_needs_for_user(user=request.user), pk=pk)


@staff_required(permission=CHANGE)
def special_needs_edit(request, pk):
    """Correct an entry of the dispatcher's branches (another branch's entry is not found)."""
    row = _entry(request, pk)
    initial = {
        "address": row.address_id,
        "name": row.name,
        "phone": row.phone,
        "need": row.need,
        "notes": row.notes,
    }
    form = SpecialNeedsForm(request.POST or None, initial=initial)
    form.fields["address"].required = False
    if row.consent_id is not None:
        del form.fields["consent"]  # given already; withdrawing it is the button below
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.special_needs_update(
                    row=row,
                    name=data["name"],
                    phone=data["phone"],
                    need=data["need"],
                    notes=data["notes"],
                    consent_given=data.get("consent", False),
                    actor=request.user,
                    request=request,
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The entry is saved."))
                return redirect("staff:outages:special-needs")
    _viewed(request, [row])  # the page shows the entry: every showing is audited
    return render(
        request,
        "outages/staff/special_needs_edit.html",
        {"row": row, "form": form},
        status=status,
    )


@require_POST
@staff_required(permission=DELETE)
def special_needs_withdraw(request, pk):
    """The person withdrew consent: the entry and its health data are erased (audited)."""
    row = _entry(request, pk)
    services.special_needs_withdraw(row=row, actor=request.user, request=request)
    messages.success(
        request, _("Consent withdrawn: the entry and its health data are erased from the register.")
    )
    return redirect("staff:outages:special-needs")
