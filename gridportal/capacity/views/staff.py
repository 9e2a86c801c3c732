"""Staff console: imports, recalculation, quarterly publication, the overloaded-centre list."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.core.exceptions import ApplicationError

from .. import rules, selectors, services
from ..choices import CapacityStatus, Constraint
from ..forms import PublishForm, UploadForm
from ..importers import ImportRejected

VIEW = "capacity.view_capacityassessment"
_FORM_KEYS = {"measurements": "measurement_form", "commitments": "commitment_form"}


def _dashboard_context(request, **extra):
    qs = selectors.staff_assessments(user=request.user)
    context = {
        "counts": {
            "open": qs.filter(status=CapacityStatus.OPEN).count(),
            "closed": qs.filter(status=CapacityStatus.CLOSED).count(),
            "overloaded": qs.filter(constraint=Constraint.OVERLOADED).count(),
        },
        "snapshots": selectors.published_snapshots()[:8],
        "measurement_form": UploadForm(prefix="measurements"),
        "commitment_form": UploadForm(prefix="commitments"),
        "publish_form": PublishForm(
            prefix="publish", initial={"as_of": rules.quarter_start(timezone.localdate())}
        ),
        "can_publish": request.user.has_perm("capacity.add_capacitysnapshot"),
        "can_import_measurements": request.user.has_perm("capacity.add_loadmeasurement"),
        "can_import_commitments": request.user.has_perm("capacity.add_committedcapacity"),
        "import_errors": [],
    }
    context.update(extra)
    return context


@staff_required(permission=VIEW)
def dashboard(request):
    return render(request, "capacity/staff/dashboard.html", _dashboard_context(request))


def _import(request, *, prefix, service, ok_message):
    form = UploadForm(request.POST, request.FILES, prefix=prefix)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = service(name=upload.name, content=upload.content, user=request.user)
        except ImportRejected as exc:
            context = _dashboard_context(
                request, import_errors=exc.errors, import_message=exc.message
            )
            context[_FORM_KEYS[prefix]] = form
            return render(request, "capacity/staff/dashboard.html", context, status=400)
        messages.success(request, ok_message.format(**result))
        return redirect("staff:capacity:dashboard")
    context = _dashboard_context(request)
    context[_FORM_KEYS[prefix]] = form
    return render(request, "capacity/staff/dashboard.html", context, status=400)


@require_POST
@staff_required(permission="capacity.add_loadmeasurement")
def import_measurements(request):
    return _import(
        request,
        prefix="measurements",
        service=services.measurements_import,
        ok_message=_(
            "Imported: {created} new and {updated} corrected measurements for "
            "{power_centres} power centre(s); their capacity is recalculated."
        ),
    )


@require_POST
@staff_required(permission="capacity.add_committedcapacity")
def import_commitments(request):
    return _import(
        request,
        prefix="commitments",
        service=services.commitments_import,
        ok_message=_(
            "Imported: {created} new and {updated} changed commitments for "
            "{power_centres} power centre(s); their capacity is recalculated."
        ),
    )


@require_POST
@staff_required(permission=VIEW)
def recalculate(request):
    ids = list(selectors.power_centres_for_user(user=request.user).values_list("id", flat=True))
    count = services.capacity_recalculate(power_centre_ids=ids)
    messages.success(
        request,
        ngettext(
            "Recalculated {count} power centre.", "Recalculated {count} power centres.", count
        ).format(count=count),
    )
    return redirect("staff:capacity:dashboard")


@staff_required(permission=VIEW)
def preview(request):
    """What a publication would show for the staff member's branches, today."""
    qs = selectors.staff_assessments(user=request.user).order_by(
        "power_centre__branch__name", "power_centre__dispatch_number"
    )
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "capacity/staff/preview.html",
        {"page": page, "as_of": rules.quarter_start(timezone.localdate())},
    )


@require_POST
@staff_required(permission="capacity.add_capacitysnapshot")
def publish(request):
    form = PublishForm(request.POST, prefix="publish")
    if form.is_valid():
        try:
            snapshot = services.capacity_snapshot_publish(
                as_of=form.cleaned_data["as_of"], actor=request.user
            )
        except ApplicationError as exc:
            form.add_error("as_of", exc.message)
        else:
            messages.success(
                request,
                _("Published the quarter as of {day}.").format(
                    day=snapshot.as_of.strftime("%d.%m.%Y")
                ),
            )
            return redirect("staff:capacity:dashboard")
    return render(
        request,
        "capacity/staff/dashboard.html",
        _dashboard_context(request, publish_form=form),
        status=400,
    )


@staff_required(permission=VIEW)
def overloaded(request):
    """Centres whose measured load exceeds the permissible N-1 load, for the planning department."""
    rows = list(selectors.overloaded_for_user(user=request.user))
    for r in rows:
        r.excess_mva = r.load_mva - r.permissible_mva
    return render(request, "capacity/staff/overloaded.html", {"rows": rows})
