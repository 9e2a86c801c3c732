"""Open311 at its edges: control characters, odd JSON bodies and sizes (decision 0009).

Whatever a client sends, the answer is the spec's error list with a 4xx, and requests.xml
stays well-formed.
"""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from gridportal.outages.choices import Channel
from gridportal.outages.models import OutageReport
from gridportal.outages.tests.factories import report

from .conftest import BASE
from .test_api import assert_open311_error

pytestmark = pytest.mark.django_db


def requests_xml(client):
    response = client.get(BASE + "requests.xml")
    assert response.status_code == 200
    return ET.fromstring(response.content)  # raises on a malformed document


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"])
def test_a_control_character_in_the_description_is_refused_and_requests_xml_stays_well_formed(
    post, client, network, char
):
    response = post(
        {
            "service_code": "no_power",
            "address_id": network.addresses[0].pk,
            "description": f"нет света{char}с утра",
        }
    )
    text = assert_open311_error(response)
    assert "«description»" in text
    assert not OutageReport.objects.exists()
    assert requests_xml(client).tag == "service_requests"


def test_the_refusal_names_the_field_in_english_when_asked(post, network):
    response = post(
        {"service_code": "no_power", "address_id": network.addresses[0].pk, "description": "\x01"},
        **{"accept-language": "en"},
    )
    text = assert_open311_error(response)
    assert "«description» contains a control character" in text


def test_the_refusal_at_the_xml_endpoint_is_an_xml_error_list(post, network):
    response = post(
        {"service_code": "no_power", "address_id": network.addresses[0].pk, "description": "\x00"},
        fmt="xml",
    )
    assert response.status_code == 400
    root = ET.fromstring(response.content)
    assert root.tag == "errors"
    assert root.findtext("error/code") == "400"
    assert "description" in root.findtext("error/description")


def test_a_control_character_in_a_json_description_is_refused(client, network):
    body = json.dumps(
        {"service_code": "no_power", "address_id": network.addresses[0].pk, "description": "a\x02"}
    )
    response = client.post(BASE + "requests.json", body, content_type="application/json")
    assert "description" in assert_open311_error(response)
    assert not OutageReport.objects.exists()


def test_line_breaks_and_tabs_in_a_description_are_kept_and_the_xml_is_well_formed(
    post, client, network
):
    response = post(
        {
            "service_code": "no_power",
            "address_id": network.addresses[0].pk,
            "description": "нет света\r\nво всём доме\tс утра",
        }
    )
    assert response.status_code == 201, response.content
    (request,) = requests_xml(client).findall("request")
    assert "во всём доме" in request.findtext("description")


def test_a_row_stored_before_the_rule_cannot_break_requests_xml(client, network):
    old = report(network.addresses[0], channel=Channel.OPEN311)
    # Characters XML 1.0 cannot carry (PostgreSQL refuses NUL itself, so not that one).
    OutageReport.objects.filter(pk=old.pk).update(
        open311_service="no_power", comment="старый\x01текст\x1b с управляющими"
    )
    (request,) = requests_xml(client).findall("request")
    assert request.findtext("description") == "старыйтекст с управляющими"


@pytest.mark.parametrize("body", ["[1]", '"x"', "5", "null", "[]"])
def test_a_json_body_that_is_not_an_object_is_a_400(client, db, body):
    response = client.post(BASE + "requests.json", body, content_type="application/json")
    assert "JSON" in assert_open311_error(response)


def test_deeply_nested_json_is_a_400(client, db):
    depth = 100_000
    body = '{"service_code": ' + "[" * depth + "]" * depth + "}"
    response = client.post(BASE + "requests.json", body, content_type="application/json")
    assert "20" in assert_open311_error(response)


def test_a_20_mb_body_is_a_413_in_the_open311_shape(client, db):
    body = urlencode({"service_code": "no_power", "description": "x" * (20 * 1024 * 1024)})
    response = client.post(
        BASE + "requests.json", body, content_type="application/x-www-form-urlencoded"
    )
    assert_open311_error(response, status=413)


def test_a_20_mb_json_body_is_a_413_in_the_open311_shape(client, db):
    body = json.dumps({"service_code": "no_power", "description": "x" * (20 * 1024 * 1024)})
    response = client.post(BASE + "requests.json", body, content_type="application/json")
    assert_open311_error(response, status=413)


@pytest.mark.parametrize(
    "query", ["service_code=no%00power", "status=open%00", "start_date=2026-11-26%00"]
)
def test_nul_in_a_list_filter_is_a_400_naming_it(client, db, query):
    response = client.get(f"{BASE}requests.json?{query}")
    name = query.split("=")[0]
    assert name in assert_open311_error(response)


def test_a_request_id_beyond_any_database_integer_is_a_400(client, db):
    response = client.get(BASE + "requests.json", {"service_request_id": "9" * 30})
    assert_open311_error(response)


def test_an_address_id_beyond_any_database_integer_is_a_400(post, network):
    text = assert_open311_error(post({"service_code": "no_power", "address_id": "9" * 30}))
    assert "address_id" in text
