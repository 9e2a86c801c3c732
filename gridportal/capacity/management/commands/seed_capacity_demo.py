import time

from django.core.management.base import BaseCommand, CommandError

from gridportal.core.bulk import bulk_load_finished
from gridportal.grid.models import PowerCentre

from ...demo import seed
from ...models import LoadMeasurement


class Command(BaseCommand):
    help = (
        "Demo capacity data for the generated company: control measurements (two years), "
        "committed capacity (with repeated applications for one site) and published quarters. "
        "Replaces all capacity data except the rules."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when control measurements are already loaded.",
        )

    def handle(self, *args, seed: int, if_empty: bool = False, **options):
        if not PowerCentre.objects.exists():
            raise CommandError("No power centres: run seed_demo first.")
        if if_empty and LoadMeasurement.objects.exists():
            self.stdout.write("Capacity data is already loaded; leaving it as it is.")
            return
        started = time.perf_counter()
        result = seed_fn(seed=seed)
        bulk_load_finished(
            "seed_capacity_demo", seconds=time.perf_counter() - started, app_labels=["capacity"]
        )
        self.stdout.write(
            "Capacity demo: {power_centres} power centres, {measurements} measurements, "
            "{commitments} commitments, {substation_loads} ТП loads, quarters {q} "
            "in {s:.1f} s".format(
                q=", ".join(d.isoformat() for d in result["quarters"]),
                s=time.perf_counter() - started,
                **{k: v for k, v in result.items() if k != "quarters"},
            )
        )


seed_fn = seed
