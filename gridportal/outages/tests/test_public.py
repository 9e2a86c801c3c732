"""Public pages: look-up, text version, report form, planned work, outage page, incident page."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.accounts.models import ConsentRecord
from gridportal.outages import services
from gridportal.outages.choices import Cause, IncidentStatus
from gridportal.outages.models import Incident, OutageReport

from .conftest import build_network
from .factories import report

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(network, officer):
    """A confirmed outage on the first substation, estimate in 3 hours."""
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    return services.incident_update(
        incident=incident,
        actor=officer,
        cause=Cause.TREE,
        etr=timezone.now() + dt.timedelta(hours=3),
        public_message="Бригада на месте",
    )


def report_data(address, **overrides):
    data = {
        "address": address.pk,
        "problem": "no_power",
        "phone": "+7 900 123-45-67",
        "email": "",
        "comment": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_lookup_finds_addresses_by_what_people_type(client, network):
    response = client.get("/outages/status/", {"q": "Ленина 3"})
    assert response.status_code == 200
    assert f"?address={network.addresses[2].pk}" in response.text


def test_lookup_without_a_known_outage_says_so(client, network):
    response = client.get("/outages/status/", {"address": network.addresses[0].pk})
    assert "Нет известных отключений по этому адресу" in response.text


def test_lookup_during_an_outage_tells_cause_estimate_and_customers(client, network, outage):
    client.cookies["django_language"] = "en"
    response = client.get("/outages/status/", {"address": network.addresses[0].pk})
    text = response.text
    assert "an unplanned outage" in text
    assert "A tree fell on the line" in text
    assert "estimate updated" in text
    assert "Бригада на месте" in text
    assert f"/outages/incidents/{outage.pk}/" in text


def test_the_neighbouring_substation_is_not_told_about_the_outage(client, network, outage):
    client.cookies["django_language"] = "en"
    other = network.addresses_of(network.substations[2])[0]
    assert "No known outage" in client.get("/outages/status/", {"address": other.pk}).text


def test_predicted_outage_is_shown_as_reports_being_checked(client, network):
    report(network.addresses[0], problem="hazard")
    client.cookies["django_language"] = "en"
    text = client.get("/outages/status/", {"address": network.addresses[1].pk}).text
    assert "received reports of an outage in your area" in text


def test_lookup_of_an_unknown_address_is_a_404_with_a_message(client, network):
    assert client.get("/outages/status/", {"address": "999999"}).status_code == 404
    assert client.get("/outages/status/", {"address": "abc"}).status_code == 404


def test_text_version_has_no_css_or_scripts(client, network, outage):
    response = client.get("/outages/text/", {"address": network.addresses[0].pk})
    assert response.status_code == 200
    assert "<script" not in response.text and "stylesheet" not in response.text
    assert "Бригада на месте" in response.text
    assert len(response.content) < 4000


def test_reporting_persists_records_consent_and_gives_a_number(client, network):
    address = network.addresses[0]
    response = client.post("/outages/report/", report_data(address))
    assert response.status_code == 200
    saved = OutageReport.objects.get()
    assert saved.number in response.text
    assert saved.phone == "+79001234567"
    assert saved.consent == ConsentRecord.objects.get()


def test_reporting_without_consent_is_refused_with_a_message(client, network):
    response = client.post("/outages/report/", report_data(network.addresses[0], consent=""))
    assert response.status_code == 400
    assert OutageReport.objects.count() == 0
    assert ConsentRecord.objects.count() == 0


def test_a_bad_phone_number_gets_a_localized_message_not_a_500(client, network):
    response = client.post("/outages/report/", report_data(network.addresses[0], phone="abc"))
    assert response.status_code == 400
    assert "+7 900 123-45-67" in response.text


def test_the_honeypot_stops_robots(client, network):
    response = client.post(
        "/outages/report/", report_data(network.addresses[0], website="http://spam")
    )
    assert response.status_code == 400
    assert OutageReport.objects.count() == 0


def test_danger_reports_get_the_call_112_advice(client, network):
    response = client.post("/outages/report/", report_data(network.addresses[0], problem="hazard"))
    assert "112" in response.text
    assert OutageReport.objects.get().urgent


def test_reporting_an_address_already_out_says_we_know_and_when_it_is_back(client, network, outage):
    client.cookies["django_language"] = "en"
    response = client.post("/outages/report/", report_data(network.addresses[0]))
    assert "We know about the outage" in response.text
    assert "expected back by" in response.text


def test_a_repeated_report_is_recognized(client, network):
    client.cookies["django_language"] = "en"
    client.post("/outages/report/", report_data(network.addresses[0]))
    response = client.post("/outages/report/", report_data(network.addresses[0]))
    assert "counted your report once" in response.text
    assert OutageReport.objects.count() == 1


def test_a_flood_from_one_phone_gets_429(client, network):
    for address in network.addresses[:5]:
        client.post("/outages/report/", report_data(address))
    response = client.post("/outages/report/", report_data(network.addresses[6]))
    assert response.status_code == 429
    assert OutageReport.objects.count() == 5


def test_public_outage_page_aggregates_by_settlement_without_addresses(client, network, outage):
    response = client.get("/outages/")
    assert response.status_code == 200
    assert "Петрозаводск" in response.text
    assert "Ленина, 1" not in response.text and "ул. Ленина" not in response.text


def test_incident_page_shows_the_public_history_of_estimates(client, network, outage, officer):
    later = timezone.now() + dt.timedelta(hours=6)
    services.incident_update(incident=outage, actor=officer, etr=later)
    response = client.get(f"/outages/incidents/{outage.pk}/")
    assert response.status_code == 200
    assert response.text.count('data-testid="incident-history"') == 1
    assert outage.events.filter(kind="etr").count() == 2
    assert officer.username not in response.text


def test_a_predicted_incident_has_no_public_page(client, network):
    report(network.addresses[0], problem="hazard")
    incident = Incident.objects.get()
    assert incident.status == IncidentStatus.PREDICTED
    assert client.get(f"/outages/incidents/{incident.pk}/").status_code == 404


@pytest.fixture
def planned(network):
    start = timezone.now() + dt.timedelta(days=1)
    return services.planned_outage_create(
        branch=network.branch,
        district=network.district,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        reason="Замена опор ВЛ-0,4 кВ",
        substations=[network.substations[0]],
    )


def test_planned_work_is_listed_and_filtered(client, network, planned):
    assert "Замена опор" in client.get("/outages/planned/").text
    day = timezone.localdate(planned.starts_at).isoformat()
    assert "Замена опор" in client.get("/outages/planned/", {"day": day}).text
    other_day = (timezone.localdate(planned.starts_at) + dt.timedelta(days=3)).isoformat()
    assert "Замена опор" not in client.get("/outages/planned/", {"day": other_day}).text
    assert client.get("/outages/planned/", {"day": "not-a-date"}).status_code == 400


def test_planned_work_appears_in_the_address_lookup(client, network, planned):
    client.cookies["django_language"] = "en"
    text = client.get("/outages/status/", {"address": network.addresses[0].pk}).text
    assert "Замена опор" in text


def test_icalendar_feed_per_address(client, network, planned):
    response = client.get(f"/outages/planned/{network.addresses[0].pk}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"UID:planned-{planned.pk}@" in body
    assert "DTSTART:" in body and "Замена опор" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    empty = client.get(f"/outages/planned/{network.addresses[-1].pk}.ics").content.decode()
    assert "BEGIN:VEVENT" not in empty
    assert client.get("/outages/planned/999999.ics").status_code == 404


def test_still_out_link_asks_first_then_creates_a_report(client, network, outage, officer):
    services.incident_restore(incident=outage, actor=officer)
    token = services.still_out_token(incident=outage)
    address = network.addresses[0]
    url = f"/outages/still-out/{address.pk}/"
    assert client.get(url, {"t": token}).status_code == 200
    assert OutageReport.objects.filter(channel="callback").count() == 0
    response = client.post(url, {"t": token})
    assert response.status_code == 200
    assert OutageReport.objects.filter(channel="callback").count() == 1
    assert client.post(url, {"t": "forged"}).status_code == 400


def test_the_lookup_answer_costs_a_handful_of_queries(
    client, network, outage, django_assert_max_num_queries
):
    client.get("/outages/status/", {"address": network.addresses[0].pk})
    with django_assert_max_num_queries(8):
        client.get("/outages/status/", {"address": network.addresses[0].pk})


def test_a_merged_incident_page_leads_to_the_incident_it_joined(client, network, officer):
    second = build_network(network.branch, code="olonets", city="Олонец", feeders=1, per_feeder=1)
    report(network.addresses[0], problem="hazard")
    report(second.addresses[0], problem="hazard")
    first, other = Incident.objects.order_by("id")
    services.incident_confirm(incident=first, actor=officer)
    services.incident_merge(target=first, sources=[other], actor=officer)
    response = client.get(f"/outages/incidents/{other.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/outages/incidents/{first.pk}/"
