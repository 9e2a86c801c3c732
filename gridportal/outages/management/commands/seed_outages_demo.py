"""Demo data for the hotline: customer reports rolled up into incidents, planned work, critical facilities.

Everything goes through the services, so the demo shows what the roll-up really does.
Run after `seed_demo`. Deterministic for a given --seed.
"""

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from gridportal.core.intake import Origin
from gridportal.grid.models import ServiceAddress, Substation

from ...choices import Cause, Channel, CrewStatus, FacilityKind, IncidentStatus, Problem
from ...models import Crew, CriticalFacility, Incident, PlannedOutage
from ...services import (
    Submission,
    incident_confirm,
    incident_crew_assign,
    incident_update,
    planned_outage_create,
    report_submit,
    rollup_inline,
)

FACILITIES = [
    ("Центральная районная больница", FacilityKind.HOSPITAL),
    ("Котельная № 3", FacilityKind.BOILER),
    ("Водозаборная насосная станция", FacilityKind.WATER),
    ("Средняя школа № 1", FacilityKind.SOCIAL),
]
LEADERS = ["Петров И. С.", "Смирнов А. В.", "Кузнецов Д. Н.", "Попов Е. А.", "Соколов М. П."]
REASONS = [
    "Замена опор ВЛ-0,4 кВ",
    "Ремонт трансформаторной подстанции",
    "Расчистка трассы ВЛ-10 кВ",
    "Замена вводного кабеля",
]


class Command(BaseCommand):
    help = "Create demo outage reports, incidents, planned work and critical facilities."

    def add_arguments(self, parser):
        parser.add_argument("--incidents", type=int, default=12)
        parser.add_argument("--planned", type=int, default=20)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when outages are already recorded."
        )

    def handle(self, *args, **options):
        # The demo confirms the predictions its reports produce: roll up as it goes, also
        # where a worker would do it for real reports.
        with rollup_inline():
            self._seed(**options)

    @transaction.atomic
    def _seed(self, *, incidents, planned, seed, if_empty=False, **options):
        if if_empty and (Incident.objects.exists() or PlannedOutage.objects.exists()):
            self.stdout.write("Outages are already recorded; leaving them as they are.")
            return
        rng = random.Random(seed)
        substations = list(
            Substation.objects.filter(addresses__isnull=False).distinct().order_by("id")[:5000]
        )
        if not substations:
            raise CommandError("No network yet: run `manage.py seed_demo` first.")
        now = timezone.now()
        for name, kind in FACILITIES * 3:
            tp = rng.choice(substations)
            CriticalFacility.objects.get_or_create(
                substation=tp, name=name, defaults={"branch_id": tp.branch_id, "kind": kind}
            )
        from gridportal.core.models import Branch

        crews = {}
        for branch in Branch.objects.order_by("name"):
            for k in range(3):
                crew, _created = Crew.objects.get_or_create(
                    branch=branch,
                    name=f"ОВБ-{k + 1}",
                    defaults={
                        "leader": rng.choice(LEADERS),
                        "phone": f"+7911{rng.randint(1000000, 9999999)}",
                        "members": "электромонтёр, водитель",
                    },
                )
                crews.setdefault(branch.pk, []).append(crew)
        phone = 9000000000
        for n, tp in enumerate(rng.sample(substations, min(incidents, len(substations)))):
            addresses = list(ServiceAddress.objects.filter(substation=tp)[:4])
            for address in addresses[:3]:
                phone += 1
                report_submit(
                    submission=Submission(
                        address=address,
                        problem=rng.choice([Problem.NO_POWER, Problem.NO_POWER, Problem.PARTIAL]),
                        phone=f"+7{phone}",
                        consent_given=True,
                    ),
                    origin=Origin(channel=rng.choice([Channel.WEB, Channel.PHONE])),
                    now=now - dt.timedelta(minutes=rng.randint(5, 90)),
                )
            if n % 3 == 2:
                continue  # leave some predictions for the dispatcher
            for incident in Incident.objects.filter(
                status=IncidentStatus.PREDICTED, coverage__substation=tp
            ).distinct():
                incident = incident_confirm(incident=incident, actor=None)
                crew_status = rng.choice(CrewStatus.values)
                if crew_status != CrewStatus.NOT_ASSIGNED and crews.get(incident.branch_id):
                    # One truth: a crew on its way or on site is a crew of the register.
                    incident = incident_crew_assign(
                        incident=incident, crew=rng.choice(crews[incident.branch_id]), actor=None
                    )
                incident_update(
                    incident=incident,
                    actor=None,
                    cause=rng.choice([c for c in Cause.values if c != Cause.UNKNOWN]),
                    crew_status=crew_status,
                    etr=now + dt.timedelta(hours=rng.randint(1, 8)),
                )
        for _ in range(planned):
            tp = rng.choice(substations)
            start = (now + dt.timedelta(days=rng.randint(0, 10))).replace(
                hour=rng.choice([6, 7, 8, 9]), minute=0, second=0, microsecond=0
            )
            planned_outage_create(
                branch=tp.branch,
                district=tp.district,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=rng.choice([2, 4, 6, 8])),
                reason=rng.choice(REASONS),
                substations=[tp],
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Outages demo: {Incident.objects.count()} incidents, {planned} planned works."
            )
        )
