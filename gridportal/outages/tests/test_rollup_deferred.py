"""Report intake at storm scale: the request persists the report and answers from what is
known; a worker rolls the power centre up moments later, once per burst of reports there,
and the sweep rolls up any report whose roll-up never came."""

import datetime as dt
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prometheus_client import REGISTRY

from gridportal.outages import services
from gridportal.outages.choices import IncidentStatus, Level, Problem, UnassignedReason
from gridportal.outages.models import Incident, OutageReport
from gridportal.outages.services.rollups import QUEUED_KEY
from gridportal.outages.storm import services as storm_services
from gridportal.outages.storm.snapshots import snapshot_build

from .conftest import build_network
from .factories import report, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def deferred(settings):
    settings.OUTAGES_ROLLUP_DEFERRED = True
    return settings


def placed(report_row: OutageReport) -> bool:
    """Exactly one home: an incident, or unassigned with a reason."""
    return (report_row.incident_id is None) != (report_row.unassigned_reason == "")


def test_the_report_is_answered_before_its_roll_up_and_placed_right_after_commit(
    deferred, network, django_capture_on_commit_callbacks
):
    first, second = network.addresses_of(network.substations[0])
    with django_capture_on_commit_callbacks() as queued:
        one = report(first)
        two = report(second)
    # Acknowledged and persisted, not yet on the network.
    assert one.incident_id is None and one.rolled_up_at is None
    assert OutageReport.objects.filter(rolled_up_at__isnull=True).count() == 2
    assert not Incident.objects.exists()

    for callback in queued:  # the transaction committed: the roll-up is queued and runs
        callback()
    incident = Incident.objects.get()
    assert (incident.level, incident.substation_id) == (Level.SUBSTATION, network.substations[0].pk)
    assert set(incident.reports.values_list("pk", flat=True)) == {one.pk, two.pk}
    assert not OutageReport.objects.filter(rolled_up_at__isnull=True).exists()


def test_a_burst_of_reports_at_one_centre_is_rolled_up_by_one_run(
    deferred, network, django_capture_on_commit_callbacks
):
    # A roll-up of this centre is already queued (its worker has not started yet) ...
    cache.add(QUEUED_KEY.format(centre=network.centre.pk), 1, 10)
    with django_capture_on_commit_callbacks(execute=True):
        reports = [report(a) for a in network.addresses[:6]]
    # ... so these reports queue nothing more and wait for it.
    assert OutageReport.objects.filter(rolled_up_at__isnull=True).count() == 6

    runs = REGISTRY.get_sample_value("gridportal_outage_rollup_duration_seconds_count") or 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.rollup_run(power_centre_id=network.centre.pk) == 6
    assert REGISTRY.get_sample_value("gridportal_outage_rollup_duration_seconds_count") == runs + 1
    assert all(placed(r) for r in OutageReport.objects.all())
    assert Incident.objects.get().level == Level.FEEDER
    assert {r.pk for r in reports} == set(
        Incident.objects.get().reports.values_list("pk", flat=True)
    )
    # The mark is gone: the next report queues the next run.
    assert cache.get(QUEUED_KEY.format(centre=network.centre.pk)) is None


def test_the_answer_says_we_know_when_a_confirmed_outage_covers_the_address(
    client, deferred, network, officer, django_capture_on_commit_callbacks
):
    tp = network.substations[0]
    first, second = network.addresses_of(tp)
    with django_capture_on_commit_callbacks(execute=True):
        report(first)
        report(second)
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    services.incident_update(
        incident=incident, actor=officer, etr=timezone.now() + dt.timedelta(hours=3)
    )

    with django_capture_on_commit_callbacks() as queued:
        response = client.post(
            reverse("outages:report"),
            {"address": first.pk, "problem": "no_power", "phone": "+79005550101", "consent": "on"},
        )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Мы знаем об отключении по этому адресу, бригады уже работают." in text
    assert "Электроснабжение ожидается к" in text
    newest = OutageReport.objects.order_by("-pk").first()
    assert newest.rolled_up_at is None  # answered before the roll-up
    for callback in queued:
        callback()
    newest.refresh_from_db()
    assert newest.incident == incident


@pytest.fixture
def fresh_snapshot():
    storm_services._local.clear()
    yield
    storm_services._local.clear()


def test_through_the_api_the_known_outage_comes_from_the_snapshot_without_a_query(
    client, deferred, network, officer, fresh_snapshot, django_capture_on_commit_callbacks
):
    first, second = network.addresses_of(network.substations[0])
    with django_capture_on_commit_callbacks(execute=True):
        report(first)
        report(second)
    # The node's snapshot as it was before the dispatcher confirmed the outage.
    storm_services.snapshot_store(snapshot_build())
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    etr = (timezone.now() + dt.timedelta(hours=3)).replace(microsecond=0)
    services.incident_update(incident=incident, actor=officer, etr=etr)

    def post(phone):
        response = client.post(
            "/api/v1/outages/reports/",
            {"address": first.pk, "problem": "no_power", "phone": phone, "consent": True},
            content_type="application/json",
        )
        assert response.status_code == 201
        return response.json()

    assert post("+79001110003")["incident"] is None  # the snapshot does not know yet
    # Rebuilt (what the rebuild task does seconds after the confirmation): now it does.
    storm_services.snapshot_rebuild()
    body = post("+79001110004")
    assert body["incident"] == incident.pk
    assert dt.datetime.fromisoformat(body["estimated_restoration"]) == etr
    assert OutageReport.objects.order_by("-pk").first().rolled_up_at is None


def test_a_new_report_asks_for_no_snapshot_rebuild_but_its_roll_up_does(
    deferred, network, django_capture_on_commit_callbacks
):
    first, second = network.addresses_of(network.substations[0])
    with django_capture_on_commit_callbacks() as queued:
        report(first)
        report(second)
    assert storm_services._schedule not in queued
    with django_capture_on_commit_callbacks() as queued:
        services.rollup_run(power_centre_id=network.centre.pk)
    assert queued.count(storm_services._schedule) == 1  # once, however many reports moved


def test_reports_through_the_api_are_placed_after_commit(
    client, deferred, network, django_capture_on_commit_callbacks
):
    first, second = network.addresses_of(network.substations[0])
    with django_capture_on_commit_callbacks(execute=True):
        for address, phone in ((first, "+79001110001"), (second, "+79001110002")):
            response = client.post(
                "/api/v1/outages/reports/",
                {"address": address.pk, "problem": "no_power", "phone": phone, "consent": True},
                content_type="application/json",
            )
            assert response.status_code == 201
            assert response.json()["incident"] is None  # nothing confirmed covers it
    assert Incident.objects.get().reports.count() == 2


def test_the_sweep_rolls_up_a_report_whose_roll_up_never_came(deferred, network, now):
    # The worker died (or the cache was down) after the report was acknowledged.
    lonely = report(network.addresses[0], problem=Problem.HAZARD, now=now)
    assert services.rollup_sweep(now=now + dt.timedelta(seconds=30), older_than=60) == 0
    lonely.refresh_from_db()
    assert lonely.rolled_up_at is None

    assert services.rollup_sweep(now=now + dt.timedelta(seconds=61), older_than=60) == 1
    lonely.refresh_from_db()
    assert lonely.incident.status == IncidentStatus.PREDICTED  # danger: predicted on its own
    assert lonely.rolled_up_at == now + dt.timedelta(seconds=61)
    assert services.rollup_sweep(now=now + dt.timedelta(hours=2), older_than=60) == 0


def test_a_report_left_waiting_longer_than_the_window_is_still_placed(deferred, network, now):
    single = report(network.addresses[0], now=now)
    services.rollup_sweep(now=now + dt.timedelta(hours=5), older_than=60)
    single.refresh_from_db()
    assert single.unassigned_reason == UnassignedReason.BELOW_THRESHOLD
    assert single.rolled_up_at is not None


def test_roll_up_lag_is_measured_from_the_report_to_its_first_roll_up(
    deferred, network, now, django_capture_on_commit_callbacks
):
    before = REGISTRY.get_sample_value("gridportal_outage_rollup_lag_seconds_count") or 0
    slow = REGISTRY.get_sample_value("gridportal_outage_rollup_lag_seconds_bucket", {"le": "2.0"})
    report(network.addresses[0], now=now)
    with django_capture_on_commit_callbacks(execute=True):
        services.rollup_run(power_centre_id=network.centre.pk, now=now + dt.timedelta(seconds=3))
    assert REGISTRY.get_sample_value("gridportal_outage_rollup_lag_seconds_count") == before + 1
    # 3 s: counted above the 2 s bucket.
    assert (
        REGISTRY.get_sample_value("gridportal_outage_rollup_lag_seconds_bucket", {"le": "2.0"})
        == slow
    )


def test_in_the_embedded_tier_the_request_rolls_up_itself(network):
    first, second = network.addresses_of(network.substations[0])
    report(first)
    receipt = submit(second, phone="+79001110009")
    assert receipt.report.incident.status == IncidentStatus.PREDICTED
    assert receipt.report.rolled_up_at is not None


# --- batching changes nothing ------------------------------------------------------------


class Rollback(Exception):
    pass


@contextmanager
def rolled_back():
    """One hypothesis example's rows, gone afterwards."""
    try:
        with transaction.atomic():
            yield
            raise Rollback
    except Rollback:
        pass


def outcome(net) -> dict:
    """Where each report ended, by the element of its incident (ids differ between runs)."""
    live = {
        i.pk: (i.level, i.substation_id or i.feeder_id or i.power_centre_id, i.customers_affected)
        for i in Incident.objects.filter(power_centre=net.centre).exclude(
            status__in=(IncidentStatus.MERGED, IncidentStatus.REJECTED)
        )
    }
    elements = {s.pk: n for n, s in enumerate(net.substations)}
    elements.update({f.pk: n for n, f in enumerate(net.feeders)})
    elements[net.centre.pk] = 0
    shape = {pk: (level, elements[element], c) for pk, (level, element, c) in live.items()}
    places = []
    for row in OutageReport.objects.filter(substation__feeder__power_centre=net.centre).order_by(
        "created_at"
    ):
        assert placed(row), (row.pk, row.incident_id, row.unassigned_reason)
        places.append(shape[row.incident_id] if row.incident_id else row.unassigned_reason)
    return {"reports": places, "incidents": sorted(shape.values())}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    picks=st.lists(st.tuples(st.integers(0, 15), st.booleans()), min_size=1, max_size=12),
    batch=st.integers(1, 12),
)
def test_rolling_up_in_batches_gives_the_same_incidents_as_one_by_one(branch, now, picks, batch):
    """A worker that rolls up many reports of a centre at once ends where the request that
    rolled up after each report ended: the same incidents, each report in the same place."""
    with rolled_back():
        cache.clear()
        outcomes = []
        for code, deferred_mode in (("seq", False), ("bat", True)):
            net = build_network(branch, code=code, city=code)
            with override_settings(OUTAGES_ROLLUP_DEFERRED=deferred_mode):
                for n, (index, danger) in enumerate(picks):
                    at = now + dt.timedelta(seconds=n)
                    problem = Problem.HAZARD if danger else Problem.NO_POWER
                    report(net.addresses[index], problem=problem, phone=f"+7901000{n:04d}", now=at)
                    if deferred_mode and (n + 1) % batch == 0:
                        services.rollup_run(power_centre_id=net.centre.pk, now=at)
                if deferred_mode:
                    services.rollup_run(power_centre_id=net.centre.pk, now=at)
            outcomes.append(outcome(net))
        assert outcomes[0] == outcomes[1]


def test_the_demo_still_has_confirmed_outages_when_a_worker_rolls_up(deferred, network):
    from django.core.management import call_command

    call_command("seed_outages_demo", incidents=4, planned=0, verbosity=0)
    assert Incident.objects.filter(status=IncidentStatus.CONFIRMED).exists()
    assert not OutageReport.objects.filter(rolled_up_at__isnull=True).exists()


def test_a_predicted_outage_starts_at_its_first_report_however_late_the_roll_up(
    deferred, network, now, django_capture_on_commit_callbacks
):
    first, second = network.addresses_of(network.substations[0])
    report(first, now=now - dt.timedelta(minutes=7))
    report(second, now=now - dt.timedelta(minutes=2))
    with django_capture_on_commit_callbacks(execute=True):
        services.rollup_run(power_centre_id=network.centre.pk, now=now)
    incident = Incident.objects.get()
    assert incident.status == IncidentStatus.PREDICTED
    assert incident.started_at == now - dt.timedelta(minutes=7)


def test_at_storm_rates_a_centre_is_rolled_up_less_often(settings):
    """Past OUTAGES_ROLLUP_BUSY_RATE reports a second here, a queued roll-up waits
    OUTAGES_ROLLUP_BUSY_DELAY: fewer runs, each with more reports."""
    import time

    from gridportal.outages.services import rollups

    settings.OUTAGES_ROLLUP_DELAY = 0.5
    settings.OUTAGES_ROLLUP_BUSY_RATE = 5
    settings.OUTAGES_ROLLUP_BUSY_DELAY = 3.0
    while time.monotonic() % 1 > 0.5:  # all eight inside one second
        time.sleep(0.05)
    rollups._Rate.second = 0
    assert [rollups._delay() for _ in range(8)] == [0.5] * 4 + [3.0] * 4
    time.sleep(2.1)  # two quiet seconds later the rate is forgotten
    assert rollups._delay() == 0.5


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def shared_cache(request):
    """The mark in the embedded tier's cache, and in Redis (one command there)."""
    from gridportal.outages.services import rollups

    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    cache.clear()
    rollups._queued_until.clear()
    yield
    rollups._queued_until.clear()


def test_a_node_that_saw_another_nodes_queued_run_looks_at_the_mark_no_more_until_it_may_start(
    deferred, network, shared_cache, django_capture_on_commit_callbacks
):
    import time

    from gridportal.outages.services import rollups

    centre = network.centre.pk
    key = QUEUED_KEY.format(centre=centre)
    # Another node queued this centre's run (3 s countdown): it has surely not started for
    # half of that, and says so in the mark.
    until = time.time() + 1.0
    assert rollups._mark_take(centre, until) is None
    assert rollups._mark_take(centre, time.time() + 9) == pytest.approx(until, abs=0.001)

    first, second = network.addresses_of(network.substations[0])
    with django_capture_on_commit_callbacks(execute=True):
        report(first)
    # This node's report waits for that run (which will see it, committed before it starts)
    # and this node remembers until when: the mark gone, it still queues nothing ...
    assert rollups._queued_until[centre] == pytest.approx(until, abs=0.001)
    cache.delete(key)
    with django_capture_on_commit_callbacks(execute=True):
        report(second)
    assert cache.get(key) is None
    assert OutageReport.objects.filter(rolled_up_at__isnull=True).count() == 2
    # ... and once that run may have started, the next report queues its own (here it runs
    # at once: tasks are eager in tests) and every waiting report is placed.
    time.sleep(max(0.0, until - time.time()) + 0.05)
    with django_capture_on_commit_callbacks(execute=True):
        report(second, phone="+79001112233")
    assert not OutageReport.objects.filter(rolled_up_at__isnull=True).exists()
    assert Incident.objects.get().reports.count() == 3
    assert cache.get(key) is None  # the run dropped the mark its report took


def test_a_mark_that_names_no_time_is_looked_at_again_by_the_next_report(
    deferred, network, shared_cache
):
    from gridportal.outages.services import rollups

    cache.add(QUEUED_KEY.format(centre=network.centre.pk), 1, 10)  # an older node's mark
    assert rollups._mark_take(network.centre.pk, 0) == pytest.approx(0.001)
    rollups._rollup_queue(network.centre.pk, 3.0)
    assert rollups._queued_until[network.centre.pk] < 1  # long past: no skipping
