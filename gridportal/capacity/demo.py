"""Deterministic demo capacity data for the generated company (see seed_capacity_demo)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gridportal.grid.models import PowerTransformer, Substation

from . import rules, services
from .choices import CommitmentKind
from .models import (
    CapacityAssessment,
    CapacitySnapshot,
    CommittedCapacity,
    LoadMeasurement,
    SensitiveSubstation,
    SubstationLoad,
)


def control_days(today: date, count: int = 4) -> list[date]:
    """The last `count` control measurement days (June and December), oldest first."""
    days = []
    for year in range(today.year - 3, today.year + 1):
        for month in (6, 12):
            day = rules.third_wednesday(year, month)
            if day <= today:
                days.append(day)
    return days[-count:]


def wipe():
    for model in (
        CapacityAssessment,
        CapacitySnapshot,
        LoadMeasurement,
        CommittedCapacity,
        SubstationLoad,
        SensitiveSubstation,
    ):
        model.objects.all()._raw_delete(model.objects.db)


@transaction.atomic
def seed(*, seed: int = 1, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    rng = random.Random(seed)
    wipe()
    days = control_days(today)
    by_centre = defaultdict(list)
    for t_id, pc_id, rated in PowerTransformer.objects.order_by("id").values_list(
        "id", "power_centre_id", "rated_mva"
    ):
        by_centre[pc_id].append((t_id, rated))

    # How loaded each centre is, relative to its N-1 limit (some beyond it).
    ratio = {}
    for pc_id in by_centre:
        roll = rng.random()
        ratio[pc_id] = (
            rng.uniform(1.45, 1.7)
            if roll < 0.08
            else rng.uniform(0.6, 0.98)
            if roll < 0.4
            else rng.uniform(0.15, 0.6)
        )

    def measurements_for(day: date, growth: float):
        rows = []
        season_factor = 1.0 if day.month == 12 else 0.72
        for pc_id, ts in by_centre.items():
            rated_total = sum(r for _, r in ts)
            base = float(rated_total - max(r for _, r in ts)) * 1.4
            if base == 0:
                base = float(rated_total) * 0.8
            total = base * ratio[pc_id] * season_factor * growth * rng.uniform(0.95, 1.05)
            for t_id, rated in ts:
                share = float(rated / rated_total)
                rows.append(
                    LoadMeasurement(
                        transformer_id=t_id,
                        power_centre_id=pc_id,
                        measured_on=day,
                        season=services.season_of(day),
                        load_mva=Decimal(str(round(total * share, 3))),
                        source_file="demo",
                    )
                )
        return rows

    earlier, latest = days[:-1], days[-1]
    for i, day in enumerate(earlier):
        LoadMeasurement.objects.bulk_create(measurements_for(day, 0.9 + 0.03 * i), batch_size=2000)

    commitments = []
    centre_ids = sorted(by_centre)
    number = 0
    for pc_id in centre_ids:
        if rng.random() > 0.35:
            continue
        for _ in range(rng.randint(1, 4)):
            number += 1
            commitments.append(
                CommittedCapacity(
                    power_centre_id=pc_id,
                    site=f"47:{rng.randint(1, 30):02d}:{number:07d}:{rng.randint(1, 999)}",
                    kind=rng.choice([CommitmentKind.CONTRACT, CommitmentKind.TECHNICAL_CONDITIONS]),
                    document_number=f"ТП-{number}/{latest.year}",
                    document_date=latest - timedelta(days=rng.randint(10, 600)),
                    kw=Decimal(rng.choice([15, 15, 50, 150, 300, 670, 1000, 2500, 5000])),
                    source_file="demo",
                )
            )
    # One site applied for several times: counted once at its maximum.
    for pc_id in centre_ids[:: max(1, len(centre_ids) // 5)]:
        for kw in (150, 300, 250):
            number += 1
            commitments.append(
                CommittedCapacity(
                    power_centre_id=pc_id,
                    site=f"47:07:0101001:{pc_id}",
                    kind=CommitmentKind.TECHNICAL_CONDITIONS,
                    document_number=f"ТУ-{number}/{latest.year}",
                    document_date=latest - timedelta(days=rng.randint(10, 300)),
                    kw=Decimal(kw),
                    source_file="demo",
                )
            )
    CommittedCapacity.objects.bulk_create(commitments, batch_size=2000)

    quarters = sorted(
        {
            rules.quarter_start(today),
            rules.quarter_start(rules.quarter_start(today) - timedelta(days=1)),
        }
    )
    services.capacity_snapshot_publish(as_of=quarters[0])
    LoadMeasurement.objects.bulk_create(measurements_for(latest, 1.0), batch_size=2000)

    tp_loads, sensitive = [], []
    for i, (s_id, rated) in enumerate(
        Substation.objects.order_by("id").values_list("id", "rated_kva")
    ):
        tp_loads.append(
            SubstationLoad(
                substation_id=s_id,
                measured_on=latest,
                load_kva=Decimal(str(round(rated * rng.uniform(0.2, 1.05), 1))),
            )
        )
        if i % 97 == 13:
            sensitive.append(SensitiveSubstation(substation_id=s_id, reason="demo"))
    SubstationLoad.objects.bulk_create(tp_loads, batch_size=5000)
    SensitiveSubstation.objects.bulk_create(sensitive, batch_size=5000)
    services.capacity_snapshot_publish(as_of=quarters[-1])
    return {
        "power_centres": len(by_centre),
        "measurements": LoadMeasurement.objects.count(),
        "commitments": len(commitments),
        "substation_loads": len(tp_loads),
        "quarters": quarters,
    }
