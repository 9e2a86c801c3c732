"""Which changes make the snapshot stale.

Incidents, their substations and planned works are what the answers are made
of. The roll-up also grows an incident's coverage with bulk inserts and
changes its customer counts with queryset updates, which send no signals, so
the roll-up asks for a rebuild itself when it moved any report, and edited
reports and incident events (every dispatcher action writes one) ask too. Requests are debounced: at most one queued build per two
seconds, one per transaction.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from gridportal.grid.models import ServiceAddress
from gridportal.outages.models import (
    Incident,
    IncidentEvent,
    IncidentSubstation,
    OutageReport,
    PlannedOutage,
)

from . import selectors, services

SOURCES = (Incident, IncidentSubstation, PlannedOutage, IncidentEvent)


def _report_saved(sender, instance, created, **kwargs):
    # A new report shows nowhere until the roll-up places it, which asks for the rebuild
    # itself (services/predictions.py), in the request or on a worker: a storm of reports
    # does not pay a cache round trip each.
    if not created:
        services.rebuild_request()


def _address_changed(sender, instance, **kwargs):
    selectors.address_forget(instance.pk)


def connect() -> None:
    for model in SOURCES:
        post_save.connect(
            services.rebuild_request, sender=model, dispatch_uid=f"storm-{model.__name__}"
        )
        post_delete.connect(
            services.rebuild_request, sender=model, dispatch_uid=f"storm-del-{model.__name__}"
        )
    m2m_changed.connect(
        services.rebuild_request,
        sender=PlannedOutage.substations.through,
        dispatch_uid="storm-planned-substations",
    )
    post_save.connect(_report_saved, sender=OutageReport, dispatch_uid="storm-OutageReport")
    post_delete.connect(
        services.rebuild_request, sender=OutageReport, dispatch_uid="storm-del-OutageReport"
    )
    post_save.connect(_address_changed, sender=ServiceAddress, dispatch_uid="storm-address")
    post_delete.connect(_address_changed, sender=ServiceAddress, dispatch_uid="storm-address-del")
