from django.core.management.base import BaseCommand, CommandError

from gridportal.core.models import Branch

from ...demo import seed as seed_data
from ...models import ConnectionRate


class Command(BaseCommand):
    help = (
        "Demo connection data: example rates per region and year (marked unverified), "
        "request-intentions and applications in every stage, some overdue, in each branch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when rates are already loaded."
        )

    def handle(self, *args, seed: int, if_empty: bool = False, **options):
        if not Branch.objects.exists():
            raise CommandError("No branches: run seed_demo first.")
        if if_empty and ConnectionRate.objects.exists():
            self.stdout.write("Connection data is already loaded; leaving it as it is.")
            return
        counts = seed_data(seed=seed)
        self.stdout.write(
            "Connection demo: {rates} rates, {intentions} request-intentions, "
            "{applications} applications".format(**counts)
        )
