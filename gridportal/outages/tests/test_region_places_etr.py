"""The region filters the hotline's lists; planned work names its places; ETR figures are honest."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.core.middleware import BRANCH_COOKIE
from gridportal.outages import services
from gridportal.outages.models import Incident, PlannedOutage

from .factories import report

pytestmark = pytest.mark.django_db


def _planned(branch, substation, reason, *, hours=2, days=1):
    start = (timezone.now() + dt.timedelta(days=days)).replace(
        hour=7, minute=0, second=0, microsecond=0
    )
    work = PlannedOutage.objects.create(
        branch=branch, starts_at=start, ends_at=start + dt.timedelta(hours=hours), reason=reason
    )
    work.substations.add(substation)
    return work


@pytest.fixture
def two_regions(network, other_network, officer, other_officer):
    _planned(network.branch, network.substations[0], "Замена опор в Карелии")
    _planned(other_network.branch, other_network.substations[0], "Ремонт ТП в Пскове")
    for net, who in ((network, officer), (other_network, other_officer)):
        tp = net.substations[1]
        report(net.addresses_of(tp)[0])
        report(net.addresses_of(tp)[1])
        incident = Incident.objects.filter(branch=net.branch).get()
        services.incident_confirm(incident=incident, actor=who)
    return network, other_network


def test_the_chosen_region_filters_every_hotline_list(client, two_regions):
    client.cookies[BRANCH_COOKIE] = "pskov"
    for url in ("/outages/", "/outages/planned/"):
        text = client.get(url).text
        assert "Ремонт ТП в Пскове" in text, url
        assert "Замена опор в Карелии" not in text, url
        assert "Показано: Псковская область" in text
    outages = client.get("/outages/").text
    assert "Карельский филиал" not in outages
    assert "/api/v1/outages/feed.geojson?branch=pskov" in outages


def test_all_regions_is_one_click_away_and_a_shared_link_carries_its_region(client, two_regions):
    client.cookies[BRANCH_COOKIE] = "pskov"
    text = client.get("/outages/planned/", {"region": "all"}).text
    assert "Ремонт ТП в Пскове" in text and "Замена опор в Карелии" in text
    response = client.get("/outages/planned/", {"region": "karelia"})
    assert "Замена опор в Карелии" in response.text
    assert "Ремонт ТП в Пскове" not in response.text
    assert response.cookies[BRANCH_COOKIE].value == "karelia"


def test_the_feed_takes_a_branch_and_refuses_an_unknown_one(client, two_regions):
    body = client.get("/api/v1/outages/feed/", {"branch": "pskov"}).json()
    assert {item["branch"] for item in body["outages"]} == {"pskov"}
    assert client.get("/api/v1/outages/feed.geojson", {"branch": "atlantis"}).status_code == 400


def test_planned_work_names_its_streets_and_houses_and_one_date(client, network):
    _planned(network.branch, network.substations[0], "Замена опор", hours=2)
    text = client.get("/outages/planned/").text
    houses = " ".join(a.house for a in network.addresses_of(network.substations[0]))
    assert "г. Петрозаводск: ул. Ленина, д. " in text, houses
    assert "10:00–12:00" in text


def test_planned_work_is_found_by_street_or_settlement(client, network, other_network):
    _planned(network.branch, network.substations[0], "Замена опор")
    assert "Замена опор" in client.get("/outages/planned/", {"place": "ленина"}).text
    assert "Замена опор" in client.get("/outages/planned/", {"place": "Петрозаводск"}).text
    assert "Замена опор" not in client.get("/outages/planned/", {"place": "Псков"}).text


def test_moving_the_etr_to_now_before_restoring_does_not_improve_the_published_share(
    client, network, officer
):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    start = incident.started_at
    # First estimate: two hours. The power comes back after five.
    services.incident_update(
        incident=incident,
        actor=officer,
        etr=start + dt.timedelta(hours=2),
        now=start + dt.timedelta(minutes=10),
    )
    restore_at = start + dt.timedelta(hours=5)
    services.incident_update(
        incident=incident,
        actor=officer,
        etr=restore_at + dt.timedelta(seconds=1),
        now=restore_at - dt.timedelta(seconds=2),
    )
    services.incident_restore(incident=incident, actor=officer, now=restore_at)
    text = client.get("/outages/estimates/").text
    row = text[text.index("Карельский филиал") :]
    assert 'data-measure="first">0 %' in row
    assert 'data-measure="final">100 %' in row
    summary = client.get("/outages/").text
    assert 'data-testid="etr-first">0 %' in summary


@pytest.mark.parametrize("typed", ["Lenina 5, Petrozavodsk", "ulitsa Lenina 5", "LENINA 5"])
def test_an_address_typed_in_latin_letters_is_found(client, network, typed):
    target = next(a for a in network.addresses if a.house == "5")
    response = client.get("/outages/status/", {"q": typed})
    assert f"?address={target.pk}" in response.text


def test_the_web_form_shares_the_open311_hazards_and_queues_a_call_back(client, network):
    from gridportal.outages.choices import CallbackStatus
    from gridportal.outages.models import OutageReport

    address = network.addresses[0]
    form = client.get("/outages/report/", {"address": address.pk}).text
    for code in ("hazard_wire", "hazard_pole", "hazard_cabinet", "hazard_tree"):
        assert f'value="{code}"' in form
    data = {
        "address": address.pk,
        "problem": "hazard_tree",
        "phone": "+7 911 555-44-33",
        "callback_requested": "on",
        "consent": "on",
        "website": "",
    }
    assert client.post("/outages/report/", data).status_code == 200
    report_row = OutageReport.objects.get()
    assert report_row.urgent and report_row.comment.startswith("Дерево на линии")
    assert report_row.callback_status == CallbackStatus.PENDING
    assert report_row.callback_due_at is not None
    data.pop("phone")
    assert client.post("/outages/report/", data).status_code == 400
