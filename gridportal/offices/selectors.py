"""Reads: offices with their hours, free slots, nearest offices, the day's queue, wait figures."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.core.calendar import WorkingCalendar
from gridportal.core.selectors import working_calendar

from .choices import BookingStatus, ExceptionKind, RuleKey, ServiceKind, VisitStatus
from .hours import Closure, DayHours, OpenStatus, Schedule, Slot, slots
from .models import ACTIVE_BOOKING, Booking, Desk, Office, OfficeService, Visit
from .rules import rule

EARTH_KM = 6371.0


def office_queryset():
    return (
        Office.objects.filter(is_active=True)
        .select_related("branch", "district", "settlement")
        .prefetch_related(
            "hours",
            "exceptions",
            Prefetch("services", queryset=OfficeService.objects.order_by("kind")),
            Prefetch("desks", queryset=Desk.objects.filter(is_active=True)),
        )
    )


def offices_for_user(user):
    """Every office (active or not) of the branches the staff member works for."""
    return restrict_to_branches(
        Office.objects.select_related("branch", "district").order_by("branch__name", "name"), user
    )


def schedule_of(office: Office, calendar: WorkingCalendar | None = None) -> Schedule:
    """The pure schedule of an office from its rows (prefetched or not)."""
    weekly = {}
    for row in office.hours.all():
        breaks = ()
        if row.break_start and row.break_end:
            breaks = ((row.break_start, row.break_end),)
        weekly[row.weekday] = DayHours(row.opens, row.closes, breaks)
    exceptions, closures = {}, []
    for row in office.exceptions.all():
        if row.kind == ExceptionKind.CLOSED:
            closures.append(Closure(row.first_day, row.last_day, row.reason))
        elif row.opens and row.closes:
            day = row.first_day
            while day <= row.last_day:
                exceptions[day] = DayHours(row.opens, row.closes)
                day += dt.timedelta(days=1)
    return Schedule(
        weekly=weekly,
        time_zone=office.time_zone,
        calendar=calendar or working_calendar(),
        exceptions=exceptions,
        closures=tuple(closures),
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class OfficeCard:
    """An office with what the directory shows about it right now."""

    office: Office
    schedule: Schedule
    status: OpenStatus
    services: list[str]
    distance_km: float | None = None

    @property
    def pk(self):
        return self.office.pk


def office_cards(
    *,
    service: str = "",
    saturday: bool = False,
    near: tuple[float, float] | None = None,
    branch_id: int | None = None,
    now: dt.datetime | None = None,
    limit: int | None = None,
) -> list[OfficeCard]:
    """The public directory: filtered by service and Saturday opening, nearest first if asked."""
    now = now or timezone.now()
    calendar = working_calendar()
    qs = office_queryset()
    if branch_id:
        qs = qs.filter(branch_id=branch_id)
    if service:
        qs = qs.filter(services__kind=service)
    cards = []
    for office in qs.distinct():
        schedule = schedule_of(office, calendar)
        if saturday and not schedule.opens_on_saturday():
            continue
        card = OfficeCard(
            office, schedule, schedule.status(now), [s.kind for s in office.services.all()]
        )
        if near is not None:
            card.distance_km = distance_km(near[0], near[1], office.latitude, office.longitude)
        cards.append(card)
    if near is not None:
        cards.sort(key=lambda c: c.distance_km)
    else:
        cards.sort(key=lambda c: (c.office.branch.name, c.office.district_id or 0, c.office.name))
    return cards[:limit] if limit else cards


def office_get(pk: int) -> Office:
    return office_queryset().get(pk=pk)


def service_duration(office: Office, kind: str) -> dt.timedelta | None:
    for row in office.services.all():
        if row.kind == kind:
            return dt.timedelta(minutes=row.duration_minutes)
    return None


def busy_spans(office: Office, day_start: dt.datetime, day_end: dt.datetime, *, exclude=None):
    """Desk number -> booked (start, end) spans overlapping the period."""
    qs = Booking.objects.filter(
        ACTIVE_BOOKING, office=office, starts_at__lt=day_end, ends_at__gt=day_start
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    busy = defaultdict(list)
    for desk_number, start, end in qs.values_list("desk__number", "starts_at", "ends_at"):
        busy[desk_number].append((start, end))
    return busy


def booking_window(on: dt.date) -> tuple[dt.date, dt.date]:
    """First and last local date a visit can be booked for, seen from `on`."""
    return on, on + dt.timedelta(days=int(rule(RuleKey.BOOKING_HORIZON_DAYS, on)))


def free_slots(
    office: Office, *, service: str, day: dt.date, now: dt.datetime | None = None, exclude=None
) -> list[Slot]:
    """The free slots of an office for a service on a local date (none outside the horizon)."""
    now = now or timezone.now()
    duration = service_duration(office, service)
    if duration is None:
        return []
    schedule = schedule_of(office)
    today = schedule.local(now).date()
    first, last = booking_window(today)
    if not first <= day <= last:
        return []
    tz = schedule.tz
    start = dt.datetime.combine(day, dt.time.min, tz)
    busy = busy_spans(office, start, start + dt.timedelta(days=1), exclude=exclude)
    desks = [d.number for d in office.desks.all() if d.is_active]
    return slots(
        schedule,
        day,
        duration=duration,
        desks=desks,
        busy=busy,
        step=dt.timedelta(minutes=office.slot_minutes),
        not_before=now,
    )


def bookings_of_day(office: Office, day: dt.date):
    tz = schedule_of(office).tz
    start = dt.datetime.combine(day, dt.time.min, tz)
    return (
        Booking.objects.filter(
            office=office, starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1)
        )
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("desk")
        .order_by("starts_at", "desk__number")
    )


def visits_of_day(office: Office, day: dt.date):
    return (
        Visit.objects.filter(office=office, day=day)
        .select_related("desk", "booking")
        .order_by("arrived_at")
    )


def hall_screen(office: Office, day: dt.date) -> dict:
    """What the hall screen shows: who is called to which desk, and who is waiting."""
    visits = list(visits_of_day(office, day))
    called = [v for v in visits if v.status in (VisitStatus.CALLED, VisitStatus.SERVING)]
    called.sort(key=lambda v: v.called_at or v.arrived_at, reverse=True)
    waiting = [v for v in visits if v.status == VisitStatus.WAITING]
    return {
        "called": [{"ticket": v.ticket, "desk": v.desk.number if v.desk else None} for v in called],
        "waiting": [v.ticket for v in waiting],
    }


@dataclass(frozen=True)
class WaitFigures:
    served: int
    within: int
    average_minutes: float | None
    limit_minutes: int

    @property
    def share(self) -> float | None:
        return self.within / self.served if self.served else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)


def wait_figures(office: Office, year: int, month: int) -> WaitFigures:
    """Served visits of a month, how many began within the standard wait, and the mean wait."""
    first = dt.date(year, month, 1)
    limit = int(rule(RuleKey.WAIT_MINUTES, first))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    visits = Visit.objects.filter(
        office=office, day__gte=first, day__lt=nxt, started_at__isnull=False
    ).values_list("arrived_at", "started_at")
    waits = [max(dt.timedelta(0), started - arrived) for arrived, started in visits]
    within = sum(1 for w in waits if w <= dt.timedelta(minutes=limit))
    average = sum(w.total_seconds() for w in waits) / 60 / len(waits) if waits else None
    return WaitFigures(len(waits), within, average, limit)


def service_label(kind: str) -> str:
    return ServiceKind(kind).label if kind in ServiceKind.values else kind
