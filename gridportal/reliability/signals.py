"""Restored incidents and planned work marked done become interruption records as soon as
that commits.

The hotline knows nothing of this: we listen to its incident's `post_save` (sender named
lazily, so no import of its models) and, after the commit, read the incident through the
archive selector, which answers only for restored incidents. The beat task
`reliability.sync` catches anything missed (tasks.py).
"""

from django.db import transaction
from django.db.models.signals import post_save


def incident_saved(sender, instance, **kwargs):
    from .services import interruptions_sync_incident_id

    pk = instance.pk
    # robust: a failure here is logged and never spoils the dispatcher's restoration (the
    # beat task syncs the incident later).
    transaction.on_commit(lambda: interruptions_sync_incident_id(pk), robust=True)


def planned_saved(sender, instance, **kwargs):
    from .services import interruptions_sync_planned_id

    pk = instance.pk
    transaction.on_commit(lambda: interruptions_sync_planned_id(pk), robust=True)


def connect():
    post_save.connect(incident_saved, sender="outages.Incident", dispatch_uid="reliability-sync")
    post_save.connect(
        planned_saved, sender="outages.PlannedOutage", dispatch_uid="reliability-sync-planned"
    )
