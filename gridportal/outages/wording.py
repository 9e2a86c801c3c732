"""One truth per incident: the status text people read, from the incident's and crew's state.

Every page, letter and API field that says where an incident stands uses `status_text`,
so «confirmed» and «no crew yet» can never be said of the same incident at once.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .choices import CrewStatus, IncidentStatus

_CONFIRMED = {
    CrewStatus.NOT_ASSIGNED: _("Technological outage confirmed; no crew assigned yet"),
    CrewStatus.DISPATCHED: _("Technological outage confirmed; a crew is on the way"),
    CrewStatus.ON_SITE: _("Technological outage confirmed; the crew is on site"),
    CrewStatus.REPAIRING: _("Technological outage confirmed; repairs are under way"),
    CrewStatus.TESTING: _("Technological outage confirmed; switching and testing"),
}

_CLOSED = {
    IncidentStatus.PREDICTED: _("Reports received; the dispatcher is checking them"),
    IncidentStatus.RESTORED: _("Power supply restored"),
    IncidentStatus.REJECTED: _("Not confirmed: no outage found"),
    IncidentStatus.MERGED: _("Merged into another technological outage"),
}


def status_text(status: str, crew_status: str) -> str:
    """The status sentence for an incident in `status` whose crew is in `crew_status`.

    A crew state only speaks while the outage is confirmed: a predicted incident has no
    crew yet, and after restoration the crew's last state is history.
    """
    if status == IncidentStatus.CONFIRMED:
        return str(_CONFIRMED.get(crew_status, _CONFIRMED[CrewStatus.NOT_ASSIGNED]))
    return str(_CLOSED.get(status, _CLOSED[IncidentStatus.PREDICTED]))


def incident_status_text(incident) -> str:
    return status_text(incident.status, incident.crew_status)
