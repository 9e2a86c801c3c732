"""The crew register: a branch's field crews and which incident each is assigned to."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError

from ..choices import CrewStatus, EventKind
from ..models import Crew, Incident
from .events import event_record


def crew_create(*, branch, name: str, leader: str, phone: str, members: str = "", district=None):
    name = " ".join(name.split())
    if Crew.objects.filter(branch=branch, name__iexact=name).exists():
        raise ApplicationError(_("This branch already has a crew «{name}».").format(name=name))
    return Crew.objects.create(
        branch=branch, district=district, name=name, leader=leader, phone=phone, members=members
    )


@transaction.atomic
def incident_crew_assign(*, incident: Incident, crew: Crew | None, actor) -> Incident:
    """Assign a crew of the incident's branch (or none); «no crew yet» becomes «on the way»."""
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if crew is not None and crew.branch_id != incident.branch_id:
        raise ApplicationError(_("The crew belongs to another branch."), code="crew")
    incident.crew = crew
    if crew is not None and incident.crew_status == CrewStatus.NOT_ASSIGNED:
        incident.crew_status = CrewStatus.DISPATCHED
    if crew is None:
        incident.crew_status = CrewStatus.NOT_ASSIGNED
    incident.save(update_fields=["crew", "crew_status", "updated_at"])
    event_record(
        incident,
        EventKind.CREW,
        actor=actor,
        public=False,
        text=str(crew) if crew else "",
        details={"crew_status": incident.crew_status, "crew": crew.pk if crew else None},
    )
    return incident
