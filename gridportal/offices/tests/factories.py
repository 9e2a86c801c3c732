"""Offices for tests: a service centre with weekday hours, a lunch break, services and desks."""

from __future__ import annotations

import datetime as dt

from gridportal.offices.choices import ServiceKind
from gridportal.offices.models import Desk, Office, OfficeHours, OfficeService

T = dt.time


def office_create(
    branch,
    *,
    name="ЦОК Петрозаводск",
    address="г. Петрозаводск, ул. Кирова, 47",
    latitude=61.787,
    longitude=34.354,
    time_zone="Europe/Moscow",
    desks=2,
    saturday=False,
    services=((ServiceKind.CONNECTION, 30), (ServiceKind.METERING, 20), (ServiceKind.PAYMENTS, 15)),
    **extra,
) -> Office:
    office = Office.objects.create(
        branch=branch,
        name=name,
        address=address,
        latitude=latitude,
        longitude=longitude,
        time_zone=time_zone,
        phones="+7 8142 00-00-00",
        email="cok@example.ru",
        step_free=True,
        **extra,
    )
    for weekday in range(5):
        OfficeHours.objects.create(
            office=office,
            weekday=weekday,
            opens=T(9),
            closes=T(18),
            break_start=T(13),
            break_end=T(14),
        )
    if saturday:
        OfficeHours.objects.create(office=office, weekday=5, opens=T(10), closes=T(14))
    for kind, minutes in services:
        OfficeService.objects.create(office=office, kind=kind, duration_minutes=minutes)
    for number in range(1, desks + 1):
        Desk.objects.create(office=office, number=number)
    return office
