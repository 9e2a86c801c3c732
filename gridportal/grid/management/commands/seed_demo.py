import os
import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gridportal.accounts.choices import StaffRole
from gridportal.accounts.models import User
from gridportal.accounts.services import staff_user_create
from gridportal.core.bulk import bulk_load_finished
from gridportal.core.models import Branch, Company, District
from gridportal.grid.generator import SCALES, generate_company
from gridportal.grid.models import (
    Feeder,
    PowerCentre,
    PowerTransformer,
    ServiceAddress,
    Settlement,
    Street,
    Substation,
)

DEMO_PASSWORD_ENV = "DEMO_PASSWORD"


def _network_dependent_models():
    """Every model whose rows hang off the company or its network, directly or not."""
    roots = {Company, Branch, District, PowerCentre, PowerTransformer, Feeder, Substation}
    roots |= {Settlement, Street, ServiceAddress}
    found = set(roots)
    changed = True
    while changed:
        changed = False
        for model in apps.get_models(include_auto_created=True):
            if model in found or model is User:
                continue
            for field in model._meta.get_fields():
                is_reference = field.many_to_one or field.one_to_one
                if is_reference and field.concrete and field.related_model in found:
                    found.add(model)
                    changed = True
                    break
    return found


def wipe_network():
    """Delete the company, its network and everything recorded against them (demo reset)."""
    for model in _network_dependent_models():
        model._base_manager.all()._raw_delete(model._base_manager.db)
    User.objects.filter(username__startswith="demo-").delete()


class Command(BaseCommand):
    help = "Generate the demo grid company (branches, network, addresses) and demo staff logins."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reset", action="store_true", help="Delete the existing company and network first."
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when a company already exists."
        )

    def handle(self, *args, scale, seed, reset, if_empty, **options):
        self.verbosity = options.get("verbosity", 1)
        if Company.objects.exists():
            if if_empty:
                self.stdout.write("A company is already loaded; leaving it as it is.")
                self._print_logins()
                return
            if not reset:
                raise CommandError("A company already exists; pass --reset to replace it.")
            with transaction.atomic():
                wipe_network()
        started = time.monotonic()
        generate_company(scale=scale, seed=seed, progress=self._progress)
        self._create_demo_staff()
        bulk_load_finished(
            "seed_demo", seconds=time.monotonic() - started, models=_network_dependent_models()
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo company ({scale}, seed {seed}): {ServiceAddress.objects.count()} addresses, "
                f"{PowerCentre.objects.count()} power centres in "
                f"{time.monotonic() - started:.1f} s."
            )
        )
        self._print_logins()

    def _progress(self, message):
        if self.verbosity > 1:
            self.stdout.write(message)

    def _password(self):
        return os.environ.get(DEMO_PASSWORD_ENV, "gridportal-demo")

    def _create_demo_staff(self):
        password = self._password()
        first_branch = Branch.objects.order_by("code").first()
        staff_user_create(
            username="demo-admin",
            password=password,
            roles=[StaffRole.ADMINISTRATOR],
            all_branches=True,
            is_superuser=True,
            first_name="Админ",
            last_name="Демо",
        )
        for role in (
            StaffRole.DISPATCHER,
            StaffRole.CONNECTION_OFFICER,
            StaffRole.APPEALS_OFFICER,
            StaffRole.OFFICE_OPERATOR,
            StaffRole.CONTENT_EDITOR,
            StaffRole.ANALYST,
        ):
            staff_user_create(
                username=f"demo-{role.value.replace('_', '-')}",
                password=password,
                roles=[role],
                branches=[first_branch],
                first_name=str(role.label),
            )

    def _print_logins(self):
        if not User.objects.filter(username="demo-admin").exists():
            return
        self.stdout.write(
            "Staff console: http://127.0.0.1:8000/staff/  login: demo-admin  password: "
            f"{self._password()}  (also demo-dispatcher, demo-analyst, … with the same password)"
        )
