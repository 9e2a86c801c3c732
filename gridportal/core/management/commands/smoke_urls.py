import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from gridportal.core.models import Branch
from gridportal.core.smoke import smoke_targets


class Command(BaseCommand):
    help = (
        "List every page of the URL conf as a concrete URL filled from the data (JSON), for "
        "the production smoke crawl (.ci/prod-smoke). Skipped patterns are listed with reasons."
    )

    def add_arguments(self, parser):
        parser.add_argument("--staff-prefix", default="demo-", help="User names of staff to use.")

    def handle(self, *args, staff_prefix, **options):
        first_branch = Branch.objects.order_by("code").first()
        listing = smoke_targets(branch_code=first_branch.code if first_branch else None)
        staff = list(
            get_user_model()
            .objects.filter(username__startswith=staff_prefix, is_staff=True, is_active=True)
            .order_by("username")
            .values_list("username", "is_superuser")
        )
        self.stdout.write(
            json.dumps(
                {
                    "targets": [vars(t) for t in listing.targets],
                    "skipped": [{"route": r, "reason": why} for r, why in listing.skipped],
                    "staff": [{"username": u, "superuser": s} for u, s in staff],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
