"""Generated interruption history: ordinary faults, reclosings, planned work and a few storms.

Deterministic for a seed. Used by `seed_reliability_demo` (five years for the demo
company) and by `bench/reliability.py` (a year of 100,000 records for a million customers).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from gridportal.grid.models import ServiceAddress, Substation

from .choices import Cause, Source, VoltageLevel
from .levels import substation_levels
from .models import InterruptionEvent, InterruptionRecord

UNPLANNED_CAUSES = [
    (Cause.WEATHER, 3),
    (Cause.TREE, 3),
    (Cause.EQUIPMENT, 4),
    (Cause.THIRD_PARTY, 2),
    (Cause.ANIMAL, 1),
    (Cause.OVERLOAD, 1),
    (Cause.UNKNOWN, 1),
]


@dataclass(frozen=True)
class Tp:
    id: int
    branch_id: int
    district_id: int | None
    feeder_id: int
    power_centre_id: int
    customers: int


def network_tps(branch_ids=None) -> list[Tp]:
    """Every substation with customers, as the generator needs it."""
    customers = dict(
        ServiceAddress.objects.filter(substation__isnull=False)
        .values("substation_id")
        .annotate(c=Sum("customer_count"))
        .values_list("substation_id", "c")
    )
    qs = Substation.objects.all()
    if branch_ids is not None:
        qs = qs.filter(branch_id__in=branch_ids)
    rows = qs.values_list("pk", "branch_id", "district_id", "feeder_id", "feeder__power_centre_id")
    return [Tp(*row, customers[row[0]]) for row in rows if customers.get(row[0])]


def _poisson(rng: random.Random, mean: float) -> int:
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _cause(rng):
    causes, weights = zip(*UNPLANNED_CAUSES, strict=True)
    return rng.choices(causes, weights)[0]


def generate(
    tps: list[Tp],
    *,
    first: dt.date,
    last: dt.date,
    events_per_day: float,
    storm_days: int = 0,
    seed: int = 1,
    key_prefix: str = "demo",
    batch: int = 5000,
) -> dict:
    """Write events and records between two days; returns counts and the storm days."""
    rng = random.Random(seed)
    tz = timezone.get_current_timezone()
    by_feeder: dict[int, list[Tp]] = defaultdict(list)
    for tp in tps:
        by_feeder[tp.feeder_id].append(tp)
    feeders = list(by_feeder)
    days = (last - first).days + 1
    storms = set(rng.sample(range(days), min(storm_days, days))) if storm_days else set()
    events: list[InterruptionEvent] = []
    plans: list[list[dict]] = []
    counts = {"events": 0, "records": 0}
    levels = substation_levels()

    def flush():
        if not events:
            return
        with transaction.atomic():
            InterruptionEvent.objects.bulk_create(events, batch_size=batch)
            records = [
                InterruptionRecord(event=e, **r).fill()
                for e, rows in zip(events, plans, strict=True)
                for r in rows
            ]
            InterruptionRecord.objects.bulk_create(records, batch_size=batch)
        counts["events"] += len(events)
        counts["records"] += len(records)
        events.clear()
        plans.clear()

    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        storm = offset in storms
        for n in range(_poisson(rng, events_per_day * (25 if storm else 1))):
            start = dt.datetime.combine(day, dt.time.min, tzinfo=tz) + dt.timedelta(
                minutes=rng.randrange(24 * 60)
            )
            roll = rng.random()
            planned = not storm and roll < 0.1
            momentary = not storm and 0.1 <= roll < 0.25
            feeder = rng.choice(feeders)
            whole_feeder = storm or rng.random() < 0.3
            group = by_feeder[feeder] if whole_feeder else [rng.choice(by_feeder[feeder])]
            if momentary:
                minutes, operations = rng.uniform(0.2, 5), rng.randint(1, 3)
            elif planned:
                minutes, operations = rng.choice([240, 300, 360, 480]), 1
            else:
                median = 600 if storm else 100
                minutes, operations = min(rng.lognormvariate(math.log(median), 0.8), 3000), 1
            cause = Cause.WEATHER if storm else (Cause.MAINTENANCE if planned else _cause(rng))
            steps = 2 if (whole_feeder and not momentary and len(group) > 1) else 1
            rows = []
            for i, tp in enumerate(group):
                own = minutes if steps == 1 or i % 2 else minutes * rng.uniform(0.2, 0.6)
                rows.append(
                    {
                        "branch_id": tp.branch_id,
                        "district_id": tp.district_id,
                        "substation_id": tp.id,
                        "feeder_id": tp.feeder_id,
                        "power_centre_id": tp.power_centre_id,
                        "customers": tp.customers,
                        "started_at": start,
                        "restored_at": start + dt.timedelta(minutes=own),
                        "planned": planned,
                        "operations": operations,
                        "level": levels.get(tp.id, VoltageLevel.NN),
                    }
                )
            events.append(
                InterruptionEvent(
                    branch_id=group[0].branch_id,
                    source=Source.IMPORT,
                    key=f"{key_prefix}-{day:%Y%m%d}-{n}",
                    planned=planned,
                    cause=cause,
                    started_at=start,
                )
            )
            plans.append(rows)
            if len(events) >= batch:
                flush()
    flush()
    counts["storm_days"] = sorted(first + dt.timedelta(days=d) for d in storms)
    return counts
