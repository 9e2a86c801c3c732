"""The public and staff API: look-up, reports, incidents, planned work, the feed."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from gridportal.outages import services
from gridportal.outages.models import Incident, OutageReport

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
        cause="weather",
        etr=timezone.now() + dt.timedelta(hours=2),
    )


def test_status_answers_none_then_outage(client, network, outage):
    quiet = client.get("/api/v1/outages/status/", {"address": network.addresses[-1].pk}).json()
    assert quiet["state"] == "none" and quiet["incident"] is None
    body = client.get("/api/v1/outages/status/", {"address": network.addresses[0].pk}).json()
    assert body["state"] == "outage"
    assert body["incident"]["id"] == outage.pk
    assert body["incident"]["cause"] == "weather"
    assert body["incident"]["estimated_restoration"].endswith("Z")
    assert body["incident"]["customers_out"] == 20
    assert body["address"]["id"] == network.addresses[0].pk


@pytest.mark.parametrize("params", [{}, {"address": "abc"}, {"address": "-1"}])
def test_status_rejects_bad_input_with_json_400(client, params):
    response = client.get("/api/v1/outages/status/", params)
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["address"]


def test_status_of_an_unknown_address_is_json_404(client, db):
    response = client.get("/api/v1/outages/status/", {"address": 424242})
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_posting_a_report_returns_its_number_and_repeats_are_recognized(client, network):
    data = {
        "address": network.addresses[0].pk,
        "problem": "no_power",
        "phone": "+79001234567",
        "consent": True,
    }
    first = client.post("/api/v1/outages/reports/", data, content_type="application/json")
    assert first.status_code == 201
    assert first.json()["number"] == OutageReport.objects.get().number
    again = client.post("/api/v1/outages/reports/", data, content_type="application/json")
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert OutageReport.objects.count() == 1


@pytest.mark.parametrize(
    "data, field",
    [
        ({"problem": "no_power", "consent": True}, "address"),
        ({"address": 1, "problem": "meteor", "consent": True}, "problem"),
        ({"address": 1, "problem": "no_power", "consent": False}, "consent"),
        ({"address": 1, "problem": "no_power", "consent": True, "email": "nope"}, "email"),
        ({"address": 999999, "problem": "no_power", "consent": True}, "address"),
    ],
)
def test_bad_reports_get_json_400_naming_the_field(client, network, data, field):
    response = client.post("/api/v1/outages/reports/", data, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert OutageReport.objects.count() == 0


def test_a_bad_phone_is_a_json_400_not_a_500(client, network):
    data = {
        "address": network.addresses[0].pk,
        "problem": "no_power",
        "phone": "12",
        "consent": True,
    }
    response = client.post("/api/v1/outages/reports/", data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "phone"


def test_malformed_json_is_a_400(client, db):
    response = client.post("/api/v1/outages/reports/", "{not json", content_type="application/json")
    assert response.status_code == 400


def test_public_incident_list_hides_predictions_and_staff_fields(client, network, outage):
    report(network.addresses_of(network.substations[5])[0], problem="hazard")  # a prediction
    body = client.get("/api/v1/outages/incidents/").json()
    assert [i["id"] for i in body["results"]] == [outage.pk]
    assert "element" not in body["results"][0]
    detail = client.get(f"/api/v1/outages/incidents/{outage.pk}/").json()
    assert [e["kind"] for e in detail["history"]] == ["confirmed", "cause", "etr"]


def test_staff_see_predictions_of_their_branch_only(
    client, network, outage, officer, other_officer
):
    report(network.addresses_of(network.substations[5])[0], problem="hazard")
    client.force_login(officer)
    body = client.get("/api/v1/outages/incidents/").json()
    assert len(body["results"]) == 2 and "element" in body["results"][0]
    client.force_login(other_officer)
    assert client.get("/api/v1/outages/incidents/").json()["results"] == []
    assert client.get(f"/api/v1/outages/incidents/{outage.pk}/").status_code == 404


def test_planned_list_and_its_bad_input(client, network):
    start = timezone.now() + dt.timedelta(days=2)
    services.planned_outage_create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        reason="Ремонт ТП",
        substations=[network.substations[0]],
    )
    body = client.get("/api/v1/outages/planned/", {"branch": network.branch.code}).json()
    assert body["results"][0]["reason"] == "Ремонт ТП"
    assert client.get("/api/v1/outages/planned/", {"branch": "nowhere"}).status_code == 400
    assert client.get("/api/v1/outages/planned/", {"date": "31.02"}).status_code == 400


def test_feed_in_json_and_geojson(client, network, outage):
    feed = client.get("/api/v1/outages/feed/").json()
    [item] = feed["outages"]
    assert item["id"] == outage.pk and item["customers_out"] == 20
    assert set(item) >= {"branch", "district", "cause", "started_at", "estimated_restoration"}
    geo = client.get("/api/v1/outages/feed.geojson")
    assert geo["Content-Type"].startswith("application/geo+json")
    body = geo.json()
    assert body["type"] == "FeatureCollection"
    assert body["features"][0]["geometry"]["type"] == "Point"


def test_the_schema_documents_the_outage_endpoints(client, db):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/outages/status/" in schema and "/api/v1/outages/reports/" in schema


def test_an_unknown_status_filter_is_a_json_400(client, db):
    response = client.get("/api/v1/outages/incidents/", {"status": "exploded"})
    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]


@pytest.mark.parametrize("code", ["nowhere", ""])
def test_an_unknown_branch_filter_of_incidents_is_a_json_400(client, network, code):
    response = client.get("/api/v1/outages/incidents/", {"branch": code})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["branch"]


def test_incidents_filter_by_branch(client, network, outage):
    body = client.get("/api/v1/outages/incidents/", {"branch": "karelia"}).json()
    assert [i["id"] for i in body["results"]] == [outage.pk]


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_a_too_large_report_is_a_json_413(client, network, settings, content_type):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    comment = "x" * 20_000
    if content_type == "application/json":
        body = json.dumps({"comment": comment})
    else:
        body = f"comment={comment}"
    response = client.post("/api/v1/outages/reports/", body, content_type=content_type)
    assert response.status_code == 413
    assert response.json()["error"]["status"] == 413
    assert OutageReport.objects.count() == 0


def test_an_incident_with_no_estimate_says_null(client, network, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    body = client.get(f"/api/v1/outages/incidents/{incident.pk}/").json()
    assert body["estimated_restoration"] is None and body["estimate_updated_at"] is None


def test_an_empty_date_of_planned_work_is_a_json_400(client, network):
    response = client.get("/api/v1/outages/planned/", {"date": ""})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["date"]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"comment": 0}, "comment"),
        ({"address": "ADDRESS"}, "address"),
        ({"consent": "true"}, "consent"),
        ({"problem": 1}, "problem"),
    ],
)
def test_a_json_report_with_a_value_of_the_wrong_type_is_a_400(client, network, change, field):
    data = {
        "address": network.addresses[0].pk,
        "problem": "no_power",
        "phone": "+79001234567",
        "consent": True,
    }
    data.update(change)
    if data.get("address") == "ADDRESS":
        data["address"] = str(network.addresses[0].pk)
    response = client.post("/api/v1/outages/reports/", data, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == [field]
    assert OutageReport.objects.count() == 0


def test_an_api_url_that_matches_no_route_is_a_json_404(client, db, settings):
    settings.DEBUG = False
    response = client.get("/api/v1/substations/1.5/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
