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


def subscribers_notify(
    *, event_key: str, substation_ids, template: str, context: dict, service_event: str = ""
) -> None:
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
            service_event=service_event,
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


def subscription_current_state(*, subscription, **_kwargs) -> int:
    """A new subscriber of an address inside a live outage hears of it at once.

    The message is the outage's own «outage started» one, under the same event key, so a
    subscriber who already had it is not told twice (notification_dispatch is idempotent).
    """
    from ..choices import IncidentStatus
    from ..models import IncidentSubstation

    address = ServiceAddress.objects.filter(pk=subscription.address_id).first()
    if address is None or address.substation_id is None:
        return 0
    row = (
        IncidentSubstation.objects.filter(
            substation_id=address.substation_id,
            restored_at__isnull=True,
            incident__status=IncidentStatus.CONFIRMED,
        )
        .select_related("incident__branch")
        .order_by("incident__started_at")
        .first()
    )
    if row is None:
        return 0
    return notification_dispatch(
        event_key=f"outage:{row.incident_id}:started",
        address_ids=[address.pk],
        template="outages/notifications/outage_started",
        context=incident_context(row.incident),
    )
