from django.core.paginator import Paginator
from django.shortcuts import render

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import restrict_to_branches, user_branches
from gridportal.grid.models import PowerCentre, ServiceAddress, Substation

from ..models import AuditLogEntry


@staff_required
def home(request):
    branches = user_branches(request.user).order_by("name")
    stats = {
        "power_centres": restrict_to_branches(PowerCentre.objects.all(), request.user).count(),
        "substations": restrict_to_branches(Substation.objects.all(), request.user).count(),
        "addresses": restrict_to_branches(ServiceAddress.objects.all(), request.user).count(),
    }
    return render(request, "core/staff/home.html", {"branches": branches, "stats": stats})


@staff_required(permission="core.view_auditlogentry")
def audit_log(request):
    entries = restrict_to_branches(
        AuditLogEntry.objects.select_related("actor", "branch"), request.user
    )
    if request.user.is_superuser or request.user.all_branches:
        entries = AuditLogEntry.objects.select_related("actor", "branch")
    actor = request.GET.get("actor", "").strip()
    if actor:
        entries = entries.filter(actor__username__icontains=actor)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/staff/audit_log.html", {"page": page, "actor": actor})
