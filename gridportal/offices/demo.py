"""Demo service centres for the company made by `seed_demo`: the main towns of every branch,
hours with breaks (Saturdays at the main office), services, desks, a closure, and a week of
bookings and visits with measured waiting times."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from gridportal.core.intake import Origin
from gridportal.core.models import Branch
from gridportal.grid.models import Settlement, Street

from . import services
from .choices import BookingStatus, ExceptionKind, ServiceKind, VisitKind, VisitStatus
from .models import Booking, Desk, Office, OfficeException, OfficeHours, OfficeService, Visit
from .selectors import free_slots, office_get, schedule_of

T = dt.time
TOWNS_PER_BRANCH = 3
FIRST_NAMES = [
    "Анна",
    "Иван",
    "Мария",
    "Сергей",
    "Ольга",
    "Дмитрий",
    "Елена",
    "Алексей",
    "Татьяна",
    "Николай",
]
LAST_NAMES = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
]
MAIN_SERVICES = [
    (ServiceKind.CONNECTION, 30),
    (ServiceKind.METERING, 20),
    (ServiceKind.CONTRACTS, 30),
    (ServiceKind.APPEALS, 20),
    (ServiceKind.PAYMENTS, 15),
    (ServiceKind.DOCUMENTS, 15),
    (ServiceKind.CONSULTATION, 15),
]
TOWN_SERVICES = [
    (ServiceKind.CONNECTION, 30),
    (ServiceKind.METERING, 20),
    (ServiceKind.PAYMENTS, 15),
    (ServiceKind.CONSULTATION, 15),
]


def _person(rng: random.Random, i: int) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    if first in ("Анна", "Мария", "Ольга", "Елена", "Татьяна"):
        last += "а"
    return f"{first} {last}", f"+7921{rng.randint(1000000, 9999999)}"


def _office_for(branch: Branch, settlement: Settlement, index: int, rng: random.Random) -> Office:
    street = Street.objects.filter(settlement=settlement).order_by("id").first()
    where = (
        f"{street.kind} {street.name}, д. {rng.randint(1, 60)}" if street else "ул. Ленина, д. 1"
    )
    main = index == 0
    office = Office.objects.create(
        branch=branch,
        district=settlement.district,
        settlement=settlement,
        name=f"ЦОК {settlement.name}" if main else f"Офис обслуживания {settlement.name}",
        address=f"г. {settlement.name}, {where}",
        latitude=(settlement.latitude or branch.latitude) + rng.uniform(-0.004, 0.004),
        longitude=(settlement.longitude or branch.longitude) + rng.uniform(-0.004, 0.004),
        phones=f"+7 800 220-02-2{index}",
        email=f"cok-{branch.code}-{index + 1}@example.org",
        time_zone="Europe/Kaliningrad" if branch.code == "kaliningrad" else "Europe/Moscow",
        step_free=main or rng.random() < 0.5,
        parking=rng.random() < 0.7,
        hearing_loop=main,
        directions=(
            "Остановка «Центр», автобусы № 1, 3, 12; вход со двора, пандус слева от крыльца."
            if main
            else "Остановка «Почта», далее 200 м пешком; вход с улицы."
        ),
    )
    for weekday in range(5):
        if main:
            OfficeHours.objects.create(
                office=office,
                weekday=weekday,
                opens=T(8, 30),
                closes=T(17, 30),
                break_start=T(12, 30),
                break_end=T(13, 15),
            )
        else:
            OfficeHours.objects.create(
                office=office,
                weekday=weekday,
                opens=T(9),
                closes=T(17),
                break_start=T(13),
                break_end=T(14),
            )
    if main:
        OfficeHours.objects.create(office=office, weekday=5, opens=T(9), closes=T(14))
    for kind, minutes in MAIN_SERVICES if main else TOWN_SERVICES:
        OfficeService.objects.create(office=office, kind=kind, duration_minutes=minutes)
    for number in range(1, (4 if main else 2) + 1):
        Desk.objects.create(office=office, number=number)
    return office


def _past_day(office: Office, day: dt.date, rng: random.Random, counter: list[int]) -> None:
    """Bookings and visits of a day that has passed (or is under way): arrivals, waits, no-shows."""
    schedule = schedule_of(office)
    spans = schedule.open_spans(day)
    if not spans:
        return
    now = timezone.now()
    desks = list(office.desks.all())
    kinds = [s.kind for s in office.services.all()]
    tickets = {VisitKind.BOOKED: 0, VisitKind.WALK_IN: 0}
    for start, end in spans:
        moment = start
        while moment < end and moment < now:
            desk = rng.choice(desks)
            kind = rng.choice(kinds)
            name, phone = _person(rng, counter[0])
            counter[0] += 1
            booked = rng.random() < 0.5
            booking = None
            if booked:
                booking = Booking.objects.create(
                    code=f"D{counter[0]:07d}",
                    office=office,
                    desk=desk,
                    service=kind,
                    starts_at=moment,
                    ends_at=moment + dt.timedelta(minutes=20),
                    name=name,
                    phone=phone,
                    contact_key=phone,
                    channel="web",
                    status=BookingStatus.ARRIVED,
                    created_at=moment - dt.timedelta(days=2),
                )
                if rng.random() < 0.12:
                    booking.status = BookingStatus.NO_SHOW
                    booking.save(update_fields=["status"])
                    moment += dt.timedelta(minutes=rng.choice([15, 20, 30]))
                    continue
            visit_kind = VisitKind.BOOKED if booked else VisitKind.WALK_IN
            tickets[visit_kind] += 1
            wait = dt.timedelta(
                minutes=rng.choice([2, 4, 6, 8, 10, 12, 15, 18, 22, 25, 28, 35, 42])
            )
            started = moment + wait
            finished = started + dt.timedelta(minutes=rng.choice([10, 15, 20, 25]))
            served = finished < now
            Visit.objects.create(
                office=office,
                day=day,
                ticket=f"{'B' if booked else 'A'}{tickets[visit_kind]:03d}",
                kind=visit_kind,
                booking=booking,
                service=kind,
                name=name,
                desk=desk if started <= now else None,
                status=VisitStatus.SERVED
                if served
                else (VisitStatus.WAITING if started > now else VisitStatus.SERVING),
                arrived_at=moment,
                called_at=started if started <= now else None,
                started_at=started if started <= now else None,
                finished_at=finished if served else None,
            )
            moment += dt.timedelta(minutes=rng.choice([10, 15, 20, 30]))


def _future_bookings(office: Office, day: dt.date, rng: random.Random, counter: list[int]) -> int:
    made = 0
    fresh = office_get(office.pk)
    kinds = [s.kind for s in fresh.services.all()]
    for _ in range(rng.randint(3, 8)):
        kind = rng.choice(kinds)
        slots = free_slots(fresh, service=kind, day=day)
        if not slots:
            continue
        slot = rng.choice(slots)
        name, phone = _person(rng, counter[0])
        counter[0] += 1
        services.booking_submit(
            submission=services.BookingSubmission(
                office_id=office.pk,
                service=kind,
                starts_at=slot.start,
                name=name,
                phone=phone,
                consent_given=True,
            ),
            origin=Origin(channel="web", ip_address=f"198.51.100.{counter[0] % 250 + 1}"),
        )
        made += 1
    return made


@transaction.atomic
def seed(*, seed: int = 1) -> dict:
    rng = random.Random(seed)
    Visit.objects.all().delete()
    Booking.objects.all().delete()
    Office.objects.all().delete()
    counter = [0]
    offices = []
    for branch in Branch.objects.order_by("code"):
        towns = Settlement.objects.filter(branch=branch, kind="city").order_by("id")[
            :TOWNS_PER_BRANCH
        ]
        if not towns:
            towns = Settlement.objects.filter(branch=branch).order_by("id")[:TOWNS_PER_BRANCH]
        offices += [_office_for(branch, town, i, rng) for i, town in enumerate(towns)]
    today = timezone.localdate()
    if len(offices) > 2:
        OfficeException.objects.create(
            office=offices[2],
            first_day=today + dt.timedelta(days=10),
            last_day=today + dt.timedelta(days=12),
            kind=ExceptionKind.CLOSED,
            reason="Ремонт помещения",
        )
    future = 0
    for office in offices:
        for offset in range(-5, 1):
            _past_day(office, today + dt.timedelta(days=offset), rng, counter)
        for offset in range(1, 6):
            future += _future_bookings(office, today + dt.timedelta(days=offset), rng, counter)
    return {
        "offices": len(offices),
        "bookings": Booking.objects.count(),
        "future": future,
        "visits": Visit.objects.count(),
    }
