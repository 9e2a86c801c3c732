"""Two people press «book» for the last free time at the same moment: one gets it, one is told.

Runs on PostgreSQL (each thread its own connection; the office row lock serialises them);
SQLite has no concurrent writers to test, so the test is skipped there.
"""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection, connections

from gridportal.core.intake import Origin
from gridportal.offices import services
from gridportal.offices.choices import BookingStatus, ServiceKind
from gridportal.offices.models import Booking

from .factories import office_create

MSK = ZoneInfo("Europe/Moscow")
NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=MSK)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_simultaneous_bookings_of_the_last_slot_one_wins_one_is_refused(branch, round_):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    cache.clear()
    office = office_create(branch, desks=1)
    start = dt.datetime(2026, 12, 2, 10, 0, tzinfo=MSK)
    barrier = threading.Barrier(2)
    outcomes = {}

    def book(who):
        try:
            barrier.wait(timeout=10)
            booking = services.booking_submit(
                submission=services.BookingSubmission(
                    office_id=office.pk,
                    service=ServiceKind.CONNECTION,
                    starts_at=start,
                    name=who,
                    email=f"{who}@example.ru",
                    consent_given=True,
                ),
                origin=Origin(channel="api", ip_address=f"192.0.2.{len(who)}"),
                now=NOW,
            )
            outcomes[who] = booking.code
        except services.SlotTaken as error:
            outcomes[who] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(who,)) for who in ("anna", "boris")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    codes = [v for v in outcomes.values() if isinstance(v, str)]
    refusals = [v for v in outcomes.values() if isinstance(v, services.SlotTaken)]
    assert len(codes) == 1 and len(refusals) == 1, outcomes
    assert refusals[0].status == 409
    assert "занято" in str(refusals[0].message)
    assert (
        list(Booking.objects.filter(status=BookingStatus.BOOKED).values_list("code", flat=True))
        == codes
    )


@pytest.mark.django_db(transaction=True)
def test_the_database_itself_refuses_a_second_live_booking_of_a_desk_and_time(branch):
    """The unique constraint holds even for a writer that skipped the lock."""
    from django.db import IntegrityError

    office = office_create(branch, desks=1)
    desk = office.desks.get()
    start = dt.datetime(2026, 12, 2, 10, 0, tzinfo=MSK)
    fields = {
        "office": office,
        "desk": desk,
        "service": ServiceKind.METERING,
        "starts_at": start,
        "ends_at": start + dt.timedelta(minutes=20),
        "name": "x",
        "contact_key": "x",
    }
    Booking.objects.create(code="AAAA1111", **fields)
    with pytest.raises(IntegrityError):
        Booking.objects.create(code="AAAA2222", **fields)
