"""Open311 GeoReport v2 endpoints, driven with Django's test client."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from gridportal.accounts.models import ConsentRecord
from gridportal.grid.models import ServiceAddress
from gridportal.outages import services as outage_services
from gridportal.outages.choices import Channel, Problem
from gridportal.outages.models import Incident, OutageReport
from gridportal.outages.tests.factories import report

from .conftest import BASE

pytestmark = pytest.mark.django_db

CODES = {
    "no_power",
    "partial_power",
    "voltage",
    "hazard_wire",
    "hazard_pole",
    "hazard_cabinet",
    "hazard_tree",
}


def assert_open311_error(response, status=400):
    assert response.status_code == status, response.content
    body = response.json()
    assert isinstance(body, list) and body
    for error in body:
        assert set(error) == {"code", "description"}
        assert error["code"] == status
        assert error["description"]
    return " ".join(e["description"] for e in body)


# --- services ---------------------------------------------------------------------------


def test_the_service_list_offers_outages_and_hazards(client, db):
    response = client.get(BASE + "services.json")
    assert response.status_code == 200
    services = response.json()
    assert {s["service_code"] for s in services} >= CODES  # other capabilities add theirs
    for service in services:
        assert service["type"] == "realtime"
        assert service["metadata"] is True
        assert service["service_name"] and service["description"]
    groups = {s["service_code"]: s["group"] for s in services}
    assert groups["no_power"] != groups["hazard_wire"]


def test_the_service_list_is_russian_unless_the_client_asks_for_english(client, db):
    ru = {s["service_code"]: s for s in client.get(BASE + "services.json").json()}
    en_response = client.get(BASE + "services.json", headers={"accept-language": "en"})
    en = {s["service_code"]: s for s in en_response.json()}
    assert en["hazard_tree"]["service_name"] == "Tree on a power line"
    assert ru["hazard_tree"]["service_name"] == "Дерево на линии электропередачи"
    assert en_response["Content-Language"] == "en"


def test_the_service_list_in_xml(client, db):
    response = client.get(BASE + "services.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "services"
    assert {s.findtext("service_code") for s in root.findall("service")} >= CODES
    assert root.find("service/metadata").text == "true"


def test_a_service_definition_has_the_consent_attribute(client, db):
    body = client.get(BASE + "services/hazard_wire.json").json()
    assert body["service_code"] == "hazard_wire"
    (attribute,) = body["attributes"]
    assert attribute["code"] == "consent"
    assert attribute["datatype"] == "singlevaluelist"
    assert attribute["values"] == [{"key": "true", "name": "Я согласен(на)"}]


def test_a_service_definition_in_xml(client, db):
    root = ET.fromstring(client.get(BASE + "services/no_power.xml").content)
    assert root.tag == "service_definition"
    assert root.findtext("attributes/attribute/code") == "consent"
    assert root.findtext("attributes/attribute/values/value/key") == "true"


def test_an_unknown_service_definition_is_a_404_in_the_open311_shape(client, db):
    text = assert_open311_error(client.get(BASE + "services/gas_leak.json"), 404)
    assert "gas_leak" in text


# --- POST requests ----------------------------------------------------------------------------


def test_a_report_by_address_id_is_persisted_as_an_open311_outage_report(post, network):
    address = network.addresses[-1]
    response = post({"service_code": "no_power", "address_id": address.pk})
    assert response.status_code == 201
    (body,) = response.json()
    assert set(body) == {"service_request_id", "service_notice", "account_id"}
    assert body["account_id"] is None
    saved = OutageReport.objects.get()
    assert body["service_request_id"] == saved.number
    assert saved.address == address
    assert saved.channel == Channel.OPEN311
    assert saved.problem == Problem.NO_POWER
    assert saved.consent is None
    assert saved.open311_service == "no_power"
    assert "Ленина, д. 16" in body["service_notice"]
    assert "диспетчер проверит" in body["service_notice"]


@pytest.mark.parametrize(
    ("code", "problem"),
    [("partial_power", Problem.PARTIAL), ("voltage", Problem.LOW_VOLTAGE)],
)
def test_outage_services_map_to_the_hotline_problems(post, network, code, problem):
    assert post({"service_code": code, "address_id": network.addresses[0].pk}).status_code == 201
    assert OutageReport.objects.get().problem == problem


def test_a_hazard_is_urgent_and_keeps_its_kind_in_the_comment(post, network):
    response = post(
        {
            "service_code": "hazard_wire",
            "address_id": network.addresses[0].pk,
            "description": "Провод лежит на дороге у остановки",
        },
        **{"accept-language": "en"},
    )
    assert response.status_code == 201
    saved = OutageReport.objects.get()
    assert saved.urgent and saved.problem == Problem.HAZARD
    assert saved.comment == "Оборванный провод или искрение. Провод лежит на дороге у остановки"
    notice = response.json()[0]["service_notice"]
    assert "112" in notice and "8 metres" in notice


def test_a_report_by_address_string_takes_the_best_hit(post, network):
    response = post({"service_code": "no_power", "address_string": "Петрозаводск, Ленина 7"})
    assert response.status_code == 201
    assert OutageReport.objects.get().address.house == "7"


def test_a_report_by_coordinates_goes_to_the_nearest_building(post, network):
    near, far = network.addresses[3], network.addresses[4]
    ServiceAddress.objects.filter(pk=near.pk).update(latitude=61.7900, longitude=34.3600)
    ServiceAddress.objects.filter(pk=far.pk).update(latitude=61.7915, longitude=34.3600)
    ServiceAddress.objects.exclude(pk__in=[near.pk, far.pk]).update(latitude=61.9, longitude=34.9)
    # About 45 m north of `near`, 120 m south of `far`.
    response = post({"service_code": "no_power", "lat": "61.7904", "long": "34.3600"})
    assert response.status_code == 201, response.content
    assert OutageReport.objects.get().address_id == near.pk


def test_coordinates_far_from_any_building_are_refused(post, network):
    ServiceAddress.objects.update(latitude=61.79, longitude=34.36)
    # About 1.1 km away.
    text = assert_open311_error(post({"service_code": "no_power", "lat": "61.80", "long": "34.36"}))
    assert "300" in text
    assert not OutageReport.objects.exists()


def test_an_address_string_that_matches_nothing_falls_back_to_coordinates(post, network):
    ServiceAddress.objects.filter(pk=network.addresses[2].pk).update(latitude=55.0, longitude=37.0)
    response = post(
        {
            "service_code": "no_power",
            "address_string": "1600 Pennsylvania Ave",
            "lat": "55.0001",
            "long": "37.0",
        }
    )
    assert response.status_code == 201
    assert OutageReport.objects.get().address_id == network.addresses[2].pk


def test_contacts_need_the_consent_attribute(post, network):
    data = {"service_code": "no_power", "address_id": network.addresses[0].pk}
    text = assert_open311_error(post(data | {"phone": "+7 900 123-45-67"}))
    assert "attribute[consent]" in text
    assert not OutageReport.objects.exists() and not ConsentRecord.objects.exists()

    response = post(
        data
        | {
            "phone": "+7 900 123-45-67",
            "email": "Ivanova@Example.ru",
            "first_name": "Анна",
            "last_name": "Иванова",
            "attribute[consent]": "true",
        }
    )
    assert response.status_code == 201
    saved = OutageReport.objects.get()
    assert saved.phone == "+79001234567" and saved.email == "ivanova@example.ru"
    assert saved.consent.subject == "outage_report"
    assert saved.consent.channel == "open311"
    assert saved.consent.contact == "+79001234567"


def test_a_repeat_from_the_same_phone_is_recognized(post, network):
    data = {
        "service_code": "no_power",
        "address_id": network.addresses[0].pk,
        "phone": "+79001234567",
        "attribute[consent]": "true",
    }
    first = post(data).json()[0]
    again = post(data)
    assert again.status_code == 200
    assert again.json()[0]["service_request_id"] == first["service_request_id"]
    assert "уже есть ваше сообщение" in again.json()[0]["service_notice"]
    assert OutageReport.objects.count() == 1
    assert OutageReport.objects.get().open311_service == "no_power"


def test_the_notice_tells_of_a_confirmed_outage_and_its_restoration_time(post, network, outage):
    address = network.addresses_of(network.substations[0])[0]
    etr_text = outage_services.local_text(outage.etr, network.branch.timezone)
    ru = post({"service_code": "no_power", "address_id": address.pk}).json()[0]
    assert "Подтверждённое технологическое нарушение" in ru["service_notice"]
    assert etr_text in ru["service_notice"]
    en = post(
        {"service_code": "partial_power", "address_id": address.pk},
        **{"accept-language": "en-GB,en;q=0.9"},
    ).json()[0]
    assert "A confirmed outage already covers this address" in en["service_notice"]
    assert etr_text in en["service_notice"]


def test_the_notice_without_an_estimate_says_it_is_being_set(post, network, officer):
    tp = network.substations[1]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    outage_services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    response = post(
        {"service_code": "no_power", "address_id": network.addresses_of(tp)[0].pk},
        **{"accept-language": "en"},
    )
    assert "The restoration time is being set." in response.json()[0]["service_notice"]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"service_code": "gas_leak", "address_id": "ADDR"}, "gas_leak"),
        ({"address_id": "ADDR"}, "service_code"),
        ({"service_code": "no_power"}, "address_string"),
        ({"service_code": "no_power", "lat": "61.79"}, "long"),
        ({"service_code": "no_power", "lat": "abc", "long": "34.36"}, "lat"),
        ({"service_code": "no_power", "lat": "91", "long": "34.36"}, "lat"),
        ({"service_code": "no_power", "lat": "61.79", "long": "-181"}, "long"),
        ({"service_code": "no_power", "lat": "nan", "long": "34.36"}, "lat"),
        ({"service_code": "no_power", "lat": "61.79", "long": "inf"}, "long"),
        ({"service_code": "no_power", "address_id": "999999"}, "address_id"),
        ({"service_code": "no_power", "address_id": "abc"}, "address_id"),
        ({"service_code": "no_power", "address_string": "Нетакой улицы 5"}, "address_string"),
        ({"service_code": "no_power", "address_id": "ADDR", "email": "not-an-email"}, "email"),
        (
            {
                "service_code": "no_power",
                "address_id": "ADDR",
                "phone": "12345",
                "attribute[consent]": "true",
            },
            "+7 900",
        ),
        (
            {"service_code": "no_power", "address_id": "ADDR", "description": "x" * 901},
            "description",
        ),
    ],
)
def test_bad_requests_are_a_400_in_the_open311_shape_and_nothing_is_saved(
    post, network, data, needle
):
    data = {k: (network.addresses[0].pk if v == "ADDR" else v) for k, v in data.items()}
    text = assert_open311_error(post(data))
    assert needle in text
    assert not OutageReport.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_a_bad_request_in_english(post, network):
    text = assert_open311_error(post({"service_code": "no_power"}, **{"accept-language": "en"}))
    assert text == "Send a location: lat and long, address_string or address_id."


def test_a_bad_request_to_the_xml_endpoint_gets_an_xml_error_list(post, network):
    response = post({"service_code": "gas_leak"}, fmt="xml")
    assert response.status_code == 400
    root = ET.fromstring(response.content)
    assert root.tag == "errors"
    assert root.findtext("error/code") == "400"
    assert "gas_leak" in "".join(e.findtext("description") for e in root.findall("error"))


def test_too_many_reports_from_one_phone_is_a_429(post, network):
    for address in network.addresses[:5]:
        data = {
            "service_code": "no_power",
            "address_id": address.pk,
            "phone": "+79001234567",
            "attribute[consent]": "true",
        }
        assert post(data).status_code == 201
    data["address_id"] = network.addresses[5].pk
    text = assert_open311_error(post(data), 429)
    assert "112" in text
    assert OutageReport.objects.count() == 5


def test_json_bodies_are_accepted_too(client, network):
    response = client.post(
        BASE + "requests.json",
        {"service_code": "voltage", "address_id": network.addresses[0].pk},
        content_type="application/json",
    )
    assert response.status_code == 201


def test_a_malformed_json_body_is_a_400(client, db):
    response = client.post(BASE + "requests.json", "{", content_type="application/json")
    assert_open311_error(response)


# --- GET requests ---------------------------------------------------------------------------------


@pytest.fixture
def submitted(post, network):
    """A hazard with contacts, name and a phone typed into the description."""
    response = post(
        {
            "service_code": "hazard_pole",
            "address_id": network.addresses[0].pk,
            "phone": "+79001234567",
            "email": "ivanova@example.ru",
            "first_name": "Анна",
            "last_name": "Иванова",
            "description": "Столб наклонился, звоните 8 900 765-43-21 или anna@example.ru",
            "attribute[consent]": "true",
        }
    )
    assert response.status_code == 201
    return response.json()[0]["service_request_id"]


def test_a_request_is_shown_without_personal_data(client, network, submitted):
    response = client.get(f"{BASE}requests/{submitted}.json")
    assert response.status_code == 200
    (body,) = response.json()
    text = response.content.decode()
    for secret in ("9001234567", "ivanova", "Анна", "Иванова", "765-43-21", "anna@"):
        assert secret not in text
    assert body["service_code"] == "hazard_pole"
    assert body["status"] == "open"
    assert body["address"] == "г. Петрозаводск, ул. Ленина"
    assert body["address_id"] is None
    assert body["media_url"] is None
    assert body["lat"] == round(network.addresses[0].latitude, 3)
    assert body["description"].startswith("Наклонённая или повреждённая опора. Столб наклонился")
    assert body["requested_datetime"].endswith("Z")
    assert body["expected_datetime"] is None


def test_a_request_in_xml(client, network, submitted):
    root = ET.fromstring(client.get(f"{BASE}requests/{submitted}.xml").content)
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == submitted
    assert root.findtext("request/status") == "open"


def test_an_unknown_request_is_a_404_in_the_open311_shape(client, db):
    assert_open311_error(client.get(BASE + "requests/424242.json"), 404)


def test_a_request_follows_its_incident_until_power_is_back(post, client, network, officer):
    tp = network.substations[2]
    first, second = network.addresses_of(tp)
    number = post({"service_code": "no_power", "address_id": first.pk}).json()[0][
        "service_request_id"
    ]
    post({"service_code": "no_power", "address_id": second.pk})
    incident = Incident.objects.get()
    body = client.get(f"{BASE}requests/{number}.json").json()[0]
    assert body["status"] == "open" and "диспетчер её проверяет" in body["status_notes"]

    incident = outage_services.incident_confirm(incident=incident, actor=officer)
    etr = timezone.now() + dt.timedelta(hours=3)
    outage_services.incident_update(incident=incident, actor=officer, etr=etr)
    body = client.get(f"{BASE}requests/{number}.json", headers={"accept-language": "en"}).json()[0]
    assert body["status"] == "open"
    assert body["expected_datetime"] == etr.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert body["status_notes"].startswith(
        "Technological outage confirmed; no crew assigned yet. Estimated restoration time:"
    )

    outage_services.incident_restore(incident=incident, actor=officer)
    body = client.get(f"{BASE}requests/{number}.json").json()[0]
    assert body["status"] == "closed"
    assert body["status_notes"].startswith("Электроснабжение восстановлено")
    assert body["expected_datetime"] is None
    assert body["updated_datetime"] >= body["requested_datetime"]


def test_a_request_is_closed_when_its_part_of_the_area_is_restored(post, client, network, officer):
    # Reports from three of the feeder's four substations put the outage on the feeder.
    numbers = {}
    for tp in network.substations[:3]:
        for address in network.addresses_of(tp):
            response = post({"service_code": "no_power", "address_id": address.pk})
            numbers[response.json()[0]["service_request_id"]] = tp
    incident = Incident.objects.get(status="predicted")
    assert incident.level == "feeder"
    incident = outage_services.incident_confirm(incident=incident, actor=officer)
    outage_services.incident_step_restore(
        incident=incident, actor=officer, substation_ids=[network.substations[0].pk]
    )
    listing = {r["service_request_id"]: r for r in client.get(BASE + "requests.json").json()}
    for number, tp in numbers.items():
        expected = "closed" if tp == network.substations[0] else "open"
        assert listing[number]["status"] == expected
    assert listed_closed(client) == {n for n, tp in numbers.items() if tp == network.substations[0]}


def listed_closed(client):
    response = client.get(BASE + "requests.json", {"status": "closed"})
    return {r["service_request_id"] for r in response.json()}


def test_a_rejected_prediction_closes_its_requests(post, client, network, officer):
    tp = network.substations[3]
    numbers = [
        post({"service_code": "no_power", "address_id": x.pk}).json()[0]["service_request_id"]
        for x in network.addresses_of(tp)
    ]
    outage_services.incident_reject(incident=Incident.objects.get(), actor=officer)
    body = client.get(f"{BASE}requests/{numbers[0]}.json").json()[0]
    assert body["status"] == "closed"
    assert "не обнаружил" in body["status_notes"]


def test_the_list_filters_by_id_code_status_and_dates(post, client, network, outage, officer):
    ids = {}
    for code, address in [
        ("no_power", network.addresses_of(network.substations[0])[0]),
        ("voltage", network.addresses[5]),
        ("hazard_tree", network.addresses[6]),
    ]:
        ids[code] = post({"service_code": code, "address_id": address.pk}).json()[0][
            "service_request_id"
        ]
    outage_services.incident_restore(incident=outage, actor=officer)

    def listed(**params):
        response = client.get(BASE + "requests.json", params)
        assert response.status_code == 200, response.content
        return {r["service_request_id"] for r in response.json()}

    assert listed() == set(ids.values())
    assert listed(service_code="voltage,hazard_tree") == {ids["voltage"], ids["hazard_tree"]}
    assert listed(status="closed") == {ids["no_power"]}
    assert listed(status="open") == {ids["voltage"], ids["hazard_tree"]}
    assert listed(status="open,closed") == set(ids.values())
    assert listed(service_request_id=f"{ids['voltage']}, {ids['no_power']}") == {
        ids["voltage"],
        ids["no_power"],
    }
    # ids override the other filters
    assert listed(service_request_id=ids["voltage"], service_code="no_power") == {ids["voltage"]}
    today = timezone.now().date()
    assert listed(start_date=str(today), end_date=str(today)) == set(ids.values())
    assert listed(end_date=(today - dt.timedelta(days=1)).isoformat() + "T00:00:00Z") == set()
    assert listed(start_date=(timezone.now() + dt.timedelta(hours=1)).isoformat()) == set()


def test_the_list_defaults_to_the_last_90_days(post, client, network):
    old = report(
        network.addresses[0],
        now=timezone.now() - dt.timedelta(days=91),
        channel=Channel.OPEN311,
    )
    OutageReport.objects.filter(pk=old.pk).update(open311_service="no_power")
    recent = post({"service_code": "no_power", "address_id": network.addresses[1].pk})
    listed = [r["service_request_id"] for r in client.get(BASE + "requests.json").json()]
    assert listed == [recent.json()[0]["service_request_id"]]
    old_day = (old.created_at - dt.timedelta(days=1)).date().isoformat()
    assert [
        r["service_request_id"]
        for r in client.get(BASE + "requests.json", {"start_date": old_day}).json()
    ] == [old.number]


def test_the_list_lists_only_open311_requests(post, client, network):
    report(network.addresses[0])  # a web report
    post({"service_code": "no_power", "address_id": network.addresses[1].pk})
    assert len(client.get(BASE + "requests.json").json()) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"service_code": "gas_leak"},
        {"status": "pending"},
        {"service_request_id": "12,abc"},
        {"start_date": "yesterday"},
        {"end_date": "2026-13-45"},
        {"start_date": "2026-11-20", "end_date": "2026-11-01"},
        {"start_date": "2026-01-01", "end_date": "2026-11-01"},
    ],
)
def test_bad_list_filters_are_a_400_in_the_open311_shape(client, db, params):
    assert_open311_error(client.get(BASE + "requests.json", params))


def test_the_list_in_xml(post, client, network):
    post({"service_code": "no_power", "address_id": network.addresses[0].pk})
    root = ET.fromstring(client.get(BASE + "requests.xml").content)
    assert root.tag == "service_requests"
    assert len(root.findall("request")) == 1
    assert root.findtext("request/address") == "г. Петрозаводск, ул. Ленина"


def test_the_list_takes_a_fixed_number_of_queries(
    post, client, network, django_assert_max_num_queries
):
    for address in network.addresses[:6]:
        post({"service_code": "no_power", "address_id": address.pk})
    with django_assert_max_num_queries(4):
        assert len(client.get(BASE + "requests.json").json()) == 6


def test_a_multipart_request_with_a_photo_is_accepted_and_the_photo_is_not_kept(client, network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        BASE + "requests.json",
        {
            "service_code": "hazard_tree",
            "address_id": network.addresses[0].pk,
            "media": SimpleUploadedFile("tree.jpg", b"\xff\xd8\xff", content_type="image/jpeg"),
        },
    )
    assert response.status_code == 201, response.content
    number = response.json()[0]["service_request_id"]
    assert client.get(f"{BASE}requests/{number}.json").json()[0]["media_url"] is None


# --- discovery, unknown resources, wrong methods ----------------------------------------------


def test_discovery_points_to_the_endpoint(client, db):
    body = client.get(BASE + "discovery.json").json()
    (endpoint,) = body["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert "text/xml" in endpoint["formats"]


@pytest.mark.parametrize("path", ["services.csv", "tokens/12.json", "requests/abc.json", "x"])
def test_an_unknown_resource_is_a_404_in_the_open311_shape(client, db, path):
    assert_open311_error(client.get(BASE + path), 404)


def test_an_unknown_xml_resource_is_an_xml_404(client, db):
    response = client.get(BASE + "tokens/12.xml")
    assert response.status_code == 404
    assert ET.fromstring(response.content).tag == "errors"


def test_posting_to_the_service_list_is_a_405_in_the_open311_shape(client, db):
    assert_open311_error(client.post(BASE + "services.json", {}), 405)


def test_browsers_on_other_sites_may_read_the_answers(client, db):
    assert client.get(BASE + "services.json")["Access-Control-Allow-Origin"] == "*"


def test_the_service_refuses_contacts_without_consent(network):
    from gridportal.core.exceptions import ApplicationError
    from gridportal.core.intake import Origin
    from gridportal.open311.registry import RequestIn
    from gridportal.open311.services import service_request_submit

    with pytest.raises(ApplicationError) as error:
        service_request_submit(
            request=RequestIn(
                service_code="no_power", address=network.addresses[0], email="a@example.ru"
            ),
            origin=Origin(channel="open311"),
        )
    assert error.value.code == "consent"
    assert not OutageReport.objects.exists()
