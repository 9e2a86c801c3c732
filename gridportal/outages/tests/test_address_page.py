"""The address page: the householder's one page for an address, and its JSON twin."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.outages import services
from gridportal.outages.choices import Cause, CrewStatus
from gridportal.outages.models import Incident, PlannedOutage

from .factories import report

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(network, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    return services.incident_update(
        incident=incident,
        actor=officer,
        cause=Cause.TREE,
        etr=timezone.now() + dt.timedelta(hours=3),
    )


def test_the_search_result_leads_to_the_address_page(client, network):
    response = client.get("/addresses/", {"q": "Ленина 3"})
    assert f'href="/addresses/{network.addresses[2].pk}/"' in response.text
    response = client.get("/outages/status/", {"q": "Ленина 3"})
    assert f'href="/addresses/{network.addresses[2].pk}/"' in response.text


def test_in_an_outage_the_page_says_so_with_the_etr_and_the_chain(client, network, outage):
    address = network.addresses[0]
    response = client.get(f"/addresses/{address.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "технологическое нарушение" in text
    assert "Ориентировочное время восстановления" in text
    assert network.substations[0].name in text
    assert network.centre.label in text
    assert "Нет электроснабжения: технологическое нарушение" in text  # the ТП's state
    assert f"/outages/report/?address={address.pk}" in text
    # The chain comes after the outage: the answer first.
    assert text.index('data-testid="panel-outage"') < text.index('data-testid="supply-chain"')


def test_a_feeder_outage_marks_the_feeder(client, network, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = Incident.objects.get()
    Incident.objects.filter(pk=incident.pk).update(level="feeder", feeder=network.feeders[0])
    services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    body = client.get(f"/api/v1/addresses/{network.addresses[0].pk}/page/").json()
    feeder = next(link for link in body["supply_chain"] if link["link"] == "feeder")
    assert feeder["state"]["code"] == "outage"
    centre = next(link for link in body["supply_chain"] if link["link"] == "power_centre")
    assert centre["state"]["code"] == "in_service"


def test_planned_work_ahead_is_listed_with_one_date(client, network, branch):
    start = timezone.now() + dt.timedelta(days=2)
    start = start.replace(hour=7, minute=0, second=0, microsecond=0)  # 10:00 in Moscow
    work = PlannedOutage.objects.create(
        branch=branch, starts_at=start, ends_at=start + dt.timedelta(hours=2), reason="Замена опор"
    )
    work.substations.add(network.substations[0])
    response = client.get(f"/addresses/{network.addresses[0].pk}/")
    assert "Замена опор" in response.text
    assert "10:00–12:00" in response.text


def test_the_text_twin_has_the_same_answer_without_styles(client, network, outage):
    response = client.get(f"/addresses/{network.addresses[0].pk}/text/")
    assert response.status_code == 200
    assert "<link" not in response.text and "<script" not in response.text
    assert "Ориентировочное время восстановления" in response.text


def test_the_json_twin_puts_each_panel_under_its_key(client, network, outage):
    body = client.get(f"/api/v1/addresses/{network.addresses[0].pk}/page/").json()
    assert body["address"]["id"] == network.addresses[0].pk
    assert [link["link"] for link in body["supply_chain"]] == [
        "substation",
        "feeder",
        "power_centre",
    ]
    assert body["supply_chain"][0]["state"]["code"] == "outage"
    outage_data = body["panels"]["outage"]
    assert outage_data["state"] == "outage"
    assert outage_data["incident"]["id"] == outage.pk
    assert outage_data["incident"]["crew_status"] == CrewStatus.NOT_ASSIGNED
    assert outage_data["incident"]["estimated_restoration"]
    assert body["panels"]["planned"]["planned"] == []


@pytest.mark.parametrize("bad", ["0", "99999999999", "2147483648", "abc", "-1"])
def test_bad_ids_are_a_clear_404_never_a_500(client, network, bad):
    assert client.get(f"/addresses/{bad}/").status_code == 404
    response = client.get(f"/api/v1/addresses/{bad}/page/")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")


def test_an_address_without_a_substation_still_has_a_page(client, network):
    from gridportal.grid.models import ServiceAddress

    address = ServiceAddress.objects.filter(pk=network.addresses[0].pk)
    address.update(substation=None)
    response = client.get(f"/addresses/{network.addresses[0].pk}/")
    assert response.status_code == 200
    assert "ещё не связала этот адрес" in response.text
