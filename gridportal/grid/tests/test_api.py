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


@pytest.mark.parametrize(
    "params, field",
    [
        ({"voltage_kv": "0.5"}, "voltage_kv"),
        ({"voltage_kv": ""}, "voltage_kv"),
        ({"voltage_kv": "abc"}, "voltage_kv"),
        ({"branch": ""}, "branch"),
        ({"branch": "nowhere"}, "branch"),
    ],
)
def test_power_centre_filters_refuse_what_they_cannot_read(client, network, params, field):
    response = client.get("/api/v1/power-centres/", params)
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == [field]


def test_power_centres_filter_by_a_known_voltage(client, network):
    voltage = network["pc"].voltage_kv
    assert client.get("/api/v1/power-centres/", {"voltage_kv": voltage}).json()["count"] == 2
    assert client.get("/api/v1/power-centres/", {"voltage_kv": "330"}).json()["count"] == 0


@pytest.mark.parametrize("value", ["1.5", "0", "", "abc"])
def test_an_element_id_filter_takes_whole_numbers_only(client, network, value):
    response = client.get("/api/v1/substations/", {"feeder": value})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["feeder"]


def test_the_address_typeahead_answers_an_object(client, network):
    body = client.get("/api/v1/addresses/", {"q": "ленина"}).json()
    assert isinstance(body, dict) and isinstance(body["results"], list)


# --- staff-only fields follow the branch scope ---------------------------------------


@pytest.fixture
def two_substations(network, other_branch):
    from gridportal.grid.models import PowerCentre

    other_pc = PowerCentre.objects.get(branch=other_branch)
    other = SubstationFactory(feeder=FeederFactory(power_centre=other_pc), name="ТП-202")
    return {"karelia": network["substation"], "pskov": other}


def staff_fields_by_branch(client):
    results = client.get("/api/v1/substations/").json()["results"]
    return {item["branch"]: "rated_kva" in item for item in results}


def test_the_public_sees_no_staff_only_fields(client, two_substations):
    assert staff_fields_by_branch(client) == {"karelia": False, "pskov": False}


def test_an_officer_sees_staff_only_fields_of_their_branch_only(client, two_substations, officer):
    client.force_login(officer)
    assert staff_fields_by_branch(client) == {"karelia": True, "pskov": False}
    other = client.get(f"/api/v1/substations/{two_substations['pskov'].pk}/").json()
    assert not {"rated_kva", "address_count", "customer_count"} & set(other)


def test_an_officer_of_another_branch_sees_staff_only_fields_of_theirs(
    client, two_substations, other_officer
):
    client.force_login(other_officer)
    assert staff_fields_by_branch(client) == {"karelia": False, "pskov": True}
    own = client.get(f"/api/v1/substations/{two_substations['pskov'].pk}/").json()
    assert own["rated_kva"] == two_substations["pskov"].rated_kva
    assert own["customer_count"] == 0


def test_an_administrator_sees_staff_only_fields_of_every_branch(
    client, two_substations, administrator
):
    client.force_login(administrator)
    assert staff_fields_by_branch(client) == {"karelia": True, "pskov": True}


def test_power_centre_staff_fields_follow_the_branch_too(client, network, other_officer):
    client.force_login(other_officer)
    results = client.get("/api/v1/power-centres/").json()["results"]
    assert {pc["branch"]: "feeder_count" in pc for pc in results} == {
        "karelia": False,
        "pskov": True,
    }


@pytest.mark.parametrize("params, field", [({"limit": ""}, "limit"), ({"branch": ""}, "branch")])
def test_an_empty_typeahead_parameter_is_a_400_naming_it(client, network, params, field):
    response = client.get("/api/v1/addresses/", {"q": "ленина", **params})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == [field]
