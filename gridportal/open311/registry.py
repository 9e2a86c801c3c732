"""The Open311 protocol's registry: capabilities plug their services in here.

Open311 is a protocol layer, below the capabilities: it knows GeoReport v2 (discovery,
service list and definitions, request lists, JSON/XML, errors), where a request is, and
consent as a service attribute. What a service *does* belongs to the capability that
registers it (the hotline registers outages and hazards; internet reception will register
appeals). A provider is registered from its app's `AppConfig.ready()`:

    from gridportal.open311.registry import register
    register(OutageReports())
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from gridportal.core.intake import Origin
from gridportal.grid.models import ServiceAddress


@dataclass(frozen=True)
class Service:
    """One entry of services.json."""

    code: str
    name: object  # lazy strings: shown in the client's language
    description: object
    group: object
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequestQuery:
    ids: tuple[int, ...] = ()
    service_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: dt.datetime | None = None
    end: dt.datetime | None = None


@dataclass(frozen=True)
class RequestIn:
    """A validated POST requests.json, located at one of the addresses we supply."""

    service_code: str
    address: ServiceAddress
    description: str = ""
    phone: str = ""
    email: str = ""
    consent_given: bool = False


@dataclass(frozen=True)
class Accepted:
    service_request_id: str
    notice: str
    duplicate: bool


class Provider(Protocol):
    """What a capability implements to take and show Open311 requests."""

    services: tuple[Service, ...]

    def submit(self, *, request: RequestIn, origin: Origin) -> Accepted: ...

    def requests(self, *, query: RequestQuery, now: dt.datetime, limit: int) -> list[dict]:
        """Requests as GeoReport v2 shows them (public fields only), newest first."""

    def request(self, *, request_id: int) -> dict | None: ...


_providers: list[Provider] = []


def register(provider: Provider) -> None:
    codes = {s.code for p in _providers for s in p.services}
    clash = codes & {s.code for s in provider.services}
    if clash:
        raise ValueError(f"Open311 service codes registered twice: {sorted(clash)}")
    _providers.append(provider)


def providers() -> list[Provider]:
    return list(_providers)


def services() -> dict[str, Service]:
    return {s.code: s for p in _providers for s in p.services}


def provider_for(service_code: str) -> Provider | None:
    return next((p for p in _providers if any(s.code == service_code for s in p.services)), None)
