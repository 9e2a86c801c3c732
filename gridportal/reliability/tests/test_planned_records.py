"""Planned work that was done is an interruption too: planned, at its actual times."""

import datetime as dt

import pytest
from django.urls import reverse

from gridportal.outages.choices import PlannedStatus
from gridportal.outages.models import PlannedOutage
from gridportal.outages.services import (
    planned_outage_cancel,
    planned_outage_complete,
    planned_outage_create,
    planned_outages_close,
)
from gridportal.reliability.choices import AreaKind
from gridportal.reliability.models import InterruptionEvent, InterruptionRecord
from gridportal.reliability.selectors.indices import Area, area_report
from gridportal.reliability.services import interruptions_sync

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)


def work(network, substations, *, starts, hours=4):
    return planned_outage_create(
        branch=network.branch,
        district=network.district,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=hours),
        reason="Замена вводов 10 кВ",
        substations=substations,
    )


def test_work_marked_done_becomes_a_planned_interruption_at_its_actual_times(
    network, officer, django_capture_on_commit_callbacks
):
    a, b = network.substations[:2]  # 20 and 40 customers
    planned = work(network, [a, b], starts=NOW - dt.timedelta(hours=6))
    assert not InterruptionEvent.objects.exists()  # scheduled work is not an interruption yet
    started = planned.starts_at + dt.timedelta(minutes=30)  # switched off late
    ended = planned.ends_at + dt.timedelta(minutes=45)  # and back on late
    with django_capture_on_commit_callbacks(execute=True):
        planned_outage_complete(
            planned=planned, actor=officer, starts_at=started, ends_at=ended, now=NOW
        )
    event = InterruptionEvent.objects.get()
    assert event.planned and event.key == f"planned-{planned.pk}" and event.incident_id is None
    records = {r.substation_id: r for r in event.records.all()}
    assert {k: r.customers for k, r in records.items()} == {a.pk: 20, b.pk: 40}
    assert all(
        r.planned and r.started_at == started and r.restored_at == ended for r in records.values()
    )
    assert all(r.minutes == pytest.approx(255) for r in records.values())  # 4 h 15 min
    day = NOW.date()
    indices = area_report(Area(AreaKind.BRANCH, network.branch), day, day).as_dict()
    assert indices["saifi"] == pytest.approx(60 / network.customers)


def test_cancelled_work_is_no_interruption_and_a_second_sync_changes_nothing(network, officer):
    a, b, c = network.substations[:3]
    cancelled = work(network, [a], starts=NOW + dt.timedelta(days=2))
    planned_outage_cancel(planned=cancelled, actor=officer)
    done = work(network, [b, c], starts=NOW - dt.timedelta(hours=8))
    planned_outage_complete(planned=done, actor=officer, now=NOW)
    interruptions_sync()
    interruptions_sync()
    assert InterruptionEvent.objects.count() == 1
    assert InterruptionRecord.objects.filter(planned=True).count() == 2


def test_work_cannot_be_done_before_the_power_is_back_or_twice(network, officer):
    planned = work(network, network.substations[:1], starts=NOW - dt.timedelta(hours=1))
    from gridportal.core.exceptions import ApplicationError

    with pytest.raises(ApplicationError):  # ends three hours from now
        planned_outage_complete(planned=planned, actor=officer, now=NOW)
    with pytest.raises(ApplicationError):
        planned_outage_complete(
            planned=planned,
            actor=officer,
            starts_at=NOW - dt.timedelta(hours=1),
            ends_at=NOW - dt.timedelta(hours=2),
            now=NOW,
        )
    planned_outage_complete(
        planned=planned, actor=officer, ends_at=NOW - dt.timedelta(minutes=5), now=NOW
    )
    with pytest.raises(ApplicationError):
        planned_outage_complete(planned=planned, actor=officer, now=NOW)


def test_work_nobody_marked_done_is_closed_on_schedule_a_day_later(network, officer):
    old = work(network, network.substations[:1], starts=NOW - dt.timedelta(hours=30))
    recent = work(network, network.substations[1:2], starts=NOW - dt.timedelta(hours=10))
    assert planned_outages_close(now=NOW) == 1
    assert planned_outages_close(now=NOW) == 0  # idempotent
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.status == PlannedStatus.DONE and old.actual_starts_at == old.starts_at
    assert recent.status == PlannedStatus.SCHEDULED
    interruptions_sync()
    assert InterruptionEvent.objects.get().planned


def test_dispatcher_marks_work_done_on_the_staff_page_with_its_actual_times(
    client, officer, network, django_capture_on_commit_callbacks
):
    starts = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=6)).replace(second=0, microsecond=0)
    planned = work(network, network.substations[:1], starts=starts)
    client.force_login(officer)
    page = client.get(reverse("staff:outages:planned"))
    assert "Отметить выполненными" in page.content.decode()
    url = reverse("staff:outages:planned-done", args=[planned.pk])
    # Moscow time (the branch's zone): the supply went off at starts + 10 min, back 2 h later.
    local = dt.timezone(dt.timedelta(hours=3))
    off = (starts + dt.timedelta(minutes=10)).astimezone(local)
    on = off + dt.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"starts_at": off.strftime("%Y-%m-%dT%H:%M"), "ends_at": on.strftime("%Y-%m-%dT%H:%M")},
        )
    assert response.status_code == 302
    planned = PlannedOutage.objects.get(pk=planned.pk)
    assert planned.status == PlannedStatus.DONE
    assert planned.actual_starts_at == off and planned.actual_ends_at == on
    assert InterruptionRecord.objects.get().minutes == pytest.approx(120)
    # An end in the future is refused with a message, nothing changes.
    other = work(network, network.substations[1:2], starts=starts)
    later = dt.datetime.now(local) + dt.timedelta(hours=3)
    client.post(
        reverse("staff:outages:planned-done", args=[other.pk]),
        {"starts_at": off.strftime("%Y-%m-%dT%H:%M"), "ends_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    other.refresh_from_db()
    assert other.status == PlannedStatus.SCHEDULED
