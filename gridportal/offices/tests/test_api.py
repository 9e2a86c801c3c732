"""The offices API: list with near=, free slots, booking (409 when taken), cancel and move."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from gridportal.offices.choices import BookingStatus
from gridportal.offices.models import Booking

from .factories import office_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear():
    cache.clear()


def first_slot(client, office, service="metering"):
    for offset in range(1, 10):
        day = (timezone.localdate() + dt.timedelta(days=offset)).isoformat()
        rows = client.get(
            f"/api/v1/offices/{office.pk}/slots/", {"service": service, "date": day}
        ).json()
        if rows:
            return rows
    raise AssertionError("no slots")


def test_list_filters_and_near_sorts_by_distance(client, branch, other_branch):
    far = office_create(branch, name="Петрозаводск", saturday=True)
    near = office_create(other_branch, name="Псков", latitude=57.8, longitude=28.3)
    rows = client.get("/api/v1/offices/", {"near": "57.81,28.33"}).json()
    assert [r["id"] for r in rows] == [near.pk, far.pk]
    assert rows[0]["distance_km"] < 3 and isinstance(rows[0]["open_now"], bool)
    assert {s["kind"] for s in rows[0]["services"]} == {"connection", "metering", "payments"}
    assert [r["id"] for r in client.get("/api/v1/offices/", {"saturday": "true"}).json()] == [
        far.pk
    ]
    bad = client.get("/api/v1/offices/", {"near": "north"})
    assert bad.status_code == 400 and "near" in bad.json()["error"]["fields"]


def test_slots_book_taken_cancel_move(client, branch):
    office = office_create(branch, desks=1)
    rows = first_slot(client, office)
    body = {
        "office": office.pk,
        "service": "metering",
        "starts_at": rows[0]["start"],
        "name": "Анна",
        "email": "anna@example.ru",
        "consent": True,
    }
    created = client.post("/api/v1/bookings/", body, content_type="application/json")
    assert created.status_code == 201, created.json()
    code = created.json()["code"]
    taken = client.post(
        "/api/v1/bookings/", {**body, "email": "boris@example.ru"}, content_type="application/json"
    )
    assert taken.status_code == 409
    assert taken.json()["error"]["code"] == "slot_taken" and taken.json()["error"]["message"]
    assert (
        client.get(
            f"/api/v1/offices/{office.pk}/slots/",
            {"service": "metering", "date": rows[0]["start"][:10]},
        ).json()[0]["start"]
        != rows[0]["start"]
    )
    moved = client.post(
        f"/api/v1/bookings/{code}/move/",
        {"starts_at": rows[-1]["start"]},
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["starts_at"] == rows[-1]["start"]
    cancelled = client.post(f"/api/v1/bookings/{code}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert Booking.objects.get(code=code).status == BookingStatus.CANCELLED
    assert client.post(f"/api/v1/bookings/{code}/cancel/").status_code == 400
    assert client.post("/api/v1/bookings/NOPE1234/cancel/").status_code == 404


def test_booking_refusals_are_4xx_with_the_field(client, branch):
    office = office_create(branch)
    rows = first_slot(client, office)
    body = {
        "office": office.pk,
        "service": "metering",
        "starts_at": rows[0]["start"],
        "name": "Анна",
        "email": "anna@example.ru",
        "consent": False,
    }
    answer = client.post("/api/v1/bookings/", body, content_type="application/json")
    assert answer.status_code == 400 and "consent" in answer.json()["error"]["fields"]
    body.update(consent=True, email="", phone="")
    answer = client.post("/api/v1/bookings/", body, content_type="application/json")
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "phone"
    assert (
        client.get(
            f"/api/v1/offices/{office.pk}/slots/", {"service": "metering", "date": "2026-13-01"}
        ).status_code
        == 400
    )
    assert (
        client.get(
            "/api/v1/offices/999999/slots/", {"service": "metering", "date": "2026-12-01"}
        ).status_code
        == 404
    )
    assert not Booking.objects.exists()
