"""The dispatcher console: branch scope, actions with a log, calls, call-backs, audited personal data."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.core.models import AuditLogEntry
from gridportal.outages.choices import CallbackStatus, Channel, FacilityKind, IncidentStatus
from gridportal.outages.models import CriticalFacility, Incident, OutageReport

from .conftest import build_network
from .factories import report

pytestmark = pytest.mark.django_db


@pytest.fixture
def predicted(network):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], phone="+79001112233")
    report(network.addresses_of(tp)[1])
    return Incident.objects.get()


def test_the_board_needs_a_signed_in_dispatcher(client, customer, predicted):
    assert client.get("/staff/outages/").status_code == 302
    client.force_login(customer)
    assert client.get("/staff/outages/").status_code == 403


def test_the_board_lists_predicted_incidents_and_unassigned_reports(
    client, officer, network, predicted
):
    report(network.addresses_of(network.substations[5])[0])  # alone: unassigned
    client.force_login(officer)
    response = client.get("/staff/outages/")
    assert response.status_code == 200
    assert predicted.number in response.text
    assert 'hx-trigger="every 5s' in response.text
    partial = client.get("/staff/outages/board/")
    assert "board-unassigned" in partial.text and "<html" not in partial.text


def test_the_board_of_another_branch_does_not_show_our_incidents(client, other_officer, predicted):
    client.force_login(other_officer)
    assert predicted.number not in client.get("/staff/outages/board/").text


def test_an_officer_of_another_branch_gets_404_on_our_incident(client, other_officer, predicted):
    client.force_login(other_officer)
    assert client.get(f"/staff/outages/incidents/{predicted.pk}/").status_code == 404
    response = client.post(f"/staff/outages/incidents/{predicted.pk}/confirm/")
    assert response.status_code == 404
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.PREDICTED


def test_confirm_and_set_estimate_from_the_board(client, officer, predicted):
    client.force_login(officer)
    response = client.post(
        f"/staff/outages/incidents/{predicted.pk}/confirm/", {"next": "/staff/outages/"}
    )
    assert response.status_code == 302 and response["Location"] == "/staff/outages/"
    etr = timezone.localtime(timezone.now() + dt.timedelta(hours=2)).replace(
        second=0, microsecond=0
    )
    client.post(
        f"/staff/outages/incidents/{predicted.pk}/update/",
        {
            "cause": "tree",
            "crew_status": "dispatched",
            "public_message": "",
            "etr": etr.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.CONFIRMED
    assert predicted.etr == etr
    assert list(predicted.events.values_list("kind", "actor"))[-3:] == [
        ("cause", officer.pk),
        ("etr", officer.pk),
        ("crew", officer.pk),
    ]


def test_the_board_sets_only_the_estimate(client, officer, predicted):
    client.force_login(officer)
    client.post(f"/staff/outages/incidents/{predicted.pk}/confirm/")
    client.post(
        f"/staff/outages/incidents/{predicted.pk}/update/",
        {"cause": "tree", "crew_status": "on_site", "public_message": "Бригада на месте"},
    )
    etr = timezone.localtime(timezone.now() + dt.timedelta(hours=2)).replace(
        second=0, microsecond=0
    )
    client.post(
        f"/staff/outages/incidents/{predicted.pk}/etr/", {"etr": etr.strftime("%Y-%m-%dT%H:%M")}
    )
    predicted.refresh_from_db()
    assert (predicted.etr, predicted.cause, predicted.public_message) == (
        etr,
        "tree",
        "Бригада на месте",
    )
    response = client.post(
        f"/staff/outages/incidents/{predicted.pk}/etr/", {"etr": ""}, follow=True
    )
    assert response.status_code == 200
    predicted.refresh_from_db()
    assert predicted.etr == etr


def test_a_bad_estimate_is_refused_with_a_message_not_a_500(client, officer, predicted):
    client.force_login(officer)
    client.post(f"/staff/outages/incidents/{predicted.pk}/confirm/")
    response = client.post(
        f"/staff/outages/incidents/{predicted.pk}/update/",
        {"cause": "tree", "crew_status": "dispatched", "etr": "2000-01-01T10:00"},
        follow=True,
    )
    assert response.status_code == 200
    assert "future" in response.text or "будущем" in response.text
    response = client.post(
        f"/staff/outages/incidents/{predicted.pk}/update/",
        {"cause": "nonsense", "crew_status": "x", "etr": "garbage"},
        follow=True,
    )
    assert response.status_code == 200
    predicted.refresh_from_db()
    assert predicted.etr is None


def test_step_and_full_restoration_from_the_incident_page(client, officer, network, predicted):
    client.force_login(officer)
    client.post(f"/staff/outages/incidents/{predicted.pk}/confirm/")
    page = client.get(f"/staff/outages/incidents/{predicted.pk}/")
    assert page.status_code == 200
    client.post(f"/staff/outages/incidents/{predicted.pk}/restore/")
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.CONFIRMED  # no reason given: nothing happens
    client.post(f"/staff/outages/incidents/{predicted.pk}/restore/", {"reason": "Заменён провод"})
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.RESTORED
    archive = client.get("/staff/outages/archive/")
    assert predicted.number in archive.text


def test_critical_facilities_are_listed_first(client, officer, network, predicted):
    CriticalFacility.objects.create(
        branch=network.branch,
        substation=network.substations[0],
        name="ЦРБ Прионежского района",
        kind=FacilityKind.HOSPITAL,
    )
    client.force_login(officer)
    page = client.get(f"/staff/outages/incidents/{predicted.pk}/")
    assert "ЦРБ Прионежского района" in page.text
    assert "ЦРБ Прионежского района" in client.get("/staff/outages/board/").text


def test_moving_reports_out_through_the_page(client, officer, predicted):
    client.force_login(officer)
    first = predicted.reports.order_by("id").first()
    client.post(f"/staff/outages/incidents/{predicted.pk}/move-reports/", {"reports": [first.pk]})
    first.refresh_from_db()
    assert first.incident is None and first.manual


def test_opening_contact_details_is_audited(client, officer, predicted):
    target = predicted.reports.exclude(phone="").order_by("id").first()
    client.force_login(officer)
    page = client.get(f"/staff/outages/reports/{target.pk}/")
    assert target.phone not in page.text
    assert AuditLogEntry.objects.count() == 0
    page = client.post(f"/staff/outages/reports/{target.pk}/", {"action": "reveal"})
    assert target.phone in page.text
    entry = AuditLogEntry.objects.get()
    assert entry.actor == officer and entry.object_id == str(target.pk)


def test_an_officer_of_another_branch_cannot_open_our_reports(client, other_officer, predicted):
    client.force_login(other_officer)
    target = predicted.reports.first()
    assert (
        client.post(f"/staff/outages/reports/{target.pk}/", {"action": "reveal"}).status_code == 404
    )
    assert AuditLogEntry.objects.count() == 0


def test_an_operator_registers_a_call_that_needs_a_call_back(client, officer, network):
    client.force_login(officer)
    address = network.addresses[0]
    assert client.get("/staff/outages/calls/new/", {"q": "Ленина 1"}).status_code == 200
    response = client.post(
        "/staff/outages/calls/new/",
        {
            "address": address.pk,
            "problem": "no_power",
            "phone": "89001112233",
            "callback_requested": "on",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    call = OutageReport.objects.get()
    assert call.channel == Channel.PHONE and call.created_by == officer
    assert call.callback_status == CallbackStatus.PENDING
    queue = client.get("/staff/outages/callbacks/")
    assert call.number in queue.text
    client.post(f"/staff/outages/reports/{call.pk}/", {"action": "callback-done"})
    call.refresh_from_db()
    assert call.callback_status == CallbackStatus.DONE


def test_a_call_with_a_phone_needs_the_callers_consent(client, officer, network):
    client.force_login(officer)
    response = client.post(
        "/staff/outages/calls/new/",
        {"address": network.addresses[0].pk, "problem": "no_power", "phone": "89001112233"},
    )
    assert response.status_code == 400
    assert OutageReport.objects.count() == 0


def test_an_operator_cannot_register_a_call_in_another_branch(client, other_officer, network):
    client.force_login(other_officer)
    response = client.get("/staff/outages/calls/new/", {"address": network.addresses[0].pk})
    assert response.status_code == 404


def test_the_board_does_not_grow_queries_with_incidents(
    client, officer, network, django_assert_max_num_queries
):
    report(network.addresses[0], problem="hazard")
    client.force_login(officer)
    client.get("/staff/outages/board/")
    with django_assert_max_num_queries(12):
        small = client.get("/staff/outages/board/")
    for code in ("sortavala", "segezha"):
        more = build_network(network.branch, code=code, city=code, feeders=1, per_feeder=1)
        report(more.addresses[0], problem="hazard")
    with django_assert_max_num_queries(12):
        big = client.get("/staff/outages/board/")
    assert small.text.count("data-incident=") == 1
    assert big.text.count("data-incident=") == 3


def _planned_data(network, **overrides):
    start = timezone.localtime(timezone.now() + dt.timedelta(days=2)).replace(
        minute=0, second=0, microsecond=0
    )
    data = {
        "branch": network.branch.pk,
        "district": network.district.pk,
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M"),
        "reason": "Замена опор",
        "substations": f"{network.substations[0].name}, {network.substations[1].name}",
        "area_description": "ул. Ленина, 1–4",
    }
    data.update(overrides)
    return data


def test_a_dispatcher_publishes_planned_work_and_customers_see_it(client, officer, network):
    client.force_login(officer)
    response = client.post("/staff/outages/planned/new/", _planned_data(network))
    assert response.status_code == 302
    from gridportal.outages.models import PlannedOutage

    work = PlannedOutage.objects.get()
    assert work.customers_affected == 40
    assert "Замена опор" in client.get("/outages/planned/").text
    client.post(f"/staff/outages/planned/{work.pk}/cancel/")
    work.refresh_from_db()
    assert work.status == "cancelled"
    assert "Замена опор" not in client.get("/outages/planned/").text


@pytest.mark.parametrize(
    "overrides",
    [
        {"substations": "ТП-нет-такой"},
        {"ends_at": "2000-01-01T00:00"},
        {"starts_at": "garbage"},
        {"reason": ""},
    ],
)
def test_bad_planned_work_is_refused_with_messages(client, officer, network, overrides):
    client.force_login(officer)
    response = client.post("/staff/outages/planned/new/", _planned_data(network, **overrides))
    assert response.status_code == 400
    from gridportal.outages.models import PlannedOutage

    assert not PlannedOutage.objects.exists()


def test_planned_work_cannot_be_published_in_another_branch(
    client, other_officer, network, other_network
):
    client.force_login(other_officer)
    response = client.post("/staff/outages/planned/new/", _planned_data(network))
    assert response.status_code == 400  # our branch is not among their choices


def test_the_call_form_and_the_queue_state_the_call_back_deadline_from_the_rule(
    client, officer, network
):
    from gridportal.testing.factories import rule_set

    client.force_login(officer)
    call_form = f"/staff/outages/calls/new/?address={network.addresses[0].pk}"
    assert "перезвонить (срок — 4 часа)" in client.get(call_form).text
    assert "срок — 4 часа" in client.get("/staff/outages/callbacks/").text
    rule_set("outages", "callback_hours", 1)
    assert "перезвонить (срок — 1 час)" in client.get(call_form).text
    assert "срок — 1 час." in client.get("/staff/outages/callbacks/").text
