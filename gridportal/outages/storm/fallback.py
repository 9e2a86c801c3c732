"""Degraded mode of the hotline pages: answers read from the storm snapshot.

When the database cannot be reached (core/degraded.py, decision 0014), the
status look-up for an address and the outage page answer from the snapshot that
storm mode keeps in the cache: the same answers the `/outages/live/` endpoints
serve. The snapshot keeps no address labels, so an address is shown by its
number. Anything the snapshot cannot answer raises, and the page becomes the
503 page with the hotline.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..snapshot import StatusAnswer, answer_from_dict
from . import selectors
from .services import snapshot_current

MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class SnapshotAddress:
    """An address known only by its number: what the snapshot can say about it."""

    pk: int
    branch = None

    @property
    def label(self) -> str:
        return _("Address No. {number}").format(number=self.pk)


@dataclass(frozen=True)
class SnapshotStatus:
    address: SnapshotAddress
    answer: StatusAnswer
    generated_at: dt.datetime


def address_status(raw) -> SnapshotStatus | None:
    """The answer for an address id from the snapshot; None if there is no such address.

    Raises a database error (or SnapshotUnavailable caused by one) when neither this
    process nor the cache has the snapshot or the address's mapping bucket.
    """
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return None
    if not 0 < number <= MAX_ID:
        return None
    snapshot = snapshot_current()
    substation_id = selectors.address_substation(number)
    if substation_id == selectors.NO_ADDRESS:
        return None
    if substation_id == selectors.NO_SUBSTATION:
        body = snapshot.unknown
    else:
        found = snapshot.answer(substation_id)
        body = found[1] if found is not None else snapshot.none
    return SnapshotStatus(
        SnapshotAddress(number), answer_from_dict(json.loads(body)), snapshot.generated_at
    )


def _name(row: dict) -> str:
    if (get_language() or "ru").startswith("en") and row.get("name_en"):
        return row["name_en"]
    return row.get("name", "")


def outages_summary() -> dict:
    """The outage page's numbers from the snapshot: per branch and per settlement."""
    snapshot = snapshot_current()
    data = json.loads(snapshot.summary)
    branches = {row["code"]: _name(row) for row in data["branches"]}
    districts = {row["code"]: _name(row) for row in data["districts"]}
    return {
        "generated_at": snapshot.generated_at,
        "summary": [
            {
                "name": _name(row),
                "incidents": row["incidents"],
                "customers_out": row["customers_out"],
                "planned": row["planned_soon"],
            }
            for row in data["branches"]
        ],
        "areas": [
            {
                "branch_name": branches.get(row["branch"], ""),
                "district_name": districts.get(row["district"], ""),
                "name": row["name"],
                "customers_out": row["customers_out"],
                "since": parse_datetime(row["since"]) if row.get("since") else None,
                "estimated_restoration": parse_datetime(row["estimated_restoration"])
                if row.get("estimated_restoration")
                else None,
            }
            for row in data["settlements"]
        ],
    }
