"""Dispatcher actions on an incident, as a table: one small function per action.

Each entry names the permission it needs and a function that validates the posted form
and calls one service. The view looks the action up, runs it in the branch's local time
(times are typed as the dispatcher reads them) and writes one audit entry for it.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import restrict_to_branches
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from .. import selectors, services
from ..choices import ACTIVE_STATUSES, Level
from ..forms import (
    ElementMoveForm,
    EtrForm,
    IncidentUpdateForm,
    MergeForm,
    ReportsMoveForm,
    StepRestoreForm,
)
from ..models import Incident

CHANGE = "outages.change_incident"


def _valid(form, message: str | None = None):
    """The form's cleaned data, or the refusal with its errors (or one message)."""
    if not form.is_valid():
        raise ApplicationError(
            message or "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return form.cleaned_data


def _other_active(request, incident):
    return restrict_to_branches(
        Incident.objects.filter(status__in=ACTIVE_STATUSES, branch_id=incident.branch_id),
        request.user,
    ).exclude(pk=incident.pk)


def _confirm(request, incident) -> str:
    services.incident_confirm(incident=incident, actor=request.user)
    return _("Incident {n} confirmed. You can undo this for {m} minutes.").format(
        n=incident.number, m=_undo_minutes()
    )


def _reason(request) -> str:
    """The reason a dispatcher must give for a decision that closes an incident."""
    reason = " ".join(request.POST.get("reason", "").split())[:500]
    if not reason:
        raise ApplicationError(_("Say why: the reason is kept in the incident's history."))
    return reason


def _reject(request, incident) -> str:
    reason = _reason(request)
    services.incident_reject(incident=incident, actor=request.user, reason=reason)
    return _("Prediction {n} rejected. You can undo this for {m} minutes.").format(
        n=incident.number, m=_undo_minutes()
    )


def _assign_crew(request, incident) -> str:
    raw = request.POST.get("crew", "")
    crew = None
    if raw:
        crew = selectors.crews_for_user(user=request.user).filter(pk=raw if raw.isdigit() else 0)
        crew = crew.filter(branch_id=incident.branch_id).first()
        if crew is None:
            raise ApplicationError(_("Choose a crew of this branch."))
    services.incident_crew_assign(incident=incident, crew=crew, actor=request.user)
    return _("Incident {n}: crew assignment saved.").format(n=incident.number)


def _undo_minutes() -> int:
    return int(services.undo_window().total_seconds() // 60)


def _undo(request, incident) -> str:
    services.incident_undo(incident=incident, actor=request.user)
    return _("Incident {n}: the last decision was undone.").format(n=incident.number)


def _update(request, incident) -> str:
    data = _valid(IncidentUpdateForm(request.POST))
    services.incident_update(
        incident=incident,
        actor=request.user,
        cause=data["cause"],
        etr=data["etr"],
        crew_status=data["crew_status"],
        public_message=data["public_message"],
    )
    return _("Incident {n} updated.").format(n=incident.number)


def _etr(request, incident) -> str:
    data = _valid(EtrForm(request.POST))
    services.incident_update(incident=incident, actor=request.user, etr=data["etr"])
    return _("Incident {n} updated.").format(n=incident.number)


def _restore(request, incident) -> str:
    reason = _reason(request)
    services.incident_restore(incident=incident, actor=request.user, reason=reason)
    return _("Incident {n}: power restored. You can undo this for {m} minutes.").format(
        n=incident.number, m=_undo_minutes()
    )


def _step(request, incident) -> str:
    live = incident.coverage.filter(restored_at__isnull=True).select_related("substation")
    form = StepRestoreForm(request.POST, substations=[row.substation for row in live])
    data = _valid(form, _("Choose substations that are still out."))
    services.incident_step_restore(
        incident=incident, actor=request.user, substation_ids=data["substations"]
    )
    return _("Restored part recorded.")


def _merge(request, incident) -> str:
    candidates = _other_active(request, incident)
    data = _valid(
        MergeForm(request.POST, candidates=candidates), _("Choose the incidents to merge.")
    )
    services.incident_merge(
        target=incident,
        sources=list(candidates.filter(pk__in=data["sources"])),
        actor=request.user,
    )
    return _("Incidents merged.")


def _move_reports(request, incident) -> str:
    targets = _other_active(request, incident)
    form = ReportsMoveForm(
        request.POST, reports=selectors.incident_reports(incident=incident), targets=targets
    )
    data = _valid(form, _("Choose at least one report of this incident."))
    services.incident_reports_move(
        incident=incident,
        report_ids=data["reports"],
        actor=request.user,
        target=targets.filter(pk=data["target"]).first(),
    )
    return _("Reports moved.")


def _move_element(request, incident) -> str:
    data = _valid(ElementMoveForm(request.POST), _("Choose a network level and element."))
    element_id = selectors.element_by_name(
        branch_id=incident.branch_id, level=data["level"], name=data["element"]
    )
    if element_id is None:
        raise ApplicationError(
            _("No {level} «{name}» in this branch: choose a dispatch name from the list.").format(
                level=Level(data["level"]).label, name=data["element"]
            )
        )
    services.incident_element_move(
        incident=incident, actor=request.user, level=data["level"], element_id=element_id
    )
    return _("Incident moved to another element.")


@dataclass(frozen=True)
class IncidentAction:
    run: Callable[..., str]  # (request, incident) -> the success message
    permission: str = CHANGE


ACTIONS: dict[str, IncidentAction] = {
    "confirm": IncidentAction(_confirm),
    "reject": IncidentAction(_reject),
    "update": IncidentAction(_update),
    "etr": IncidentAction(_etr),
    "restore": IncidentAction(_restore),
    "step": IncidentAction(_step),
    "merge": IncidentAction(_merge),
    "move-reports": IncidentAction(_move_reports),
    "move-element": IncidentAction(_move_element),
    "undo": IncidentAction(_undo),
    "assign-crew": IncidentAction(_assign_crew),
}


def next_url(request, default: str) -> str:
    """Where to go back after a POST: the form's `next` if it stays on this site, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default


@require_POST
@staff_required(permission=CHANGE)
def incident_action(request, pk, action):
    """Run one action of the table on an incident of the dispatcher's branches."""
    entry = ACTIONS.get(action)
    if entry is None:
        raise Http404
    if not request.user.has_perm(entry.permission):
        raise Http404
    incident = selectors.incident_get_for_user(user=request.user, pk=pk)
    done_url = next_url(request, reverse("staff:outages:incident", args=[incident.pk]))
    try:
        with (
            timezone.override(zoneinfo.ZoneInfo(incident.branch.timezone)),
            transaction.atomic(),
        ):
            message = entry.run(request, incident)
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE,
                obj=incident,
                request=request,
                details={"action": action},
            )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect(done_url)
