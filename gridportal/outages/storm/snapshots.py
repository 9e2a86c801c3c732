"""The storm snapshot: every public look-up answer, the summaries and the feed, computed at once.

`snapshot_build(now)` reads the live incidents and the scheduled planned works
once and renders everything a storm-day visitor can ask for as ready JSON
bytes, so a look-up is a dictionary access (Django) or a file (nginx). The
answer for one substation is the outages module's own pure function
(`status_answer` → `answer_as_dict`), so the snapshot and the database path
can never disagree about what a customer is told.

The content version is a hash of everything except `generated_at`: a rebuild
that finds nothing changed keeps the version, so ETags and published files stay.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone, translation
from rest_framework.utils.encoders import JSONEncoder

from gridportal.core import geojson
from gridportal.core.models import Branch, District
from gridportal.grid.models import Substation
from gridportal.outages.choices import IncidentStatus, PlannedStatus
from gridportal.outages.models import Incident, PlannedOutage
from gridportal.outages.selectors import (
    branch_counts,
    feed_items,
    incident_views,
    planned_notice_days,
    settlement_outages,
)
from gridportal.outages.snapshot import (
    IncidentView,
    PlannedView,
    State,
    StatusAnswer,
    answer_as_dict,
    status_answer,
)

PLANNED_HORIZON = dt.timedelta(days=14)


def dumps(data) -> bytes:
    """Compact UTF-8 JSON, the way the API renders it (DRF's encoder for dates and decimals)."""
    return json.dumps(data, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()


# The storm path's static files: answers grouped by substation id modulo this.
STATUS_BUCKETS = 1024


@dataclass
class Snapshot:
    """Everything the storm path serves, as ready bytes, with its content version."""

    version: str
    generated_at: dt.datetime
    answers: dict[int, bytes]  # affected substation id → answer JSON
    none: bytes  # the answer for a substation nothing touches
    unknown: bytes  # the answer for an address not linked to the network
    substations: frozenset[int]  # every substation id that exists
    substations_key: str  # hash of those ids: the set is stored apart, it rarely changes
    summary: bytes
    branches: dict[str, bytes] = field(default_factory=dict)  # branch code → summary JSON
    feed: bytes = b""
    geojson: bytes = b""

    def answer(self, substation_id: int) -> tuple[str, bytes] | None:
        """(ETag key, body) for a substation; None if there is no such substation."""
        body = self.answers.get(substation_id)
        if body is not None:
            return f"s{substation_id}", body
        if substation_id in self.substations:
            return "none", self.none
        return None

    def bucket_files(self) -> dict[str, bytes]:
        """The storm path: every substation's answer in one of STATUS_BUCKETS files.

        `status/bucket/<substation id % STATUS_BUCKETS>.json` always exists, so a web
        server answers with one file look-up among a thousand names, never a miss
        and a fallback: {"none": <answer>, "answers": {"<id>": <answer>, …}}.
        """
        grouped: dict[int, list[int]] = defaultdict(list)
        for substation_id in self.answers:
            grouped[substation_id % STATUS_BUCKETS].append(substation_id)
        files = {}
        for bucket in range(STATUS_BUCKETS):
            parts = [
                b'"%d":' % substation_id + self.answers[substation_id]
                for substation_id in sorted(grouped.get(bucket, ()))
            ]
            files[f"status/bucket/{bucket}.json"] = (
                b'{"none":' + self.none + b',"answers":{' + b",".join(parts) + b"}}"
            )
        return files

    def files(self) -> dict[str, bytes]:
        """The published form: relative path → content (see docs/storm.md)."""
        files = {
            "status/none.json": self.none,
            "status/unknown.json": self.unknown,
            "summary.json": self.summary,
            "feed.json": self.feed,
            "feed.geojson": self.geojson,
            "version.json": dumps({"version": self.version, "generated_at": self.generated_at}),
        }
        for substation_id, body in self.answers.items():
            files[f"status/substation/{substation_id}.json"] = body
        files.update(self.bucket_files())
        for code, body in self.branches.items():
            files[f"branch/{code}/summary.json"] = body
        return files


# --- reads (one pass over the live data) -------------------------------------------------


def _scheduled_planned(now: dt.datetime) -> list[PlannedView]:
    works = list(
        PlannedOutage.objects.filter(
            status=PlannedStatus.SCHEDULED,
            ends_at__gt=now,
            starts_at__lt=now + PLANNED_HORIZON,
        ).order_by("starts_at", "id")
    )
    subs: dict[int, set[int]] = defaultdict(set)
    for planned_id, substation_id in PlannedOutage.substations.through.objects.filter(
        plannedoutage_id__in=[p.pk for p in works]
    ).values_list("plannedoutage_id", "substation_id"):
        subs[planned_id].add(substation_id)
    return [
        PlannedView(p.pk, p.starts_at, p.ends_at, p.reason, frozenset(subs[p.pk])) for p in works
    ]


def answers_for(
    *, incidents: list[IncidentView], planned: list[PlannedView], now: dt.datetime
) -> dict[int, dict]:
    """The answer dict for every substation an incident or a planned work touches (pure)."""
    by_sub_incidents: dict[int, list[IncidentView]] = defaultdict(list)
    by_sub_planned: dict[int, list[PlannedView]] = defaultdict(list)
    for incident in incidents:
        for substation_id in incident.live_substations:
            by_sub_incidents[substation_id].append(incident)
    for work in planned:
        for substation_id in work.substation_ids:
            by_sub_planned[substation_id].append(work)
    answers = {}
    for substation_id in sorted(set(by_sub_incidents) | set(by_sub_planned)):
        answer = status_answer(
            substation_id=substation_id,
            incidents=by_sub_incidents.get(substation_id, ()),
            planned=by_sub_planned.get(substation_id, ()),
            now=now,
            horizon=PLANNED_HORIZON,
        )
        answers[substation_id] = answer_as_dict(answer)
    return answers


def _summaries(now: dt.datetime) -> tuple[list[dict], list[dict], list[dict]]:
    """Per branch, per district and per settlement aggregates (never individual addresses)."""
    counts = branch_counts(now=now)
    days = planned_notice_days()
    empty = {"incidents": 0, "customers_out": 0, "planned": 0}
    branches = []
    codes = {}
    for branch in Branch.objects.order_by("name"):
        codes[branch.pk] = branch.code
        row = counts.get(branch.pk, empty)
        branches.append(
            {
                "code": branch.code,
                "name": branch.name,
                "name_en": branch.name_en,
                "incidents": row["incidents"],
                "customers_out": row["customers_out"],
                "planned_soon": row["planned"],
                "planned_days": days,
            }
        )
    district_rows = (
        Incident.objects.filter(status=IncidentStatus.CONFIRMED)
        .exclude(district=None)
        .values("district_id")
        .annotate(incidents=Count("id"), customers=Sum("customers_out"))
    )
    district_rows = {row["district_id"]: row for row in district_rows}
    districts = [
        {
            "branch": codes.get(d.branch_id),
            "code": d.code,
            "name": d.name,
            "name_en": d.name_en,
            "incidents": district_rows[d.pk]["incidents"],
            "customers_out": district_rows[d.pk]["customers"] or 0,
        }
        for d in District.objects.filter(pk__in=list(district_rows)).order_by("branch_id", "name")
    ]
    keys = (
        "branch",
        "district",
        "id",
        "name",
        "latitude",
        "longitude",
        "customers_out",
        "incidents",
        "since",
        "estimated_restoration",
    )
    settlements = [{key: row[key] for key in keys} for row in settlement_outages()]
    return branches, districts, settlements


# --- the build ------------------------------------------------------------------------


def snapshot_build(now: dt.datetime | None = None) -> Snapshot:
    """Read the live data once and render every storm-path document."""
    now = now or timezone.now()
    # The snapshot is the same for everybody: names and labels in the portal's default language.
    with translation.override(settings.LANGUAGE_CODE):
        incidents = incident_views()
        planned = _scheduled_planned(now)
        answers = {
            sid: dumps(body)
            for sid, body in answers_for(incidents=incidents, planned=planned, now=now).items()
        }
        none = dumps(answer_as_dict(StatusAnswer(State.NONE, None, ())))
        unknown = dumps(answer_as_dict(StatusAnswer(State.UNKNOWN, None, ())))
        substations = frozenset(Substation.objects.values_list("id", flat=True))
        branches, districts, settlements = _summaries(now)
        items = feed_items()

    content = hashlib.sha256()
    for sid in sorted(answers):
        content.update(b"%d:" % sid + answers[sid] + b"\n")
    content.update(none + unknown)
    substations_key = hashlib.sha256(b",".join(b"%d" % s for s in sorted(substations))).hexdigest()[
        :16
    ]
    content.update(substations_key.encode())
    content.update(dumps([branches, districts, settlements, items]))
    version = content.hexdigest()[:16]

    def summary(branch_code=None):
        keep = (
            (lambda row: True)
            if branch_code is None
            else (lambda row: row["branch"] == branch_code)
        )
        return dumps(
            {
                "generated_at": now,
                "version": version,
                "branches": [b for b in branches if branch_code in (None, b["code"])],
                "districts": [d for d in districts if keep(d)],
                "settlements": [s for s in settlements if keep(s)],
            }
        )

    return Snapshot(
        version=version,
        generated_at=now,
        answers=answers,
        none=none,
        unknown=unknown,
        substations=substations,
        substations_key=substations_key,
        summary=summary(),
        branches={b["code"]: summary(b["code"]) for b in branches},
        feed=dumps({"generated_at": now, "outages": items}),
        geojson=dumps(geojson.feature_collection(geojson.points(items), generated_at=now)),
    )
