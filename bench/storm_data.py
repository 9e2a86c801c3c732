"""The storm benchmark's data: which areas the storm hits, and cleaning up after a run.

Imported after django.setup(). Everything a run creates is marked (comment, user agent,
rule source) so that `cleanup()` finds it again, also after an interrupted run.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from gridportal.accounts.models import ConsentRecord
from gridportal.core.models import Rule
from gridportal.core.rules import spec
from gridportal.grid.models import Feeder, ServiceAddress, Substation
from gridportal.outages.choices import RuleKey
from gridportal.outages.models import Incident, OutageReport

MARK = "bench/storm.py"
USER_AGENT = "gridportal-bench-storm"
STATE_FILE = Path(tempfile.gettempdir()) / "gridportal-storm-bench.json"


def cleanup(start_incident_id: int | None = None) -> dict:
    """Remove what a run created (this one or an interrupted earlier one)."""
    if start_incident_id is None and STATE_FILE.exists():
        start_incident_id = json.loads(STATE_FILE.read_text()).get("incident_id")
    removed = {}
    with transaction.atomic():
        reports = OutageReport.objects.filter(comment=MARK)
        incident_ids = set(
            reports.exclude(incident=None).values_list("incident_id", flat=True).distinct()
        )
        if start_incident_id is not None:
            incident_ids |= set(
                Incident.objects.filter(pk__gt=start_incident_id).values_list("pk", flat=True)
            )
        consent_ids = list(reports.exclude(consent=None).values_list("consent_id", flat=True))
        removed["reports"] = reports.delete()[0]
        removed["consents"] = ConsentRecord.objects.filter(pk__in=consent_ids).delete()[0]
        removed["consents"] += ConsentRecord.objects.filter(user_agent=USER_AGENT).delete()[0]
        incidents = Incident.objects.filter(pk__in=incident_ids)
        incidents.update(merged_into=None)
        removed["incidents"] = incidents.delete()[1].get("outages.Incident", 0)
        removed["rules"] = Rule.objects.filter(namespace="outages", source=MARK).delete()[0]
    STATE_FILE.unlink(missing_ok=True)
    return removed


def raise_limits() -> None:
    today = timezone.now().date()
    for key, value in (
        (RuleKey.LIMIT_PER_IP_HOUR, 1_000_000),
        (RuleKey.LIMIT_PER_ADDRESS_HOUR, 1_000),
    ):
        Rule.objects.create(
            namespace="outages",
            key=key,
            value=str(value),
            unit=spec("outages", key).unit,
            valid_from=today,
            source=MARK,
            note="raised for one benchmark run, removed at its end",
        )


def choose_storm(rng: random.Random):
    """A few areas hit hard: ~10 power centres, 3 feeders each, ~10 substations per feeder."""
    feeders = list(
        Feeder.objects.annotate(n=Count("substations"))
        .filter(n__gte=6)
        .values_list("id", "power_centre_id")
    )
    by_centre: dict[int, list[int]] = {}
    for feeder_id, centre_id in feeders:
        by_centre.setdefault(centre_id, []).append(feeder_id)
    centres = [c for c, f in by_centre.items() if len(f) >= 3]
    chosen_feeders = []
    for centre in rng.sample(centres, min(10, len(centres))):
        chosen_feeders += rng.sample(by_centre[centre], 3)
    substations = list(
        Substation.objects.filter(feeder_id__in=chosen_feeders)
        .order_by("feeder_id", "id")
        .values_list("id", "feeder_id")
    )
    per_feeder: dict[int, list[int]] = {}
    for sid, fid in substations:
        per_feeder.setdefault(fid, []).append(sid)
    storm_subs = [s for subs in per_feeder.values() for s in subs[:10]]
    addresses: dict[int, list[int]] = {}
    for aid, sid in ServiceAddress.objects.filter(substation_id__in=storm_subs).values_list(
        "id", "substation_id"
    ):
        addresses.setdefault(sid, []).append(aid)
    storm_subs = [s for s in storm_subs if s in addresses]
    return storm_subs, addresses, len(chosen_feeders), len(chosen_feeders) // 3


def random_address_ids(rng: random.Random, n: int) -> list[int]:
    top = ServiceAddress.objects.order_by("-id").values_list("id", flat=True).first()
    picked = set()
    while len(picked) < n:
        batch = [rng.randint(1, top) for _ in range(min(5000, 2 * (n - len(picked))))]
        picked |= set(ServiceAddress.objects.filter(pk__in=batch).values_list("id", flat=True))
    return sorted(picked)[:n]
