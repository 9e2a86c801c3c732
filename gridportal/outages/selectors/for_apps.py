"""Reads other capabilities (appeals, the front desk) call: small, stable, plain values."""

from __future__ import annotations

from gridportal.grid.models import ServiceAddress

from ..choices import IncidentStatus
from ..snapshot import IncidentView
from .lookup import incident_views


def live_incident_at(*, address: ServiceAddress) -> IncidentView | None:
    """The confirmed outage now covering this address (the earliest one), or None.

    Only confirmed incidents: a prediction from reports is not yet told to the public.
    """
    if address is None or not address.substation_id:
        return None
    confirmed = [
        view
        for view in incident_views(substation_ids=[address.substation_id])
        if view.status == IncidentStatus.CONFIRMED
        and address.substation_id in view.live_substations
    ]
    return confirmed[0] if confirmed else None
