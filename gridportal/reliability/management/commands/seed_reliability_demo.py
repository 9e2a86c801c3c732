"""Five years of generated interruption history for the demo company, with a few storms."""

import datetime as dt
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ...demo import generate, network_tps
from ...models import InterruptionEvent


class Command(BaseCommand):
    help = (
        "Demo reliability data: five years of interruptions (faults, reclosings, planned work "
        "and a few storm days that qualify as major event days) on the network of seed_demo. "
        "Replaces the interruptions imported earlier; keeps those synced from the hotline."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument(
            "--per-substation",
            type=float,
            default=1.5,
            help="Interruptions a year of an average substation.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when interruptions exist."
        )

    def handle(self, *args, seed, years, per_substation, if_empty=False, **options):
        if if_empty and InterruptionEvent.objects.exists():
            self.stdout.write("Interruptions are already recorded; leaving them as they are.")
            return
        tps = network_tps()
        if not tps:
            raise CommandError("No substations with customers: run seed_demo first.")
        started = time.perf_counter()
        InterruptionEvent.objects.filter(source="import").delete()
        per_feeder = Counter(tp.feeder_id for tp in tps)
        average = sum(per_feeder.values()) / len(per_feeder)
        per_day = per_substation * len(tps) / (0.7 + 0.3 * average) / 365
        today = timezone.localdate()
        result = generate(
            tps,
            first=dt.date(today.year - years, 1, 1),
            last=today - dt.timedelta(days=1),
            events_per_day=per_day,
            storm_days=years + 1,
            seed=seed,
        )
        self.stdout.write(
            "Reliability demo: {events} interruptions, {records} records, storms on {storms} "
            "in {s:.1f} s".format(
                events=result["events"],
                records=result["records"],
                storms=", ".join(d.isoformat() for d in result["storm_days"]),
                s=time.perf_counter() - started,
            )
        )
