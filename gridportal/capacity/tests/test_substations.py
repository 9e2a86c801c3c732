"""Indicative headroom of 6–10/0.4 kV substations for small applicants; sensitive ones withheld."""

from datetime import date
from decimal import Decimal

import pytest

from gridportal.capacity.models import SensitiveSubstation, SubstationLoad
from gridportal.grid.choices import SubstationOwner
from gridportal.testing.factories import FeederFactory, SubstationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def substations(network):
    feeder = FeederFactory(power_centre=network["north"], name="Ф-10")
    roomy = SubstationFactory(
        feeder=feeder, name="ТП-101", rated_kva=400, latitude=61.791, longitude=34.361
    )
    full = SubstationFactory(
        feeder=feeder, name="ТП-102", rated_kva=250, latitude=61.792, longitude=34.362
    )
    secret = SubstationFactory(
        feeder=feeder, name="ТП-103", rated_kva=630, latitude=61.793, longitude=34.363
    )
    for s, load in ((roomy, "200"), (full, "245"), (secret, "100")):
        SubstationLoad.objects.create(
            substation=s, measured_on=date(2025, 12, 17), load_kva=Decimal(load)
        )
    SensitiveSubstation.objects.create(substation=secret, reason="military")
    return {"roomy": roomy, "full": full, "secret": secret}


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def test_the_centre_page_lists_substation_headroom_but_not_sensitive_ones(en, network, substations):
    html = en.get("/capacity/centres/{}/".format(network["north"].pk)).content.decode()
    assert "ТП-101" in html and "180.000" in html  # (400 − 200) × 0.9
    assert "ТП-102" in html
    assert "ТП-103" not in html
    assert "1 of 3 substations have indicative room for an applicant of 15 kW." in html
    assert "1 substation is shown only in this total." in html


def test_nearby_lists_substations_with_room_for_a_small_applicant(en, network, substations):
    html = en.get("/capacity/nearby/?kw=15&lat=61.7905&lon=34.3605").content.decode()
    assert "ТП-101" in html
    assert "ТП-102" not in html  # (250 − 245) × 0.9 = 4.5 kW
    assert "ТП-103" not in html  # sensitive


def test_the_nearby_api_never_returns_a_sensitive_substation(client, network, substations):
    data = client.get("/api/v1/capacity/nearby/?kw=10&lat=61.7905&lon=34.3605").json()
    assert [s["name"] for s in data["substations"]] == ["ТП-101"]


def test_each_quarter_publishes_substations_below_35_kv_by_voltage_level(
    client, network, substations
):
    """ПП № 758: free transformer capacity of ТП, by voltage level, in each quarter's files."""
    import csv
    import io

    from gridportal.capacity import services

    # A later, lighter summer day does not lower the published load (the larger is used).
    SubstationLoad.objects.create(
        substation=substations["roomy"], measured_on=date(2026, 6, 17), load_kva=Decimal("90")
    )
    services.capacity_snapshot_publish(as_of=date(2026, 7, 1))
    listing = client.get("/capacity/quarters/").content.decode()
    assert "/capacity/quarters/2026-07-01/substations.csv" in listing
    body = client.get("/capacity/quarters/2026-07-01/substations.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    by_name = {r["Подстанция"]: r for r in rows}
    assert by_name["ТП-101"]["Свободная мощность, кВА"] == "200.0"  # 400 − 200 (winter)
    assert by_name["ТП-101"]["Уровень напряжения, кВ"] == "10/0,4"
    assert by_name["ТП-102"]["Свободная мощность, кВА"] == "5.0"
    assert "ТП-103" not in by_name  # sensitive: only in the total
    (total,) = [r for r in rows if r["Подстанция"].startswith("Итого")]
    assert total["Подстанция"] == "Итого 10/0,4 кВ (3 подстанции)"
    assert total["Свободная мощность, кВА"] == "735.0"  # 200 + 5 + 530
    assert {r["По состоянию на"] for r in rows} == {"2026-07-01"}
    xlsx = client.get("/capacity/quarters/2026-07-01/substations.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


@pytest.fixture
def consumers_own(substations):
    """A consumer's own ТП beside them, nearest to the point and with the most room."""
    own = SubstationFactory(
        feeder=substations["roomy"].feeder,
        name="ТП-104",
        rated_kva=1000,
        latitude=61.7905,
        longitude=34.3605,
        owner=SubstationOwner.CONSUMER,
    )
    SubstationLoad.objects.create(
        substation=own, measured_on=date(2025, 12, 17), load_kva=Decimal("100")
    )
    return own


def test_a_consumers_own_substation_is_never_offered_or_published(
    en, client, network, substations, consumers_own
):
    """Its capacity is its owner's: a new applicant connects through the company's ТП."""
    import csv
    import io

    from gridportal.capacity import selectors, services

    html = en.get("/capacity/nearby/?kw=15&lat=61.7905&lon=34.3605").content.decode()
    assert "ТП-101" in html and "ТП-104" not in html
    data = client.get("/api/v1/capacity/nearby/?kw=10&lat=61.7905&lon=34.3605").json()
    assert [s["name"] for s in data["substations"]] == ["ТП-101"]
    page = en.get("/capacity/centres/{}/".format(network["north"].pk)).content.decode()
    assert "ТП-104" not in page
    assert "1 of 3 substations have indicative room for an applicant of 15 kW." in page

    answer = selectors.connection_candidates(
        point=(61.7905, 34.3605), power_kw=Decimal("10"), voltage_kv=Decimal("0.4")
    )
    assert answer.candidates[0].name == "ТП-101"  # not the nearer ТП-104

    services.capacity_snapshot_publish(as_of=date(2026, 7, 1))
    body = client.get("/capacity/quarters/2026-07-01/substations.csv").content.decode("utf-8-sig")
    names = [row[0] for row in csv.reader(io.StringIO(body))]
    assert "ТП-101" in names and "ТП-104" not in names
    assert len([n for n in names if n.startswith("ТП-")]) == 2  # ТП-103 is sensitive
