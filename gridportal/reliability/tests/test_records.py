"""Interruption records: from incidents restored on the dispatcher board, and from CSV files."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from gridportal.core.models import AuditLogEntry
from gridportal.outages.models import Incident
from gridportal.outages.tests.factories import report
from gridportal.reliability.choices import AreaKind, Source
from gridportal.reliability.models import InterruptionEvent, InterruptionRecord
from gridportal.reliability.selectors.indices import Area, area_report
from gridportal.reliability.services import (
    event_correct,
    interruptions_sync,
    record_correct,
)

pytestmark = pytest.mark.django_db


def board_restore_in_steps(client, incident, steps):
    """Click through the board as a dispatcher: confirm, then restore substations step by step.

    `steps` is a list of lists of substations; the last step restores the rest.
    """
    action = lambda name: reverse("staff:outages:incident-action", args=[incident.pk, name])  # noqa: E731
    client.post(action("confirm"))
    for substations in steps:
        client.post(action("step"), {"substations": [s.pk for s in substations]})


def outage_on(network, substations, *, started):
    for tp in substations:
        for address in network.addresses_of(tp):
            report(address, now=started)
    return Incident.objects.get(status="predicted")


def write_csv(tmp_path, lines, name="history.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_indices_from_the_board_equal_those_from_the_same_interruptions_imported(
    client, officer, network, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    started = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=3)
    a, b, c = network.substations[:3]  # one feeder: 20, 40 and 60 customers
    incident = outage_on(network, [a, b, c], started=started)
    with django_capture_on_commit_callbacks(execute=True):
        board_restore_in_steps(client, incident, [[a], [b, c]])
    incident.refresh_from_db()
    assert incident.status == "restored"
    event = InterruptionEvent.objects.get(source=Source.PORTAL)
    assert event.incident_id == incident.pk and event.confirmed_by == officer
    steps = {r.substation_id: r for r in event.records.all()}
    assert {s: r.customers for s, r in steps.items()} == {a.pk: 20, b.pk: 40, c.pk: 60}
    today = dt.date.today()
    first, last = today - dt.timedelta(days=2), today
    area = Area(AreaKind.BRANCH, network.branch)
    from_board = area_report(area, first, last).as_dict()
    assert from_board["saifi"] == pytest.approx(120 / network.customers)

    lines = ["event,branch,substation,started_at,restored_at"]
    for tp in (a, b, c):
        r = steps[tp.pk]
        lines.append(f"E1,karelia,{tp.name},{r.started_at.isoformat()},{r.restored_at.isoformat()}")
    InterruptionEvent.objects.all().delete()
    call_command("import_interruptions", str(write_csv(tmp_path, lines)))
    assert InterruptionRecord.objects.filter(event__source=Source.IMPORT).count() == 3
    assert area_report(area, first, last).as_dict() == from_board


def test_sync_is_idempotent_and_keeps_a_dispatchers_correction(officer, network):
    started = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
    from gridportal.outages import services as outages

    incident = outage_on(network, network.substations[:1], started=started)
    outages.incident_confirm(incident=incident, actor=officer, now=started)
    outages.incident_restore(incident=incident, actor=officer, now=started + dt.timedelta(hours=2))
    assert interruptions_sync() == 1
    assert interruptions_sync() == 1
    record = InterruptionRecord.objects.get()
    assert record.minutes == 120 and record.customer_minutes == 120 * 20
    record_correct(
        record=record,
        actor=officer,
        started_at=record.started_at,
        restored_at=record.started_at + dt.timedelta(hours=1),
        customers=15,
    )
    interruptions_sync()
    record = InterruptionRecord.objects.get()
    assert (record.minutes, record.customers, record.customer_minutes) == (60, 15, 900)
    entry = AuditLogEntry.objects.get(details__action="record_correct")
    assert entry.actor == officer and entry.details["before"]["customers"] == 20
    event_correct(event=record.event, actor=officer, planned=True, cause="maintenance")
    assert InterruptionRecord.objects.get().planned is True
    assert (
        AuditLogEntry.objects.filter(details__action="event_correct", action="update").count() == 1
    )


def test_a_correction_cannot_restore_before_the_start(officer, network):
    from gridportal.core.exceptions import ApplicationError

    event = InterruptionEvent.objects.create(
        branch=network.branch,
        source=Source.IMPORT,
        key="x",
        started_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )
    tp = network.substations[0]
    record = InterruptionRecord(
        event=event,
        branch=network.branch,
        substation=tp,
        feeder=tp.feeder,
        power_centre=tp.feeder.power_centre,
        customers=5,
        started_at=event.started_at,
        restored_at=event.started_at + dt.timedelta(minutes=30),
    )
    record.save()
    with pytest.raises(ApplicationError):
        record_correct(
            record=record,
            actor=officer,
            started_at=event.started_at,
            restored_at=event.started_at - dt.timedelta(minutes=1),
            customers=5,
        )


def test_import_a_step_restoration_with_default_customers(network, tmp_path):
    a, b = network.substations[:2]
    path = write_csv(
        tmp_path,
        [
            "event,branch,substation,started_at,restored_at,customers,planned,operations,cause",
            f"2019-17,karelia,{a.name},2019-05-01T10:00:00+03:00,2019-05-01T10:40:00+03:00,,false,,tree",
            f"2019-17,karelia,{b.name},2019-05-01T10:00:00+03:00,2019-05-01T13:00:00+03:00,25,,,",
            f"2019-18,karelia,{a.name},2019-05-02T10:00:00+03:00,2019-05-02T10:02:00+03:00,,,3,",
        ],
    )
    call_command("import_interruptions", str(path))
    events = {e.key: e for e in InterruptionEvent.objects.all()}
    assert events["2019-17"].cause == "tree" and not events["2019-17"].planned
    rows = list(events["2019-17"].records.order_by("restored_at"))
    assert [(r.customers, r.minutes) for r in rows] == [(20, 40), (25, 180)]
    assert events["2019-18"].records.get().operations == 3
    # Importing the same file again replaces, it does not add.
    call_command("import_interruptions", str(path))
    assert InterruptionRecord.objects.count() == 3


def test_a_file_with_bad_rows_is_rejected_whole_with_row_numbers(network, tmp_path):
    a = network.substations[0]
    path = write_csv(
        tmp_path,
        [
            "event,branch,substation,started_at,restored_at,customers,planned",
            f"1,karelia,{a.name},2020-01-01T10:00:00+03:00,2020-01-01T11:00:00+03:00,,",
            "2,karelia,ТП-нет,2020-01-01T10:00:00+03:00,2020-01-01T11:00:00+03:00,,",
            f"3,karelia,{a.name},2020-01-01T10:00:00,2020-01-01T11:00:00+03:00,,",
            f"4,karelia,{a.name},2020-01-01T12:00:00+03:00,2020-01-01T11:00:00+03:00,-4,maybe",
            f"5,nowhere,{a.name},2020-01-01T10:00:00+03:00,2020-01-01T11:00:00+03:00,,",
        ],
    )
    with translation.override("en"), pytest.raises(CommandError) as failure:
        call_command("import_interruptions", str(path))
    text = str(failure.value)
    assert "Row 3: unknown substation «ТП-нет»" in text
    assert (
        "Row 4: «2020-01-01T10:00:00» in «started_at» is not a date and time with an offset" in text
    )
    assert "Row 5: «restored_at» is earlier than «started_at»." in text
    assert "Row 5: «-4» in «customers» is not a whole number of at least 0." in text
    assert "Row 5: «maybe» in «planned» is neither true nor false." in text
    assert "Row 6: unknown branch «nowhere»." in text
    assert "Row 2" not in text
    assert not InterruptionEvent.objects.exists()


def test_missing_columns_are_named(network, tmp_path):
    path = write_csv(tmp_path, ["event,branch,substation", "1,karelia,x"])
    with translation.override("en"), pytest.raises(CommandError, match="Missing columns"):
        call_command("import_interruptions", str(path))


def test_the_demo_history_has_storm_days_that_qualify_as_major_event_days(network):
    from io import StringIO

    from gridportal.reliability.demo import generate, network_tps

    result = generate(
        network_tps(),
        first=dt.date(2019, 1, 1),
        last=dt.date(2025, 12, 31),
        events_per_day=0.5,
        storm_days=6,
        seed=3,
    )
    assert result["records"] > 1000
    area = Area(AreaKind.COMPANY)
    late_storms = [d for d in result["storm_days"] if d.year >= 2021]
    assert late_storms
    for day in late_storms:
        report = area_report(area, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
        assert day in report.med_days
        assert report.without_med.saidi < report.indices.saidi
    out = StringIO()
    call_command("seed_reliability_demo", "--if-empty", stdout=out)
    assert "already" in out.getvalue()


def test_import_errors_are_in_russian(network, tmp_path):
    path = write_csv(
        tmp_path,
        [
            "event,branch,substation,started_at,restored_at",
            "1,karelia,ТП-нет,2020-01-01T10:00:00+03:00,2020-01-01T11:00:00+03:00",
        ],
    )
    with translation.override("ru"), pytest.raises(CommandError) as failure:
        call_command("import_interruptions", str(path))
    assert "Строка 2: в этом филиале нет подстанции «ТП-нет»." in str(failure.value)


def test_an_incident_that_is_not_restored_makes_no_interruption(officer, network):
    from gridportal.outages import services as outages

    started = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
    incident = outage_on(network, network.substations[:1], started=started)
    outages.incident_confirm(incident=incident, actor=officer, now=started)
    assert interruptions_sync() == 0
    outages.incident_reject(
        incident=outage_on(network, network.substations[3:4], started=started),
        actor=officer,
        reason="ложная тревога",
    )
    assert interruptions_sync() == 0
    assert not InterruptionEvent.objects.exists()
