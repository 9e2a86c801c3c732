"""The answer to «is there power at my address?» as one pure function over plain data.

`status_answer` needs only plain values, so the same answer can be computed from
the database (selectors.address_status) or from a precomputed snapshot of all
live incidents and planned works (storm mode, static publishing).
`answer_as_dict` is the stable JSON shape documented in docs/outages.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .choices import LEVEL_ORDER


class State:
    UNKNOWN = "unknown"  # the address is not linked to the network
    NONE = "none"  # no known outage
    PLANNED = "planned"  # planned work ahead
    PLANNED_NOW = "planned_now"  # planned work in progress
    REPORTED = "reported"  # reports received, being checked (predicted incident)
    OUTAGE = "outage"  # confirmed unplanned outage


@dataclass(frozen=True)
class IncidentView:
    id: int
    status: str
    level: str
    cause: str
    crew_status: str
    started_at: dt.datetime
    etr: dt.datetime | None
    etr_updated_at: dt.datetime | None
    customers_out: int
    public_message: str
    live_substations: frozenset[int]


@dataclass(frozen=True)
class PlannedView:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    reason: str
    substation_ids: frozenset[int]


@dataclass(frozen=True)
class StatusAnswer:
    state: str
    incident: IncidentView | None
    planned: tuple[PlannedView, ...]


def status_answer(
    *,
    substation_id: int | None,
    incidents: Iterable[IncidentView],
    planned: Iterable[PlannedView],
    now: dt.datetime,
    horizon: dt.timedelta = dt.timedelta(days=14),
) -> StatusAnswer:
    """What a customer at an address fed from `substation_id` should be told now."""
    if substation_id is None:
        return StatusAnswer(State.UNKNOWN, None, ())
    covering = [i for i in incidents if substation_id in i.live_substations]
    works = sorted(
        (
            p
            for p in planned
            if substation_id in p.substation_ids and p.ends_at > now and p.starts_at < now + horizon
        ),
        key=lambda p: (p.starts_at, p.id),
    )
    confirmed = [i for i in covering if i.status == "confirmed"]
    predicted = [i for i in covering if i.status == "predicted"]

    def best(items):
        return min(items, key=lambda i: (LEVEL_ORDER[i.level], i.id))

    if confirmed:
        return StatusAnswer(State.OUTAGE, best(confirmed), tuple(works))
    if works and works[0].starts_at <= now:
        return StatusAnswer(State.PLANNED_NOW, None, tuple(works))
    if predicted:
        return StatusAnswer(State.REPORTED, best(predicted), tuple(works))
    if works:
        return StatusAnswer(State.PLANNED, None, tuple(works))
    return StatusAnswer(State.NONE, None, ())


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


def answer_as_dict(answer: StatusAnswer) -> dict:
    """The stable JSON form of an answer (documented in docs/outages.md)."""
    incident = None
    if answer.incident is not None:
        i = answer.incident
        incident = {
            "id": i.id,
            "status": i.status,
            "level": i.level,
            "cause": i.cause,
            "crew_status": i.crew_status,
            "started_at": _iso(i.started_at),
            "estimated_restoration": _iso(i.etr),
            "estimate_updated_at": _iso(i.etr_updated_at),
            "customers_out": i.customers_out,
            "public_message": i.public_message,
        }
    return {
        "state": answer.state,
        "incident": incident,
        "planned": [
            {
                "id": p.id,
                "starts_at": _iso(p.starts_at),
                "ends_at": _iso(p.ends_at),
                "reason": p.reason,
            }
            for p in answer.planned
        ],
    }


def _parse(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def answer_from_dict(data: dict) -> StatusAnswer:
    """The inverse of answer_as_dict: an answer read back from a stored snapshot.

    Only what the answer shows comes back (the incident's substations do not).
    """
    incident = None
    if data.get("incident"):
        i = data["incident"]
        incident = IncidentView(
            id=i["id"],
            status=i["status"],
            level=i["level"],
            cause=i["cause"],
            crew_status=i["crew_status"],
            started_at=_parse(i["started_at"]),
            etr=_parse(i["estimated_restoration"]),
            etr_updated_at=_parse(i["estimate_updated_at"]),
            customers_out=i["customers_out"],
            public_message=i["public_message"],
            live_substations=frozenset(),
        )
    planned = tuple(
        PlannedView(
            id=p["id"],
            starts_at=_parse(p["starts_at"]),
            ends_at=_parse(p["ends_at"]),
            reason=p["reason"],
            substation_ids=frozenset(),
        )
        for p in data.get("planned", ())
    )
    return StatusAnswer(data["state"], incident, planned)


@dataclass(frozen=True)
class Snapshot:
    """Every live incident and coming planned work at one moment: enough to answer any address."""

    generated_at: dt.datetime
    incidents: tuple[IncidentView, ...]
    planned: tuple[PlannedView, ...]

    def answer_for(self, substation_id: int | None) -> StatusAnswer:
        incidents = [i for i in self.incidents if substation_id in i.live_substations]
        planned = [p for p in self.planned if substation_id in p.substation_ids]
        return status_answer(
            substation_id=substation_id, incidents=incidents, planned=planned, now=self.generated_at
        )

    def affected_substations(self) -> frozenset[int]:
        """Substations whose answer is not «no known outage» (the rest share one answer)."""
        subs: set[int] = set()
        for incident in self.incidents:
            subs |= incident.live_substations
        for work in self.planned:
            subs |= work.substation_ids
        return frozenset(subs)
