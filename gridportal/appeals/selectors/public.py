"""Reads for the person: tracking by number + code, the account's list, the outage first."""

from __future__ import annotations

from gridportal.outages.selectors.for_apps import live_incident_at

from ..choices import PUBLIC_EVENTS
from ..models import Appeal
from ..services.numbering import code_hash, code_matches, number_normalize

# Compared against when the number does not exist, so a wrong number costs the same time
# as a wrong code and the answer cannot tell them apart.
_DUMMY_HASH = "0" * 64


def appeal_track(*, number: str, code: str) -> Appeal | None:
    """The appeal with this number if the code is right; None for a wrong number OR code."""
    normalized = number_normalize(number)
    appeal = (
        Appeal.objects.select_related("branch", "address").filter(number=normalized).first()
        if normalized
        else None
    )
    stored = appeal.code_hash if appeal is not None else _DUMMY_HASH
    matches = code_matches(stored_hash=stored, code=code)
    if appeal is None:
        code_hash(code)  # same work either way
        return None
    return appeal if matches else None


def appeal_track_opened(*, number: str) -> Appeal | None:
    """An appeal this visitor already opened with its code (the number is in their session)."""
    return Appeal.objects.select_related("branch", "address").filter(number=number).first()


def customer_appeals(*, user):
    return Appeal.objects.filter(user=user).select_related("branch").order_by("-registered_at")


def customer_appeal_get(*, user, number: str) -> Appeal | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return customer_appeals(user=user).filter(number=number_normalize(number) or "").first()


def public_events(*, appeal: Appeal):
    return appeal.events.filter(public=True, kind__in=PUBLIC_EVENTS).prefetch_related("attachments")


def person_attachments(*, appeal: Appeal):
    return appeal.attachments.all()


def live_outage(*, address):
    """The confirmed outage at the address, to say so before anyone writes (outages' selector)."""
    return live_incident_at(address=address)
