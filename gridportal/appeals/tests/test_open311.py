"""The appeal topics as Open311 GeoReport v2 services."""

import re
from urllib.parse import urlencode

import pytest

from gridportal.appeals.models import Appeal
from gridportal.appeals.services import code_matches

pytestmark = pytest.mark.django_db
BASE = "/open311/v2/"


def post(client, data):
    return client.post(
        f"{BASE}requests.json", urlencode(data), content_type="application/x-www-form-urlencoded"
    )


def test_appeal_topics_are_offered_beside_the_hazards(client):
    services = {s["service_code"]: s for s in client.get(BASE + "services.json").json()}
    assert "appeal_power_quality" in services and "hazard_wire" in services
    assert "appeal_safety_hazard" not in services  # the hotline's hazards take those
    assert services["appeal_power_quality"]["group"] != services["hazard_wire"]["group"]


def test_an_open311_request_becomes_a_registered_appeal(client, address):
    response = post(
        client,
        {
            "service_code": "appeal_power_quality",
            "address_id": address.pk,
            "description": "Мигает свет каждый вечер",
            "email": "ivanova@example.ru",
            "attribute[consent]": "true",
        },
    )
    assert response.status_code == 201, response.content
    (body,) = response.json()
    appeal = Appeal.objects.get()
    assert body["service_request_id"] == str(int(appeal.number[2:6]) * 1_000_000 + 1)
    assert appeal.number in body["service_notice"]
    code = re.search(r"[A-Z2-9]{5}-[A-Z2-9]{5}", body["service_notice"]).group(0)
    assert code_matches(stored_hash=appeal.code_hash, code=code)
    assert appeal.topic == "power_quality" and appeal.appeal_type == "complaint"
    # Appeals are private: not listed, not shown by id.
    assert client.get(f"{BASE}requests/{body['service_request_id']}.json").status_code == 404


def test_without_consent_contacts_are_refused(client, address):
    response = post(
        client,
        {
            "service_code": "appeal_metering",
            "address_id": address.pk,
            "description": "Когда поверка?",
            "email": "ivanova@example.ru",
        },
    )
    assert response.status_code == 400
    assert not Appeal.objects.exists()
