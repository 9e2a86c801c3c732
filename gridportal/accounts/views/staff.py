"""The staff console's own pages: its home and the audit log.

They live in accounts because both depend on who asks: the branches of a role and
its permissions. The figures on the home page come from the apps above, each
naming a function in its AppConfig (`staff_home_figures`), the way the
navigation is built (core/navigation.py), so accounts imports none of them.
"""

from django.apps import apps
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.module_loading import import_string

from gridportal.core.models import AuditLogEntry

from ..decorators import staff_required
from ..scoping import restrict_to_branches, user_branches


def staff_home_figures(user) -> list[dict]:
    """Each installed app's figures for this user: [{"label", "value"}], in INSTALLED_APPS order."""
    figures = []
    for config in apps.get_app_configs():
        dotted = getattr(config, "staff_home_figures", None)
        if dotted:
            figures.extend(
                {"label": label, "value": value}
                for label, value in import_string(dotted)(user=user)
            )
    return figures


@staff_required
def home(request):
    branches = user_branches(request.user).order_by("name")
    figures = staff_home_figures(request.user)
    return render(request, "accounts/staff/home.html", {"branches": branches, "figures": figures})


@staff_required(permission="core.view_auditlogentry")
def audit_log(request):
    entries = restrict_to_branches(
        AuditLogEntry.objects.select_related("actor", "branch"), request.user
    )
    actor = request.GET.get("actor", "").strip()
    if actor:
        entries = entries.filter(actor__username__icontains=actor)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/staff/audit_log.html", {"page": page, "actor": actor})
