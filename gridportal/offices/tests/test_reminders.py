"""The reminder the day before: each of tomorrow's visitors once, in the office's own day."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from gridportal.core.intake import Origin
from gridportal.offices import services, tasks
from gridportal.offices.choices import ServiceKind

from .factories import office_create

pytestmark = pytest.mark.django_db
MSK = ZoneInfo("Europe/Moscow")


def book(office, start, email, now):
    return services.booking_submit(
        submission=services.BookingSubmission(
            office_id=office.pk,
            service=ServiceKind.METERING,
            starts_at=start,
            name="Анна",
            email=email,
            consent_given=True,
        ),
        origin=Origin(channel="web", ip_address="192.0.2.9"),
        now=now,
    )


def test_the_beat_schedule_runs_the_reminders():
    from gridportal.core.periodic import PeriodicRunner

    entry = PeriodicRunner().entries["offices: remind bookings"]
    assert entry.task == tasks.remind_bookings.name


def test_tomorrows_visitors_are_reminded_once_by_real_mail(branch, smtp_server, time_machine):
    cache.clear()
    now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=MSK)
    time_machine.move_to(now, tick=False)
    office = office_create(branch)
    vladivostok = office_create(branch, name="ЦОК Владивосток", time_zone="Asia/Vladivostok")
    vlat = ZoneInfo("Asia/Vladivostok")
    tomorrow = book(office, dt.datetime(2026, 12, 2, 11, 0, tzinfo=MSK), "tomorrow@example.ru", now)
    book(office, dt.datetime(2026, 12, 3, 11, 0, tzinfo=MSK), "later@example.ru", now)
    # 10:00 in Moscow is 17:00 in Vladivostok: its «tomorrow» is 2 December there too.
    far = book(vladivostok, dt.datetime(2026, 12, 2, 9, 0, tzinfo=vlat), "far@example.ru", now)
    cancelled = book(office, dt.datetime(2026, 12, 2, 15, 0, tzinfo=MSK), "gone@example.ru", now)
    services.booking_cancel(code=cancelled.code, now=now)
    assert tasks.remind_bookings() == 2
    mails = smtp_server.wait_for(2)
    assert sorted(m["to"][0] for m in mails) == ["far@example.ru", "tomorrow@example.ru"]
    assert tomorrow.code in next(m for m in mails if m["to"] == ["tomorrow@example.ru"])["body"]
    assert far.code in next(m for m in mails if m["to"] == ["far@example.ru"])["body"]
    assert tasks.remind_bookings() == 0  # a second run: nobody twice
