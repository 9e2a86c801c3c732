"""Reads of the appeals desk: the person's tracking and the staff queue and registry."""

from .public import (
    appeal_track,
    appeal_track_opened,
    customer_appeal_get,
    customer_appeals,
    live_outage,
    person_attachments,
    public_events,
)
from .staff import (
    appeal_get_for_user,
    appeals_for_user,
    appeals_search,
    due_soon_days,
    queue_for_user,
    registry_for_user,
    yearly_counts,
)

__all__ = [
    "appeal_get_for_user",
    "appeal_track",
    "appeal_track_opened",
    "appeals_for_user",
    "appeals_search",
    "customer_appeal_get",
    "customer_appeals",
    "due_soon_days",
    "live_outage",
    "person_attachments",
    "public_events",
    "queue_for_user",
    "registry_for_user",
    "yearly_counts",
]
