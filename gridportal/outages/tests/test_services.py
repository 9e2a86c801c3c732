"""Report intake and the dispatcher's actions, against the real database."""

import datetime as dt

import pytest
import time_machine

from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.models import AuditLogEntry
from gridportal.outages import services
from gridportal.outages.choices import (
    CallbackStatus,
    Channel,
    EventKind,
    IncidentStatus,
    Level,
    Problem,
    RuleKey,
    UnassignedReason,
)
from gridportal.outages.models import Incident, OutageReport
from gridportal.testing.factories import rule_set

from .conftest import build_network
from .factories import report, submit

pytestmark = pytest.mark.django_db


def limit(key, value):
    rule_set("outages", key, value, valid_from=dt.date(2026, 6, 1))


# --- intake ---------------------------------------------------------------------------


def test_a_repeated_report_from_the_same_phone_and_address_is_recognized_not_counted_twice(
    network, now
):
    address = network.addresses[0]
    first = submit(
        address,
        problem=Problem.NO_POWER,
        channel=Channel.WEB,
        phone="8 (900) 111-22-33",
        now=now,
    )
    again = submit(
        address,
        problem=Problem.NO_POWER,
        channel=Channel.WEB,
        phone="+79001112233",
        now=now + dt.timedelta(minutes=10),
    )
    assert again.duplicate and not first.duplicate
    assert again.report.pk == first.report.pk
    assert again.report.repeat_count == 1
    assert OutageReport.objects.count() == 1


@pytest.mark.parametrize("zone", ["UTC", "Europe/Moscow", "Asia/Vladivostok"])
def test_a_repeat_is_recognized_whatever_time_zone_the_time_is_given_in(network, now, zone):
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(zone))
    address = network.addresses[0]
    first = submit(address, phone="+79001112233", now=local)
    again = submit(address, phone="+79001112233", now=local + dt.timedelta(minutes=5))
    assert again.duplicate and again.report.pk == first.report.pk
    late = submit(address, phone="+79001112233", now=local + dt.timedelta(minutes=61))
    assert not late.duplicate


def test_the_same_contact_after_the_window_makes_a_new_report(network, now):
    address = network.addresses[0]
    report(address, phone="+79001112233", now=now)
    report(address, phone="+79001112233", now=now + dt.timedelta(minutes=61))
    assert OutageReport.objects.count() == 2


def test_it_rejects_a_phone_that_is_not_a_phone_number(network, now):
    with pytest.raises(ApplicationError) as error:
        report(network.addresses[0], phone="12345", now=now)
    assert error.value.code == "phone"


def test_one_phone_is_limited_strictly(network, now):
    for address in network.addresses[:5]:
        report(address, phone="+79001112233", now=now)
    with pytest.raises(ApplicationError) as error:
        report(network.addresses[5], phone="+79001112233", now=now)
    assert error.value.code == "rate_limited"
    assert OutageReport.objects.count() == 5


def test_many_neighbours_behind_one_nat_address_are_not_blocked(network, now):
    for address in network.addresses:  # 16 people, 16 phones, one IP
        report(address, ip_address="203.0.113.7", now=now)
    assert OutageReport.objects.count() == 16


def test_a_flood_from_one_ip_is_stopped_at_the_rule_limit(network, now):
    limit(RuleKey.LIMIT_PER_IP_HOUR, 10)
    with time_machine.travel(now, tick=False):
        for address in network.addresses[:10]:
            report(address, ip_address="203.0.113.7", now=now)
        with pytest.raises(RateLimited):
            report(network.addresses[10], ip_address="203.0.113.7", now=now)
    # the next hour the counter starts again
    later = now + dt.timedelta(hours=1)
    with time_machine.travel(later, tick=False):
        report(network.addresses[10], ip_address="203.0.113.7", now=later)


def test_one_address_is_limited(network, now):
    limit(RuleKey.LIMIT_PER_ADDRESS_HOUR, 3)
    for _ in range(3):
        report(network.addresses[0], now=now)
    with pytest.raises(ApplicationError) as error:
        report(network.addresses[0], now=now)
    assert "уже много сообщений" in str(error.value.message)


def test_operators_entering_calls_are_not_limited_by_their_office_ip(network, now, officer):
    limit(RuleKey.LIMIT_PER_IP_HOUR, 2)
    for address in network.addresses[:4]:
        report(address, ip_address="10.0.0.1", channel=Channel.PHONE, created_by=officer, now=now)
    assert OutageReport.objects.count() == 4


def test_a_report_of_danger_is_urgent_and_predicts_an_incident_at_once(network, now):
    r = report(network.addresses[0], problem=Problem.HAZARD, now=now)
    assert r.urgent
    assert r.incident is not None
    assert r.incident.status == IncidentStatus.PREDICTED


def test_an_address_off_the_network_stays_unassigned_with_the_reason(network, now):
    address = network.addresses[0]
    address.substation = None
    address.save()
    r = report(address, now=now)
    assert r.incident is None
    assert r.unassigned_reason == UnassignedReason.NOT_ON_NETWORK


def test_an_unanswered_call_gets_the_four_hour_callback_clock(network, now, officer):
    r = report(
        network.addresses[0],
        channel=Channel.PHONE,
        created_by=officer,
        callback_requested=True,
        now=now,
    )
    assert r.callback_status == CallbackStatus.PENDING
    assert r.callback_due_at == now + dt.timedelta(hours=4)
    services.callback_complete(report=r, actor=officer)
    r.refresh_from_db()
    assert r.callback_status == CallbackStatus.DONE
    with pytest.raises(ApplicationError):
        services.callback_complete(report=r, actor=officer)


# --- roll-up applied -------------------------------------------------------------------


def test_two_reports_under_one_substation_predict_an_incident_there(network, now):
    tp = network.substations[0]
    first = report(network.addresses_of(tp)[0], now=now)
    assert first.incident is None
    assert first.unassigned_reason == UnassignedReason.BELOW_THRESHOLD
    second = report(network.addresses_of(tp)[1], now=now)
    first.refresh_from_db()
    assert first.incident == second.incident
    incident = second.incident
    assert (incident.level, incident.substation) == (Level.SUBSTATION, tp)
    assert incident.customers_affected == 20
    assert incident.branch == network.branch
    assert incident.events.filter(kind=EventKind.PREDICTED).exists()


def test_the_prediction_moves_up_to_the_feeder_and_the_lower_one_is_merged(network, now):
    a, b = network.substations[0], network.substations[1]
    report(network.addresses_of(a)[0], now=now)
    report(network.addresses_of(a)[1], now=now)
    lower = Incident.objects.get()
    report(network.addresses_of(b)[0], now=now)
    feeder_incident = Incident.objects.get(status=IncidentStatus.PREDICTED)
    assert feeder_incident.level == Level.FEEDER
    assert feeder_incident.feeder == network.feeders[0]
    assert feeder_incident.customers_affected == 80
    assert feeder_incident.reports.count() == 3
    lower.refresh_from_db()
    assert lower.status == IncidentStatus.MERGED
    assert lower.merged_into == feeder_incident


def test_reports_after_confirmation_are_absorbed_into_the_incident(network, now, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], now=now)
    report(network.addresses_of(tp)[1], now=now)
    incident = Incident.objects.get()
    services.incident_confirm(incident=incident, actor=officer, now=now)
    receipt = submit(
        network.addresses_of(tp)[0],
        problem=Problem.NO_POWER,
        channel=Channel.WEB,
        phone="+79005556677",
        now=now + dt.timedelta(minutes=5),
    )
    assert receipt.report.incident == incident
    assert receipt.incident == incident
    assert Incident.objects.count() == 1


def test_a_confirmed_incident_is_not_reshaped_by_the_rollup(network, now, officer):
    a, b = network.substations[0], network.substations[1]
    report(network.addresses_of(a)[0], now=now)
    report(network.addresses_of(a)[1], now=now)
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer, now=now)
    report(network.addresses_of(b)[0], now=now)
    report(network.addresses_of(b)[1], now=now)
    incident.refresh_from_db()
    assert incident.level == Level.SUBSTATION and incident.status == IncidentStatus.CONFIRMED
    other = Incident.objects.exclude(pk=incident.pk).get()
    assert other.substation == b


def test_rejecting_a_prediction_closes_its_reports(network, now, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], now=now)
    report(network.addresses_of(tp)[1], now=now)
    incident = services.incident_reject(incident=Incident.objects.get(), actor=officer)
    assert incident.status == IncidentStatus.REJECTED
    assert set(incident.reports.values_list("unassigned_reason", flat=True)) == {
        UnassignedReason.CLOSED
    }
    with pytest.raises(ApplicationError):
        services.incident_confirm(incident=incident, actor=officer)


def test_merge_moves_reports_and_area_into_the_target(network, now, officer):
    second_centre = build_network(network.branch, code="kondopoga", city="Кондопога")
    a, b = network.substations[0], second_centre.substations[0]
    network.addresses += second_centre.addresses
    for tp in (a, b):
        report(network.addresses_of(tp)[0], now=now)
        report(network.addresses_of(tp)[1], now=now)
    first, second = Incident.objects.order_by("id")
    target = services.incident_merge(target=first, sources=[second], actor=officer)
    second.refresh_from_db()
    assert second.status == IncidentStatus.MERGED
    assert target.reports.count() == 4
    assert target.customers_affected == 40


def test_moving_reports_out_detaches_them_for_good(network, now, officer):
    tp = network.substations[0]
    r1 = report(network.addresses_of(tp)[0], now=now)
    report(network.addresses_of(tp)[1], now=now)
    incident = Incident.objects.get()
    services.incident_reports_move(incident=incident, report_ids=[r1.pk], actor=officer)
    r1.refresh_from_db()
    assert r1.incident is None and r1.unassigned_reason == UnassignedReason.DETACHED
    report(network.addresses_of(tp)[0], now=now)  # the roll-up runs again
    r1.refresh_from_db()
    assert r1.incident is None


def test_moving_an_incident_to_the_feeder_widens_its_area(network, now, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], now=now)
    report(network.addresses_of(tp)[1], now=now)
    incident = services.incident_element_move(
        incident=Incident.objects.get(),
        actor=officer,
        level=Level.FEEDER,
        element_id=network.feeders[0].pk,
    )
    assert incident.level == Level.FEEDER and incident.customers_affected == 80
    assert incident.pinned


def test_it_refuses_an_element_of_another_branch(network, other_network, now, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], problem=Problem.HAZARD, now=now)
    with pytest.raises(ApplicationError):
        services.incident_element_move(
            incident=Incident.objects.get(),
            actor=officer,
            level=Level.FEEDER,
            element_id=other_network.feeders[0].pk,
        )


def test_etr_changes_are_kept_as_public_history(network, now, officer):
    report(network.addresses[0], problem=Problem.HAZARD, now=now)
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer, now=now)
    first = now + dt.timedelta(hours=3)
    second = now + dt.timedelta(hours=5)
    services.incident_update(incident=incident, actor=officer, etr=first, now=now)
    incident = services.incident_update(
        incident=incident, actor=officer, etr=second, now=now + dt.timedelta(hours=1)
    )
    assert incident.first_etr == first and incident.etr == second
    history = list(
        incident.events.filter(kind=EventKind.ETR, public=True).values_list("etr", flat=True)
    )
    assert history == [first, second]
    assert incident.events.filter(kind=EventKind.ETR).first().actor == officer


def test_it_refuses_an_estimate_in_the_past(network, now, officer):
    report(network.addresses[0], problem=Problem.HAZARD, now=now)
    incident = Incident.objects.get()
    with pytest.raises(ApplicationError) as error:
        services.incident_update(
            incident=incident, actor=officer, etr=now - dt.timedelta(minutes=1), now=now
        )
    assert error.value.code == "etr"


def test_step_restoration_then_full_restoration(network, now, officer):
    a, b = network.substations[0], network.substations[1]
    for tp in (a, b):
        report(network.addresses_of(tp)[0], now=now)
    incident = Incident.objects.get()
    assert incident.level == Level.FEEDER
    services.incident_confirm(incident=incident, actor=officer, now=now)
    incident = services.incident_step_restore(
        incident=incident, actor=officer, substation_ids=[a.pk, b.pk], now=now
    )
    assert incident.customers_out == 40 and incident.status == IncidentStatus.CONFIRMED
    incident = services.incident_restore(incident=incident, actor=officer, now=now)
    assert incident.status == IncidentStatus.RESTORED and incident.customers_out == 0
    assert incident.customers_affected == 80
    with pytest.raises(ApplicationError):
        services.incident_update(incident=incident, actor=officer, cause="tree")


def test_still_out_link_creates_a_callback_report_that_can_start_a_nested_outage(
    network, now, officer
):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], problem=Problem.HAZARD, now=now)
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    services.incident_restore(incident=incident, actor=officer)
    token = services.still_out_token(incident=incident)
    receipt = services.still_out_report(address_id=network.addresses_of(tp)[1].pk, token=token)
    assert receipt.report.channel == Channel.CALLBACK
    nested = receipt.report.incident
    assert nested is not None and nested != incident
    assert (nested.level, nested.substation, nested.status) == (
        Level.SUBSTATION,
        tp,
        IncidentStatus.PREDICTED,
    )


def test_still_out_link_refuses_a_forged_token_or_foreign_address(network, now, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], problem=Problem.HAZARD, now=now)
    incident = Incident.objects.get()
    with pytest.raises(ApplicationError):
        services.still_out_report(address_id=network.addresses[0].pk, token="forged")
    token = services.still_out_token(incident=incident)
    with pytest.raises(ApplicationError):
        services.still_out_report(address_id=network.addresses[-1].pk, token=token)


def test_opening_a_reports_contact_details_is_audited(network, now, officer):
    r = report(network.addresses[0], phone="+79001112233", now=now)
    contact = services.report_contact_reveal(report=r, actor=officer)
    assert contact["phone"] == "+79001112233"
    entry = AuditLogEntry.objects.get()
    assert (entry.actor, entry.object_id, entry.branch) == (officer, str(r.pk), network.branch)


def test_a_newer_rule_row_takes_over_from_its_date(network, now):
    rule_set("outages", RuleKey.SUBSTATION_MIN_REPORTS, 1, valid_from=dt.date(2026, 11, 1))
    assert report(network.addresses[0], now=now).incident is not None


def test_the_demo_command_fills_the_hotline(network):
    from django.core.management import call_command

    from gridportal.outages.models import PlannedOutage

    call_command("seed_outages_demo", incidents=3, planned=2, verbosity=0)
    assert Incident.objects.filter(status=IncidentStatus.CONFIRMED).exists()
    assert PlannedOutage.objects.count() == 2


def test_estimates_met_counts_restorations_within_the_tolerance(network, officer, now):
    from django.utils import timezone

    from gridportal.core.models import Branch
    from gridportal.outages.selectors import etr_accuracy

    start = timezone.now()
    for n, late_minutes in enumerate([-60, 20, 45, 240]):  # met, met (tolerance 30), late, late
        tp = network.substations[n * 2]  # different substations, never on one feeder twice
        report(network.addresses_of(tp)[0], problem=Problem.HAZARD)
        incident = Incident.objects.get(substation=tp)
        services.incident_confirm(incident=incident, actor=officer)
        etr = start + dt.timedelta(hours=2)
        services.incident_update(incident=incident, actor=officer, etr=etr)
        services.incident_restore(
            incident=incident, actor=officer, now=etr + dt.timedelta(minutes=late_minutes)
        )
    [row] = etr_accuracy(branches=Branch.objects.filter(pk=network.branch.pk))
    assert (row["met"], row["total"], row["percent"]) == (2, 4, 50)
