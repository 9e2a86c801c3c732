"""The snapshot: every answer computed at once equals the outages module's answer for one address."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from gridportal.outages import services as outages
from gridportal.outages.selectors import address_status
from gridportal.outages.snapshot import answer_as_dict
from gridportal.outages.storm.snapshots import snapshot_build

from .conftest import predict

pytestmark = pytest.mark.django_db


def test_every_address_gets_the_same_answer_as_the_outages_module(
    network, other_network, outage, planned, officer
):
    # A second, still predicted incident, and planned work on a substation that is also out.
    predict(other_network, other_network.substations[2])
    start = timezone.now() + dt.timedelta(hours=30)
    outages.planned_outage_create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        reason="Ремонт ВЛ",
        substations=[network.substations[0], network.substations[1]],
    )
    now = timezone.now()
    snapshot = snapshot_build(now)
    states = set()
    for address in network.addresses + other_network.addresses:
        expected = answer_as_dict(address_status(address=address, now=now))
        _key, body = snapshot.answer(address.substation_id)
        assert json.loads(body) == expected, address.label
        states.add(expected["state"])
    assert states == {"outage", "reported", "planned", "none"}


def test_only_affected_substations_get_their_own_answer(network, outage, planned):
    snapshot = snapshot_build()
    assert set(snapshot.answers) == {network.substations[0].pk, network.substations[-1].pk}
    key, body = snapshot.answer(network.substations[3].pk)
    assert key == "none" and json.loads(body) == {"state": "none", "incident": None, "planned": []}
    assert snapshot.answer(10**9) is None  # no such substation at all
    assert json.loads(snapshot.unknown)["state"] == "unknown"


def test_planned_work_beyond_two_weeks_is_not_announced_yet(network):
    start = timezone.now() + dt.timedelta(days=20)
    outages.planned_outage_create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        reason="Далёкий ремонт",
        substations=[network.substations[0]],
    )
    assert snapshot_build().answers == {}


def test_the_version_changes_only_when_the_content_does(network, officer, outage):
    first = snapshot_build()
    again = snapshot_build()
    assert again.version == first.version
    assert again.generated_at > first.generated_at
    outages.incident_update(incident=outage, actor=officer, public_message="Бригада на месте")
    assert snapshot_build().version != first.version


def test_summary_counts_per_branch_district_and_settlement_without_addresses(
    network, other_network, outage, planned
):
    body = json.loads(snapshot_build().summary)
    karelia = next(b for b in body["branches"] if b["code"] == "karelia")
    pskov = next(b for b in body["branches"] if b["code"] == "pskov")
    assert karelia == {
        "code": "karelia",
        "name": "Карельский филиал",
        "name_en": "Karelia branch",
        "incidents": 1,
        "customers_out": 20,
        "planned_soon": 1,
        "planned_days": 3,
    }
    assert pskov["incidents"] == 0 and pskov["customers_out"] == 0
    [district] = body["districts"]
    assert district["code"] == network.district.code and district["customers_out"] == 20
    [settlement] = body["settlements"]
    assert settlement["name"] == "Петрозаводск" and settlement["customers_out"] == 20
    text = json.dumps(body, ensure_ascii=False)
    assert "Ленина" not in text  # never streets or houses, only areas


def test_branch_summaries_hold_only_their_branch(network, other_network, outage):
    snapshot = snapshot_build()
    assert set(snapshot.branches) == {"karelia", "pskov"}
    pskov = json.loads(snapshot.branches["pskov"])
    assert [b["code"] for b in pskov["branches"]] == ["pskov"]
    assert pskov["settlements"] == [] and pskov["districts"] == []


def test_the_feed_has_the_outages_feed_fields_and_values(client, network, outage):
    snapshot = snapshot_build()
    api = client.get("/api/v1/outages/feed/").json()
    feed = json.loads(snapshot.feed)
    assert feed["outages"] == api["outages"]
    api_geo = client.get("/api/v1/outages/feed.geojson").json()
    geo = json.loads(snapshot.geojson)
    assert geo["type"] == "FeatureCollection"
    assert geo["features"] == api_geo["features"]
