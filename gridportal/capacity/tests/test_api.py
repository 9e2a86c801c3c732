"""The power-centre API carries the capacity figures; nearby and quarters endpoints."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_power_centre_list_filters_by_status_and_reserve(client, network):
    data = client.get("/api/v1/power-centres/?status=open&min_reserve=20").json()
    assert [r["name"] for r in data["results"]] == ["ПС 110 кВ «Псковская»"]
    capacity = data["results"][0]["capacity"]
    assert capacity["status"] == "open" and capacity["constraint"] == "n1_limit"


def test_the_power_centre_detail_has_every_figure(client, network):
    data = client.get("/api/v1/power-centres/{}/".format(network["north"].pk)).json()
    c = data["capacity"]
    assert c["permissible_n1_mva"] == "35.000"
    assert c["largest_transformer_mva"] == "25.000"
    assert c["load_mva"] == "22.000"
    assert c["committed_kw"] == "800.000"
    assert c["committed_kw_all_applications"] == "1600.000"
    assert c["overload_factor"] == "1.40" and c["coincidence_factor"] == "0.90"
    assert c["reserve_mva"] == "12.200"
    assert [t["load_mva"] for t in c["transformers"]] == ["12.000", "10.000"]
    assert c["transformers"][0]["measured_on"] == "2025-12-17"


def test_a_bad_status_filter_is_a_400_in_the_standard_shape(client, network):
    response = client.get("/api/v1/power-centres/?status=maybe")
    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]


def test_the_nearby_endpoint_answers_by_distance(client, network):
    data = client.get("/api/v1/capacity/nearby/?kw=100&lat=61.79&lon=34.36").json()
    assert [c["name"] for c in data["power_centres"]] == ["ПС 110 кВ «Северная»"]
    assert data["power_centres"][0]["distance_km"] < 5


def test_the_nearby_endpoint_refuses_without_a_place(client, network):
    response = client.get("/api/v1/capacity/nearby/?kw=100")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_a_centre_with_two_voltages_reports_each_level(client, district, capacity_rule):
    from gridportal.capacity import services
    from gridportal.capacity.models import LoadMeasurement

    from .conftest import centre

    pc = centre(
        district=district,
        number="ПС-7",
        name="ПС 110 кВ «Двойная»",
        rated=["40", "40", "10", "10"],
        loads=["10", "12", "4", "5"],
    )
    for name in ("Т-3", "Т-4"):
        pc.transformers.filter(name=name).update(voltage="35/10")
    pc.transformers.filter(name__in=["Т-1", "Т-2"]).update(voltage="110/35")
    assert LoadMeasurement.objects.filter(power_centre=pc).count() == 4
    services.capacity_recalculate()
    levels = client.get(f"/api/v1/power-centres/{pc.pk}/").json()["capacity"]["voltage_levels"]
    assert [(lv["voltage"], lv["reserve_mva"]) for lv in levels] == [
        ("110/35", "34.000"),
        ("35/10", "5.000"),
    ]
    page = client.get(f"/capacity/centres/{pc.pk}/").content.decode()
    assert "По напряжению трансформации" in page
    assert "34.000" in page


@pytest.mark.parametrize(
    "params, field",
    [
        ({"min_reserve": ""}, "min_reserve"),
        ({"min_reserve": "lots"}, "min_reserve"),
        ({"min_reserve": "1e400"}, "min_reserve"),
        ({"voltage": "0.5"}, "voltage"),
        ({"voltage_kv": "0.5"}, "voltage_kv"),
        ({"status": ""}, "status"),
    ],
)
def test_capacity_filters_refuse_what_they_cannot_read(client, network, params, field):
    response = client.get("/api/v1/power-centres/", params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and list(error["fields"]) == [field]


def test_nearby_with_an_address_that_cannot_be_found_is_a_json_404(client, network):
    response = client.get("/api/v1/capacity/nearby/", {"kw": "100", "address": "Нигдеград"})
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_nearby_takes_a_power_with_any_precision(client, network):
    response = client.get("/api/v1/capacity/nearby/", {"kw": "12.25", "lat": 61.79, "lon": 34.36})
    assert response.status_code == 200
    assert set(response.json()) == {"point", "power_centres", "substations"}
