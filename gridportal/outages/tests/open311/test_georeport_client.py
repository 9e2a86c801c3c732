"""A third-party GeoReport v2 client (PyPI `georeport`) against the live server.

`georeport` reads services, definitions and requests; it has no call to create a request,
so the POST goes out with `requests` as a plain form-encoded client, as the spec describes.
"""

import pytest
import requests
from georeport import GeoReport

from gridportal.outages.models import OutageReport


@pytest.fixture
def endpoint(live_server, network):
    return live_server.url + "/open311/v2/"


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_a_georeport_client_lists_services_posts_a_request_and_reads_it_back(
    endpoint, network, output_format
):
    client = GeoReport(endpoint, output_format=output_format)

    services = client.get_service_list()
    assert {s["service_code"] for s in services} >= {"no_power", "hazard_wire"}
    definition = client.get_service_definition("hazard_wire")
    assert definition["service_code"] == "hazard_wire"

    posted = requests.post(
        endpoint.rstrip("/") + "/requests.json",
        data={
            "service_code": "hazard_wire",
            "address_string": "Петрозаводск, ул. Ленина, д. 3",
            "description": "Провод искрит",
            "phone": "+7 900 123-45-67",
            "attribute[consent]": "true",
        },
        headers={"Accept-Language": "en"},
        timeout=30,
    )
    assert posted.status_code == 201, posted.text
    (receipt,) = posted.json()
    number = receipt["service_request_id"]
    assert f"Report {number} accepted." in receipt["service_notice"]
    assert OutageReport.objects.get().address.house == "3"

    fetched = client.get_service_request(number)
    assert fetched["service_request_id"] == number
    assert fetched["service_code"] == "hazard_wire"
    assert fetched["status"] == "open"
    assert "+7" not in str(fetched) and "д. 3" not in str(fetched)

    listed = client.get_service_requests(service_code="hazard_wire", status="open")
    if output_format == "xml":  # xmltodict gives one <request> as a dict, several as a list
        listed = listed if isinstance(listed, list) else [listed]
    assert [r["service_request_id"] for r in listed] == [number]


def test_a_georeport_client_sees_a_client_error_as_an_http_error(endpoint):
    client = GeoReport(endpoint)
    with pytest.raises(requests.HTTPError) as error:
        client.get_service_definition("gas_leak")
    assert error.value.response.status_code == 404
    assert error.value.response.json()[0]["code"] == 404
