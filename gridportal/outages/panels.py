"""The hotline's sections of the address page (grid/address_panels.py, decision 0015).

`outage_panel` (order 10): the live technological outage with its estimated restoration
time, or that none is known; report, «still without power?», subscribe.
`planned_panel` (order 20): planned work ahead, with the calendar link.
`element_states`: the live state of the address's ТП, feeder and power centre.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.grid.address_panels import AddressPanel, ElementState

from . import selectors
from .choices import ACTIVE_STATUSES, Cause, IncidentStatus, Level, PlannedStatus
from .models import Incident
from .snapshot import State
from .wording import status_text


def _subscribe_url(address) -> str:
    from .views.public import _subscribe_url as base

    url = base()
    return f"{url}?address={address.pk}" if url else ""


def outage_panel(request, address) -> AddressPanel:
    answer = selectors.address_status(address=address)
    incident = answer.incident
    report_url = f"{reverse('outages:report')}?address={address.pk}"
    data = {
        "state": answer.state,
        "incident": None,
        "report_url": report_url,
        "subscribe_url": _subscribe_url(address),
    }
    text = ""
    if incident is not None:
        text = status_text(incident.status, incident.crew_status)
        data["incident"] = {
            "id": incident.id,
            "status": incident.status,
            "crew_status": incident.crew_status,
            "status_text": text,
            "cause": incident.cause,
            "started_at": incident.started_at,
            "estimated_restoration": incident.etr,
            "estimate_updated_at": incident.etr_updated_at,
            "customers_out": incident.customers_out,
            "public_message": incident.public_message,
        }
    html = render_to_string(
        "outages/public/_address_outage.html",
        {
            "answer": answer,
            "state": answer.state,
            "State": State,
            "incident": incident,
            "status_text": text,
            "cause_label": Cause(incident.cause).label if incident else "",
            "address": address,
            "report_url": report_url,
            "subscribe_url": data["subscribe_url"],
            "tz": address.branch.timezone,
        },
        request=request,
    )
    return AddressPanel(key="outage", title=_("Power supply now"), html=html, data=data, order=10)


def planned_panel(request, address) -> AddressPanel:
    works = list(
        selectors.planned_for_address(address=address).filter(status=PlannedStatus.SCHEDULED)[:20]
    )
    data = {
        "planned": [
            {"id": w.pk, "starts_at": w.starts_at, "ends_at": w.ends_at, "reason": w.reason}
            for w in works
        ],
        "ical_url": reverse("outages:planned-ics", args=[address.pk]),
    }
    html = render_to_string(
        "outages/public/_address_planned.html",
        {"works": works, "address": address, "tz": address.branch.timezone, **data},
        request=request,
    )
    return AddressPanel(key="planned", title=_("Planned work"), html=html, data=data, order=20)


def element_states(request, address, chain) -> dict[str, ElementState]:
    """ТП: what the look-up answer says; feeder and centre: a live outage on them, if any."""
    if chain.get("substation") is None:
        return {}
    answer = selectors.address_status(address=address)
    substation = {
        State.OUTAGE: ElementState("outage", _("No power supply: technological outage"), "off"),
        State.PLANNED_NOW: ElementState(
            "planned_work", _("Switched off for planned work"), "planned"
        ),
        State.REPORTED: ElementState("reported", _("Outage reports being checked"), "checking"),
    }.get(answer.state, ElementState("in_service", _("In service"), "ok"))
    states = {"substation": substation}
    now = timezone.now()
    live = Incident.objects.filter(status__in=ACTIVE_STATUSES, started_at__lte=now)
    for link, level, lookup in (
        ("feeder", Level.FEEDER, "feeder"),
        ("power_centre", Level.POWER_CENTRE, "power_centre"),
    ):
        element = chain.get(link)
        if element is None:
            continue
        statuses = set(
            live.filter(level=level, **{lookup: element}).values_list("status", flat=True)
        )
        if IncidentStatus.CONFIRMED in statuses:
            states[link] = ElementState("outage", _("Switched off: technological outage"), "off")
        elif statuses:
            states[link] = ElementState("reported", _("Outage reports being checked"), "checking")
        else:
            states[link] = ElementState("in_service", _("In service"), "ok")
    return states
