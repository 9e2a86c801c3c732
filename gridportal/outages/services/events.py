"""The event log of an incident (what dispatchers and the public read)."""

from __future__ import annotations

import logging

from django.utils import timezone

from ..choices import (
    PUBLIC_EVENTS,
)
from ..models import IncidentEvent

logger = logging.getLogger(__name__)


def event_record(
    incident, kind, *, actor=None, public=None, etr=None, text="", details=None, at=None
):
    return IncidentEvent.objects.create(
        incident=incident,
        at=at or timezone.now(),
        actor=actor,
        kind=kind,
        public=(kind in PUBLIC_EVENTS) if public is None else public,
        etr=etr,
        text=str(text)[:1000],
        details=details or {},
    )
