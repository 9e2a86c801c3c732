"""Booking intake: consent, contacts, free slots, no double booking, limits, cancel and move."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from gridportal.accounts.models import ConsentRecord
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.offices import services
from gridportal.offices.choices import BookingStatus, ServiceKind
from gridportal.offices.models import Booking
from gridportal.offices.selectors import free_slots, office_get

from .factories import office_create

pytestmark = pytest.mark.django_db
MSK = ZoneInfo("Europe/Moscow")
NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=MSK)  # Tuesday morning
WEB = Origin(channel="web", ip_address="192.0.2.10")


@pytest.fixture(autouse=True)
def _clear_limits():
    cache.clear()


def submit(
    office,
    start,
    *,
    name="Анна Смирнова",
    phone="",
    email="anna@example.ru",
    consent=True,
    service=ServiceKind.CONNECTION,
    origin=WEB,
):
    return services.booking_submit(
        submission=services.BookingSubmission(
            office_id=office.pk,
            service=service,
            starts_at=start,
            name=name,
            phone=phone,
            email=email,
            consent_given=consent,
        ),
        origin=origin,
        now=NOW,
    )


def at(hour, minute=0, day=2):
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=MSK)


def test_a_booking_is_persisted_with_a_code_a_desk_and_the_consent(branch):
    office = office_create(branch)
    booking = submit(office, at(10), phone="8 (921) 123-45-67")
    booking.refresh_from_db()
    assert len(booking.code) == 8 and booking.status == BookingStatus.BOOKED
    assert booking.desk.number == 1
    assert booking.ends_at == at(10, 30)
    assert booking.phone == "+79211234567"
    consent = ConsentRecord.objects.get(pk=booking.consent_id)
    assert consent.subject == "offices.booking" and consent.channel == "web"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"consent": False}, "consent"),
        ({"email": "", "phone": ""}, "phone"),
        ({"name": "  "}, "name"),
        ({"service": ServiceKind.DOCUMENTS}, "service"),
    ],
)
def test_refusals_name_the_field_and_keep_nothing(branch, kwargs, code):
    office = office_create(branch)
    with pytest.raises(ApplicationError) as error:
        submit(office, at(10), **kwargs)
    assert error.value.code == code
    assert not Booking.objects.exists() and not ConsentRecord.objects.exists()


def test_two_desks_take_two_bookings_of_one_time_and_the_third_is_refused_with_409(branch):
    office = office_create(branch, desks=2)
    first = submit(office, at(10), email="a@example.ru")
    second = submit(office, at(10), email="b@example.ru")
    assert {first.desk.number, second.desk.number} == {1, 2}
    with pytest.raises(services.SlotTaken) as error:
        submit(office, at(10), email="c@example.ru")
    assert error.value.status == 409
    assert "занято" in str(error.value.message)
    # 10:15 overlaps both half-hour visits: no desk is free then either.
    with pytest.raises(services.SlotTaken):
        submit(office, at(10, 15), email="c@example.ru")
    starts = [
        s.start
        for s in free_slots(
            office_get(office.pk), service=ServiceKind.CONNECTION, day=dt.date(2026, 12, 2), now=NOW
        )
    ]
    assert at(10) not in starts and at(10, 30) in starts


def test_a_time_outside_the_hours_or_in_the_break_is_refused(branch):
    office = office_create(branch)
    for start in (at(13, 15), at(8), at(17, 45), at(10, 7)):
        with pytest.raises(services.SlotTaken):
            submit(office, start)


def test_one_person_may_hold_only_so_many_bookings_a_day(branch):
    office = office_create(branch, desks=3)
    submit(office, at(10), phone="+79211234567", email="")
    submit(office, at(11), phone="+7 921 123-45-67", email="")
    with pytest.raises(ApplicationError) as error:
        submit(office, at(12), phone="89211234567", email="")
    assert error.value.code == "limit"
    # Another day is fine.
    submit(office, at(10, day=3), phone="+79211234567", email="")


def test_cancel_frees_the_slot_and_move_takes_a_new_one(branch):
    office = office_create(branch, desks=1)
    booking = submit(office, at(10))
    services.booking_cancel(code=booking.code.lower(), now=NOW)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert ConsentRecord.objects.get(pk=booking.consent_id).withdrawn_at is not None
    again = submit(office, at(10), email="other@example.ru")
    with pytest.raises(ApplicationError):
        services.booking_cancel(code=booking.code, now=NOW)
    moved = services.booking_move(code=again.code, starts_at=at(15), now=NOW)
    assert moved.starts_at == at(15) and moved.ends_at == at(15, 30)
    submit(office, at(10), email="third@example.ru")  # the old time is free again
    with pytest.raises(services.BookingNotFound):
        services.booking_cancel(code="NOSUCHCD", now=NOW)


def test_office_time_zone_is_used_for_slots(branch):
    office = office_create(branch, time_zone="Asia/Yekaterinburg")
    ekb = ZoneInfo("Asia/Yekaterinburg")
    booking = submit(office, dt.datetime(2026, 12, 2, 9, 0, tzinfo=ekb))
    assert booking.starts_at == dt.datetime(2026, 12, 2, 4, 0, tzinfo=dt.UTC)
    with pytest.raises(
        services.SlotTaken
    ):  # 9:00 Moscow is 11:00 there: fine; 8:00 there is not open
        submit(office, dt.datetime(2026, 12, 2, 8, 0, tzinfo=ekb))


def test_a_holiday_has_no_slots_and_the_horizon_is_limited(branch):
    office = office_get(office_create(branch).pk)
    assert (
        free_slots(
            office,
            service=ServiceKind.METERING,
            day=dt.date(2026, 11, 4),
            now=dt.datetime(2026, 11, 1, tzinfo=MSK),
        )
        == []
    )
    assert (
        free_slots(office, service=ServiceKind.METERING, day=dt.date(2026, 12, 30), now=NOW) == []
    )
    assert free_slots(office, service=ServiceKind.METERING, day=dt.date(2026, 12, 15), now=NOW)
