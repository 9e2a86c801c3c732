"""Rebuild within seconds of a change: confirm, estimate, restore and planned work reach the answers.

These tests commit for real (transactional database), so the on_commit hooks
fire exactly as in production; Celery runs eagerly as in the embedded tier.
"""

import datetime as dt
import logging

import pytest
from django.core.cache import cache
from django.utils import timezone

from gridportal.outages import services as outages
from gridportal.outages.models import Incident
from gridportal.outages.storm import services
from gridportal.outages.tests.factories import report

from .conftest import predict

STATUS = "/outages/live/status.json"

committed = pytest.mark.django_db(transaction=True)


def look_up(client, substation):
    response = client.get(STATUS, {"substation": substation.pk})
    assert response.status_code == 200
    return response["ETag"], response.json()


@committed
def test_confirm_etr_change_and_restore_each_rebuild_the_answer(client, network, officer):
    tp = network.substations[0]
    etag, body = look_up(client, tp)
    assert body["state"] == "none"

    incident = predict(network, tp)
    etag_reported, body = look_up(client, tp)
    assert body["state"] == "reported" and etag_reported != etag

    incident = outages.incident_confirm(incident=incident, actor=officer)
    etag_confirmed, body = look_up(client, tp)
    assert body["state"] == "outage" and body["incident"]["estimated_restoration"] is None
    # The old tag no longer matches: a client holding it gets the new answer.
    stale = client.get(STATUS, {"substation": tp.pk}, headers={"if-none-match": etag_reported})
    assert stale.status_code == 200

    etr = (timezone.now() + dt.timedelta(hours=3)).replace(microsecond=0)
    outages.incident_update(incident=incident, actor=officer, etr=etr)
    etag_etr, body = look_up(client, tp)
    assert body["incident"]["estimated_restoration"] == etr.isoformat().replace("+00:00", "Z")
    assert etag_etr != etag_confirmed

    outages.incident_restore(incident=incident, actor=officer)
    etag_restored, body = look_up(client, tp)
    assert body == {"state": "none", "incident": None, "planned": []}
    assert etag_restored != etag_etr


@committed
def test_a_step_restore_frees_part_of_the_area(client, network, officer):
    # Reports from three substations of one feeder move the prediction up to the feeder.
    for tp in network.substations[:3]:
        for address in network.addresses_of(tp):
            report(address)
    incident = Incident.objects.get(status="predicted", level="feeder")
    incident = outages.incident_confirm(incident=incident, actor=officer)
    assert look_up(client, network.substations[1])[1]["state"] == "outage"
    outages.incident_step_restore(
        incident=incident, actor=officer, substation_ids=[network.substations[1].pk]
    )
    assert look_up(client, network.substations[1])[1]["state"] == "none"
    assert look_up(client, network.substations[0])[1]["state"] == "outage"


@committed
def test_planned_work_appears_and_its_cancellation_disappears(client, network):
    tp = network.substations[-1]
    assert look_up(client, tp)[1]["state"] == "none"
    start = timezone.now() + dt.timedelta(days=1)
    work = outages.planned_outage_create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        reason="Замена опор",
        substations=[tp],
    )
    body = look_up(client, tp)[1]
    assert body["state"] == "planned" and body["planned"][0]["reason"] == "Замена опор"
    work.status = "cancelled"
    work.save()
    assert look_up(client, tp)[1]["state"] == "none"


@pytest.mark.django_db
def test_one_transaction_queues_one_rebuild(network, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        incident = predict(network, network.substations[0])  # reports, incident, events, coverage
        outages.incident_confirm(incident=incident, actor=officer)
    assert [c for c in callbacks if c is services._schedule] == [services._schedule]


@committed
def test_a_failing_rebuild_never_breaks_the_report_that_triggered_it(
    client, network, settings, tmp_path, caplog
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the publish directory should be")
    settings.STORM_PUBLISH_DIR = str(blocker)
    with caplog.at_level(logging.ERROR, logger="gridportal.outages.storm.services"):
        response = client.post(
            "/api/v1/outages/reports/",
            {"address": network.addresses[0].pk, "problem": "no_power", "consent": True},
            content_type="application/json",
        )
    assert response.status_code == 201
    assert response.json()["number"]
    assert "could not rebuild the snapshot" in caplog.text


@committed
def test_a_rebuild_already_pending_is_not_queued_twice(client, network):
    tp = network.substations[0]
    assert look_up(client, tp)[1]["state"] == "none"
    cache.add(services.PENDING_KEY, 1, services.DEBOUNCE_SECONDS)  # one is queued already
    predict(network, tp)
    # The queued rebuild has not run yet: this process still answers from its snapshot.
    assert look_up(client, tp)[1]["state"] == "none"
    cache.delete(services.PENDING_KEY)  # …and when it runs, the next change goes through
    report(network.addresses_of(tp)[0], phone="+79001112233")
    assert look_up(client, tp)[1]["state"] == "reported"


@pytest.mark.django_db
def test_a_change_after_a_quiet_second_is_built_at_once_and_one_after_a_build_waits(
    network, time_machine
):
    """A danger report between storms reaches every node about a second sooner; during a
    storm, changes that follow a build wait a second and are built together."""
    from gridportal.outages.storm import tasks

    time_machine.move_to(timezone.now(), tick=False)
    assert services.rebuild_countdown() == 0
    tasks.snapshot_rebuild()
    assert services.rebuild_countdown() == services.COALESCE_SECONDS
    time_machine.shift(dt.timedelta(seconds=services.COALESCE_SECONDS + 0.1))
    assert services.rebuild_countdown() == 0
