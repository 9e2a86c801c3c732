"""Where a customer submission came from: the one request context every intake takes.

Each kind of submission (outage report, appeal, connection request, booking, survey
answer) has one intake service that takes a validated submission and an `Origin`; the
web form, the staff call screen, the REST API and Open311 are thin adapters that build
both and map the service's `ApplicationError` to their own answer (see docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from .services import client_ip


@dataclass(frozen=True)
class Origin:
    """The channel and request context of a submission (who typed it in, from where)."""

    channel: str
    ip_address: str | None = None
    user_agent: str = ""
    user: object | None = None  # the staff member who entered it, for calls

    @classmethod
    def from_request(cls, request, *, channel: str, staff: bool = False) -> Origin:
        user = getattr(request, "user", None)
        return cls(
            channel=channel,
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
            user=user if staff and user is not None and user.is_authenticated else None,
        )
