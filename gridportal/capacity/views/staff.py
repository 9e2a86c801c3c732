"""Staff console: imports, recalculation, quarterly publication, the overloaded-centre list."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.core.exceptions import ApplicationError
from gridportal.core.uploads import private_file_response

from .. import jobs, rules, selectors, services, tasks
from ..choices import CapacityStatus, Constraint, ImportKind, ImportStatus
from ..forms import PublishForm, UploadForm

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
        "imports": [
            (job, jobs.import_progress(job), jobs.row_summary(job))
            for job in selectors.imports_for_user(user=request.user)[:5]
        ],
    }
    context.update(extra)
    return context


@staff_required(permission=VIEW)
def dashboard(request):
    return render(request, "capacity/staff/dashboard.html", _dashboard_context(request))


def _import(request, *, prefix, kind):
    """Keep the file with its import record; import it now, or in the background if large."""
    form = UploadForm(request.POST, request.FILES, prefix=prefix)
    if not form.is_valid():
        context = _dashboard_context(request)
        context[_FORM_KEYS[prefix]] = form
        return render(request, "capacity/staff/dashboard.html", context, status=400)
    record = jobs.capacity_import_start(
        kind=kind,
        upload=form.cleaned_data["file"],
        user=request.user,
        language=translation.get_language() or "",
    )
    if jobs.runs_in_background(record):
        transaction.on_commit(lambda: tasks.capacity_import.delay(record.pk))
        messages.info(
            request,
            _("The file is large: it is being imported in the background; see its status below."),
        )
        return redirect("staff:capacity:dashboard")
    record = jobs.capacity_import_run(import_id=record.pk)
    if record.status == ImportStatus.FAILED:
        context = _dashboard_context(
            request, import_errors=record.errors, import_message=record.message
        )
        context[_FORM_KEYS[prefix]] = form
        return render(request, "capacity/staff/dashboard.html", context, status=400)
    messages.success(request, jobs.summary(record))
    return redirect("staff:capacity:dashboard")


@require_POST
@staff_required(permission="capacity.add_loadmeasurement")
def import_measurements(request):
    return _import(request, prefix="measurements", kind=ImportKind.MEASUREMENTS)


@require_POST
@staff_required(permission="capacity.add_committedcapacity")
def import_commitments(request):
    return _import(request, prefix="commitments", kind=ImportKind.COMMITMENTS)


@staff_required(permission=VIEW)
def import_status(request, pk):
    """One status row of an uploaded file; htmx asks for it again while the import runs."""
    record = get_object_or_404(selectors.imports_for_user(user=request.user), pk=pk)
    return render(
        request,
        "capacity/staff/_import_status.html",
        {
            "job": record,
            "progress": jobs.import_progress(record),
            "summary": jobs.row_summary(record),
        },
    )


@staff_required(permission=VIEW)
def import_file(request, pk):
    """The uploaded file itself, to its uploader (and administrators) only."""
    record = get_object_or_404(selectors.imports_for_user(user=request.user), pk=pk)
    return private_file_response(stored_name=record.stored_file, download_name=record.source_file)


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
