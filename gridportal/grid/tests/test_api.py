import pytest

from gridportal.testing.factories import (
    FeederFactory,
    PowerTransformerFactory,
    SettlementFactory,
    SubstationFactory,
    address_create,
    street_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(branch, other_branch):
    t = PowerTransformerFactory(power_centre__district__branch=branch)
    PowerTransformerFactory(power_centre=t.power_centre, name="Т-2")
    feeder = FeederFactory(power_centre=t.power_centre)
    substation = SubstationFactory(feeder=feeder, name="ТП-101", rated_kva=630)
    PowerTransformerFactory(power_centre__district__branch=other_branch)
    settlement = SettlementFactory(district=t.power_centre.district, name="Петрозаводск")
    street = street_create(settlement=settlement, name="Ленина")
    address_create(street=street, house="5", substation=substation, customer_count=40)
    return {"pc": t.power_centre, "feeder": feeder, "substation": substation}


def test_branches_are_listed_with_codes(client, network):
    data = client.get("/api/v1/branches/").json()
    assert {b["code"] for b in data["results"]} == {"karelia", "pskov"}


def test_power_centres_are_paginated_and_filterable_by_branch(client, network):
    data = client.get("/api/v1/power-centres/?branch=karelia").json()
    assert data["count"] == 1
    pc = data["results"][0]
    assert pc["dispatch_number"] == network["pc"].dispatch_number
    assert [t["rated_mva"] for t in pc["transformers"]] == ["25.000", "25.000"]


def test_staff_only_fields_are_hidden_from_the_public(client, network, officer):
    public = client.get(f"/api/v1/substations/{network['substation'].pk}/").json()
    assert "rated_kva" not in public and "customer_count" not in public
    client.force_login(officer)
    staff = client.get(f"/api/v1/substations/{network['substation'].pk}/").json()
    assert staff["rated_kva"] == 630
    assert staff["customer_count"] == 40


def test_substations_filter_by_power_centre(client, network):
    data = client.get(f"/api/v1/substations/?power_centre={network['pc'].pk}").json()
    assert [s["name"] for s in data["results"]] == ["ТП-101"]


def test_address_search_returns_label_branch_district_and_substation(client, network):
    data = client.get("/api/v1/addresses/", {"q": "ленина 5"}).json()
    first = data["results"][0]
    assert first["label"] == "г. Петрозаводск, ул. Ленина, д. 5"
    assert first["branch"] == "karelia"
    assert first["substation"]["name"] == "ТП-101"


def test_address_search_without_a_query_is_a_localized_400(client, network):
    response = client.get("/api/v1/addresses/")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "q" in error["fields"]
    assert "Обязательное поле" in error["fields"]["q"][0]


def test_api_errors_are_in_english_for_english_clients(client, network):
    response = client.get("/api/v1/addresses/?q=a", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "at least 2" in response.json()["error"]["fields"]["q"][0]


def test_an_unknown_element_is_a_404_in_the_error_shape(client, network):
    response = client.get("/api/v1/power-centres/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_the_openapi_schema_and_docs_are_served_locally(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/addresses/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "cdn" not in docs.lower()
    assert "/static/drf_spectacular_sidecar/" in docs
