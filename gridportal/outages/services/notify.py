"""What the hotline tells subscribers; the notifications module delivers it."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo

from django.core import signing
from django.db import transaction

from gridportal.grid.models import ServiceAddress
from gridportal.notifications.services import notification_dispatch

from ..models import Incident

STILL_OUT_SALT = "outages.still-out"

logger = logging.getLogger(__name__)


def subscribers_notify(*, event_key: str, substation_ids, template: str, context: dict) -> None:
    address_ids = list(
        ServiceAddress.objects.filter(substation_id__in=list(substation_ids)).values_list(
            "id", flat=True
        )
    )
    if not address_ids:
        return

    def send():
        notification_dispatch(
            event_key=event_key,
            address_ids=address_ids,
            template=f"outages/notifications/{template}",
            context=context,
        )

    transaction.on_commit(send)


def local_text(value: dt.datetime | None, tz_name: str = "Europe/Moscow") -> str:
    """A time as people read it in the branch's time zone, language-neutral (26.11.2026 18:00)."""
    if value is None:
        return ""
    return value.astimezone(zoneinfo.ZoneInfo(tz_name)).strftime("%d.%m.%Y %H:%M")


def incident_context(incident: Incident) -> dict:
    tz_name = incident.branch.timezone
    return {
        "etr_text": local_text(incident.etr, tz_name),
        "started_text": local_text(incident.started_at, tz_name),
        "incident_id": incident.pk,
        "incident_number": incident.number,
        "cause": incident.get_cause_display(),
        "etr": incident.etr,
        "started_at": incident.started_at,
        "restored_at": incident.restored_at,
        "public_message": incident.public_message,
        "still_out_token": still_out_token(incident=incident),
    }


def still_out_token(*, incident: Incident) -> str:
    return signing.dumps(incident.pk, salt=STILL_OUT_SALT)


def live_substations(incident: Incident) -> list[int]:
    return list(
        incident.coverage.filter(restored_at__isnull=True).values_list("substation_id", flat=True)
    )
