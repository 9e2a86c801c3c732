from django.core.management.base import BaseCommand, CommandError

from gridportal.core.models import Branch

from ...demo import seed
from ...models import Office


class Command(BaseCommand):
    help = (
        "Demo service centres in the main towns of every branch, with hours, services, desks, "
        "and a week of bookings and visits. Replaces all offices data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when offices already exist."
        )

    def handle(self, *args, seed: int, if_empty: bool = False, **options):
        if not Branch.objects.exists():
            raise CommandError("No branches: run seed_demo first.")
        if if_empty and Office.objects.exists():
            self.stdout.write("Service centres are already loaded; leaving them as they are.")
            return
        result = seed_fn(seed=seed)
        self.stdout.write(
            "Offices demo: {offices} service centres, {bookings} bookings "
            "({future} ahead), {visits} visits".format(**result)
        )


seed_fn = seed
