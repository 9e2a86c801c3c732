"""One intake, four doors: the web form, a call typed in by an operator, the REST API and
Open311 take an outage report the same way — consent recorded, repeats recognised, limits
answered with 429, and the report rolled up onto the network before the answer."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from gridportal.accounts.models import ConsentRecord
from gridportal.outages.choices import Channel, IncidentStatus, Level, RuleKey
from gridportal.outages.models import Incident, OutageReport
from gridportal.testing.rules import rule_set


@dataclass
class Door:
    """How one channel sends a report and reads the answer."""

    channel: str
    staff: bool = False

    def send(self, client, address, phone):
        if self.channel == Channel.WEB:
            return client.post(
                reverse("outages:report"),
                {"address": address.pk, "problem": "no_power", "phone": phone, "consent": "on"},
            )
        if self.channel == Channel.PHONE:
            return client.post(
                reverse("staff:outages:call"),
                {"address": address.pk, "problem": "no_power", "phone": phone, "consent": "on"},
            )
        if self.channel == Channel.API:
            return client.post(
                "/api/v1/outages/reports/",
                {"address": address.pk, "problem": "no_power", "phone": phone, "consent": True},
                content_type="application/json",
            )
        return client.post(
            "/open311/v2/requests.json",
            {
                "service_code": "no_power",
                "address_id": address.pk,
                "phone": phone,
                "attribute[consent]": "true",
            },
        )

    def accepted(self, response) -> bool:
        if self.channel == Channel.PHONE:
            return response.status_code == 302
        return response.status_code in (200, 201)


DOORS = [Door(Channel.WEB), Door(Channel.PHONE, staff=True), Door(Channel.API), Door("open311")]


@pytest.fixture(params=DOORS, ids=lambda door: str(door.channel))
def door(request, client, officer):
    if request.param.staff:
        client.force_login(officer)
    return request.param


def test_consent_is_recorded_with_the_channel_and_the_normalised_phone(client, door, network):
    response = door.send(client, network.addresses[0], "8 (900) 111-22-33")
    assert door.accepted(response), response.content[:500]
    report = OutageReport.objects.get()
    assert report.phone == "+79001112233"
    consent = ConsentRecord.objects.get()
    assert report.consent == consent
    assert consent.subject == "outage_report" and consent.text_version
    assert consent.channel == door.channel and consent.contact == "+79001112233"


def test_a_repeat_from_the_same_phone_is_counted_once(client, door, network):
    address = network.addresses[0]
    assert door.accepted(door.send(client, address, "+7 900 111-22-33"))
    again = door.send(client, address, "89001112233")
    assert door.accepted(again)
    report = OutageReport.objects.get()
    assert report.repeat_count == 1
    assert ConsentRecord.objects.count() == 1


def test_too_many_reports_for_one_address_are_answered_429(client, door, network):
    rule_set("outages", RuleKey.LIMIT_PER_ADDRESS_HOUR, 2)
    address = network.addresses[0]
    for phone in ("+79001110001", "+79001110002"):
        assert door.accepted(door.send(client, address, phone))
    refused = door.send(client, address, "+79001110003")
    assert refused.status_code == 429
    assert "уже много сообщений" in refused.content.decode()
    assert OutageReport.objects.count() == 2


def test_reports_through_any_door_are_rolled_up_before_the_answer(client, door, network):
    tp = network.substations[0]
    first, second = network.addresses_of(tp)
    assert door.accepted(door.send(client, first, "+79001110001"))
    assert not Incident.objects.exists()
    assert door.accepted(door.send(client, second, "+79001110002"))
    incident = Incident.objects.get()
    assert incident.status == IncidentStatus.PREDICTED
    assert (incident.level, incident.substation_id) == (Level.SUBSTATION, tp.pk)
    assert set(incident.reports.values_list("channel", flat=True)) == {door.channel}
