from .corrections import event_correct, record_correct
from .imports import interruptions_import
from .sync import (
    interruptions_sync,
    interruptions_sync_incident,
    interruptions_sync_incident_id,
    interruptions_sync_planned_id,
)

__all__ = [
    "event_correct",
    "interruptions_import",
    "interruptions_sync",
    "interruptions_sync_incident",
    "interruptions_sync_incident_id",
    "interruptions_sync_planned_id",
    "record_correct",
]
