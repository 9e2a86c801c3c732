"""Public pages and the staff console, through the test client."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from gridportal.core.models import AuditLogEntry
from gridportal.core.signals import service_event
from gridportal.grid.address_panels import address_panels
from gridportal.offices.choices import BookingStatus, ServiceKind, VisitStatus
from gridportal.offices.models import Booking, OfficeHours, Visit
from gridportal.testing.factories import address_create

from .factories import office_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear():
    cache.clear()


def next_free(client, office, service=ServiceKind.METERING):
    """The first free time the booking page offers, looking a few days ahead."""
    for offset in range(1, 8):
        day = timezone.localdate() + dt.timedelta(days=offset)
        page = client.get(
            reverse("offices:book", args=[office.pk]), {"service": service, "date": day.isoformat()}
        )
        slots = page.context["slots"]
        if slots:
            return day, slots[0]
    raise AssertionError("no free time in a week")


def test_directory_lists_offices_per_branch_with_open_now_and_filters(client, branch, other_branch):
    office_create(branch, name="ЦОК Петрозаводск", saturday=True)
    office_create(
        other_branch,
        name="ЦОК Псков",
        services=((ServiceKind.PAYMENTS, 15),),
        latitude=57.8,
        longitude=28.3,
    )
    page = client.get(reverse("offices:directory"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "ЦОК Петрозаводск" in text and "ЦОК Псков" in text and "Карельский филиал" in text
    only = client.get(
        reverse("offices:directory"), {"service": ServiceKind.CONNECTION}
    ).content.decode()
    assert "ЦОК Петрозаводск" in only and "ЦОК Псков" not in only
    saturday = client.get(reverse("offices:directory"), {"saturday": "on"}).content.decode()
    assert "ЦОК Петрозаводск" in saturday and "ЦОК Псков" not in saturday
    bad = client.get(reverse("offices:directory"), {"service": "nonsense", "lat": "x"})
    assert bad.status_code == 400


def test_nearest_offices_from_a_point_come_first_with_distance(client, branch, other_branch):
    office_create(branch, name="Дальний", latitude=61.787, longitude=34.354)
    office_create(other_branch, name="Ближний", latitude=57.8, longitude=28.3)
    page = client.get(reverse("offices:directory"), {"lat": "57.81", "lon": "28.33"})
    cards = page.context["cards"]
    assert [c.office.name for c in cards] == ["Ближний", "Дальний"]
    assert cards[0].distance_km < 3 < cards[1].distance_km
    data = client.get(reverse("offices:directory-data"), {"lat": "57.81", "lon": "28.33"}).json()
    assert data["features"][0]["properties"]["name"] == "Ближний"


def test_office_page_names_hours_break_accessibility(client, branch):
    office = office_create(branch)
    text = client.get(reverse("offices:office", args=[office.pk])).content.decode()
    assert "09:00–18:00" in text and "13:00–14:00" in text
    assert client.get(reverse("offices:office", args=[999999])).status_code == 404


def test_booking_through_the_page_then_cancel_by_code(
    client, branch, smtp_server, django_capture_on_commit_callbacks
):
    office = office_create(branch, desks=1)
    day, slot = next_free(client, office)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            reverse("offices:book", args=[office.pk]) + f"?service=metering&date={day.isoformat()}",
            {
                "service": "metering",
                "starts_at": slot.start.isoformat(),
                "name": "Иван Петров",
                "email": "ivan@example.ru",
                "consent": "on",
                "date": day.isoformat(),
            },
        )
    assert answer.status_code == 302
    booking = Booking.objects.get()
    mail = smtp_server.wait_for(1)[0]
    assert booking.code in mail["body"] and mail["to"] == ["ivan@example.ru"]
    assert any(
        part.get_content_type() == "text/calendar" for part in mail["message"].iter_attachments()
    )
    manage = client.get(answer["Location"])
    assert booking.code in manage.content.decode()
    ics = client.get(reverse("offices:booking-ics", args=[booking.code]))
    assert b"BEGIN:VEVENT" in ics.content
    # The same time again: refused with a clear message and 409.
    again = client.post(
        reverse("offices:book", args=[office.pk]) + f"?service=metering&date={day.isoformat()}",
        {
            "service": "metering",
            "starts_at": slot.start.isoformat(),
            "name": "Пётр",
            "email": "p@example.ru",
            "consent": "on",
        },
    )
    assert again.status_code == 409
    assert "занято" in again.content.decode() or "taken" in again.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        cancel = client.post(
            reverse("offices:booking-manage") + f"?code={booking.code}", {"action": "cancel"}
        )
    assert cancel.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert smtp_server.wait_for(2)[1]["subject"].strip().startswith(("Ваша запись", "Your booking"))


def test_booking_without_consent_is_refused_on_the_page(client, branch):
    office = office_create(branch)
    day, slot = next_free(client, office)
    answer = client.post(
        reverse("offices:book", args=[office.pk]),
        {
            "service": "metering",
            "starts_at": slot.start.isoformat(),
            "name": "Иван",
            "email": "ivan@example.ru",
            "date": day.isoformat(),
        },
    )
    assert answer.status_code == 400 and not Booking.objects.exists()


def test_unknown_code_is_a_clear_404(client):
    page = client.get(reverse("offices:booking-manage"), {"code": "ZZZZZZZZ"})
    assert page.status_code == 404


def test_address_panel_names_the_three_nearest(rf, branch):
    for i in range(4):
        office_create(branch, name=f"ЦОК {i}", latitude=61.79 + i / 10, longitude=34.36)
    address = address_create()
    panels = [p for p in address_panels(rf.get("/"), address) if p.key == "offices"]
    assert len(panels) == 1 and panels[0].order == 70
    assert [n["name"] for n in panels[0].data["nearest"]] == ["ЦОК 0", "ЦОК 1", "ЦОК 2"]


def test_staff_walk_in_call_serve_and_the_month_figures(
    client, branch, operator, django_capture_on_commit_callbacks
):
    office = office_create(branch)
    events = []
    service_event.connect(lambda **kw: events.append(kw), weak=False, dispatch_uid="test-offices")
    try:
        client.force_login(operator)
        day_url = reverse("staff:offices:day", args=[office.pk])
        assert client.get(day_url).status_code == 200
        assert AuditLogEntry.objects.filter(action="view", object_type__icontains="office").exists()
        client.post(
            reverse("staff:offices:walk-in", args=[office.pk]),
            {"service": "payments", "name": "Сидоров"},
        )
        visit = Visit.objects.get()
        assert visit.ticket == "A001" and visit.status == VisitStatus.WAITING
        client.post(
            reverse("staff:offices:visit-action", args=[office.pk, visit.pk]),
            {"action": "call", "desk": "2"},
        )
        screen = client.get(reverse("offices:screen-data", args=[office.pk])).json()
        assert screen["called"] == [{"ticket": "A001", "desk": 2}]
        client.post(
            reverse("staff:offices:visit-action", args=[office.pk, visit.pk]), {"action": "start"}
        )
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("staff:offices:visit-action", args=[office.pk, visit.pk]),
                {"action": "finish"},
            )
        visit.refresh_from_db()
        assert visit.status == VisitStatus.SERVED and visit.wait_minutes == 0
        assert [e["kind"] for e in events] == ["office_visit_served"]
        page = client.get(reverse("staff:offices:index"))
        row = next(r for r in page.context["rows"] if r["office"] == office)
        assert row["figures"].served == 1 and row["figures"].within == 1
    finally:
        service_event.disconnect(dispatch_uid="test-offices")


def test_waiting_over_the_standard_counts_against_the_share(branch, operator):
    from gridportal.offices.selectors import wait_figures

    office = office_create(branch)
    msk = ZoneInfo("Europe/Moscow")
    base = dt.datetime(2026, 10, 5, 9, 0, tzinfo=msk)
    for i, wait in enumerate((5, 30, 31, 45)):
        Visit.objects.create(
            office=office,
            day=base.date(),
            ticket=f"A{i:03d}",
            kind="walk_in",
            service="payments",
            arrived_at=base,
            started_at=base + dt.timedelta(minutes=wait),
            status="served",
        )
    figures = wait_figures(office, 2026, 10)
    assert (figures.served, figures.within, figures.percent, figures.limit_minutes) == (
        4,
        2,
        50,
        30,
    )
    assert figures.average_minutes == pytest.approx(27.75)


def test_staff_of_another_branch_get_404_and_customers_403(
    client, branch, other_operator, customer
):
    office = office_create(branch)
    client.force_login(other_operator)
    assert client.get(reverse("staff:offices:day", args=[office.pk])).status_code == 404
    assert client.get(reverse("staff:offices:edit", args=[office.pk])).status_code == 404
    assert office.name not in client.get(reverse("staff:offices:index")).content.decode()
    client.force_login(customer)
    assert client.get(reverse("staff:offices:index")).status_code == 403


def test_staff_edit_hours_and_a_break_outside_is_refused(client, branch, operator):
    office = office_create(branch)
    client.force_login(operator)
    page = client.get(reverse("staff:offices:edit", args=[office.pk]))
    assert page.status_code == 200
    data = {}

    def put(form):
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if hasattr(value, "strftime"):
                value = value.strftime("%H:%M") if hasattr(value, "hour") else value.isoformat()
            data[bound.html_name] = (
                str(value).replace(".", ",") if bound.name in ("latitude", "longitude") else value
            )

    put(page.context["form"])
    for formset in page.context["sets"].values():
        mgmt = formset.management_form
        for bound in mgmt:
            data[bound.html_name] = bound.value()
        data[mgmt["TOTAL_FORMS"].html_name] = formset.initial_form_count()
        for form in formset.initial_forms:
            put(form)
    data["hours-0-closes"] = "20:00"
    answer = client.post(reverse("staff:offices:edit", args=[office.pk]), data)
    assert answer.status_code == 302, answer.context and [
        answer.context["form"].errors,
        [s.errors for s in answer.context["sets"].values()],
    ]
    assert OfficeHours.objects.get(office=office, weekday=0).closes == dt.time(20)
    data["hours-1-break_end"] = "19:30"
    assert client.post(reverse("staff:offices:edit", args=[office.pk]), data).status_code == 400


def test_the_office_page_names_the_coming_holiday_and_shortened_day(client, branch, time_machine):
    time_machine.move_to(
        dt.datetime(2026, 10, 29, 12, 0, tzinfo=ZoneInfo("Europe/Moscow")), tick=False
    )
    office = office_create(branch)
    special = client.get(reverse("offices:office", args=[office.pk])).context["special_days"]
    assert [(p.day, p.reason) for p in special] == [
        (dt.date(2026, 11, 3), "shortened"),
        (dt.date(2026, 11, 4), "holiday"),
    ]
    assert special[0].hours.closes == dt.time(17)
    text = client.get(reverse("offices:office", args=[office.pk])).content.decode()
    assert "сокращённый предпраздничный день" in text and "праздничный день" in text


def test_moving_a_booking_on_its_page(client, branch):
    office = office_create(branch, desks=1)
    day, slot = next_free(client, office)
    client.post(
        reverse("offices:book", args=[office.pk]) + f"?service=metering&date={day.isoformat()}",
        {
            "service": "metering",
            "starts_at": slot.start.isoformat(),
            "name": "Иван",
            "phone": "+7 921 000-00-00",
            "consent": "on",
        },
    )
    booking = Booking.objects.get()
    page = client.get(
        reverse("offices:booking-manage"), {"code": booking.code, "date": day.isoformat()}
    )
    later = page.context["slots"][-1]
    moved = client.post(
        reverse("offices:booking-manage") + f"?code={booking.code}",
        {"action": "move", "starts_at": later.start.isoformat()},
    )
    assert moved.status_code == 302
    booking.refresh_from_db()
    assert booking.starts_at == later.start and booking.status == BookingStatus.BOOKED
    bad = client.post(
        reverse("offices:booking-manage") + f"?code={booking.code}",
        {"action": "move", "starts_at": "yesterday"},
    )
    assert bad.status_code == 400
