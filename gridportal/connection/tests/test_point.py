"""A plot with no address yet: the request-intention for a point on the map — the page, the
answer of the nearest ТП, the letter, the leads, the API, the application and bad input."""

from decimal import Decimal as D

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from gridportal.connection.models import ConnectionIntention
from gridportal.connection.points import coordinate_parse, point_label

from .test_intake import FORM

pytestmark = pytest.mark.django_db

URL = "/connection/"
API = "/api/v1/connection/intentions/"
# 0,3 km south-west of ТП-110 (61,79° N, 34,36° E), a plot in Petrozavodsk with no address.
PLOT = {"latitude": "61,78912", "longitude": "34,35412"}
RUSSIAN = "точка 61,78912° с. ш., 34,35412° в. д."


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def post(client, **changes):
    return client.post(reverse("connection:intention"), {**FORM, **PLOT, **changes})


def api(client, **changes):
    body = {**FORM, "consent": True, "latitude": 61.78912, "longitude": 34.35412, **changes}
    body = {k: v for k, v in body.items() if v is not None}
    return client.post(API, body, content_type="application/json")


# The pure part: typed coordinates and the label.


@pytest.mark.parametrize(
    "text, value",
    [("61,78912", 61.78912), (" 61.789123 ", 61.78912), ("61,7°", 61.7), ("-33.5", -33.5)],
)
def test_typed_coordinates_are_read_with_a_comma_or_a_point(text, value):
    assert coordinate_parse(text, limit=90) == value


@pytest.mark.parametrize("text", ["abc", "", "91", "-90.5", "nan", "inf", "1e400", "6 1 , 7 x"])
def test_nonsense_or_out_of_range_coordinates_are_not_a_point(text):
    assert coordinate_parse(text, limit=90) is None


def test_the_point_is_written_the_russian_way():
    with translation.override("ru"):
        assert point_label(61.78912, 34.35412) == RUSSIAN
    with translation.override("en"):
        assert point_label(61.78912, 34.35412) == "point 61.78912° N, 34.35412° E"
        assert point_label(-33.9, -70.1) == "point 33.90000° S, 70.10000° W"


# The page.


def test_the_page_offers_the_map_beside_the_address_search(client, home):
    html = client.get(URL).content.decode()
    assert "или укажите точку на карте" in html
    assert 'id="point-map"' in html and "leaflet/leaflet.js" in html
    assert 'id="id_latitude"' in html and 'id="id_longitude"' in html
    # The map opens on the company's ТП, so the first click lands on the territory.
    assert 'data-lat="61.79"' in html and 'data-lon="34.36"' in html


def test_a_chosen_point_opens_the_form_with_the_point_carried(client, home):
    response = client.get(URL, {**PLOT, "power_new_kw": "12"})
    html = response.content.decode()
    assert response.status_code == 200
    assert RUSSIAN in html
    assert 'name="latitude" value="61.78912"' in html and 'value="12"' in html
    assert 'id="point-map"' not in html


@pytest.mark.parametrize(
    "where, message",
    [
        ({"latitude": "шестьдесят", "longitude": "34"}, "Укажите широту в градусах"),
        ({"latitude": "91", "longitude": "34"}, "Укажите широту в градусах"),
        ({"latitude": "61,7", "longitude": "181"}, "Укажите долготу в градусах"),
        ({"latitude": "61,7", "longitude": ""}, "Укажите долготу в градусах"),
    ],
)
def test_bad_coordinates_on_the_map_form_are_explained(client, home, where, message):
    response = client.get(URL, where)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'id="point-map"' in html


def test_a_point_outside_the_territory_is_told_before_the_form(client, home):
    response = client.get(URL, {"latitude": "55,75", "longitude": "37,62"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Эта точка вне территории, которую мы обслуживаем" in html
    assert "ближе 5 км" in html and 'id="point-map"' in html
    assert 'value="55,75"' in html


def test_a_point_gets_the_answer_of_its_nearest_tp(
    client, home, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client)
    assert response.status_code == 201
    html = response.content.decode()
    intention = ConnectionIntention.objects.get()
    assert intention.address is None and intention.branch == home.branch
    assert (intention.latitude, intention.longitude) == (61.78912, 34.35412)
    assert intention.place == RUSSIAN
    assert RUSSIAN in html
    assert "Ближайшая к вашей точке трансформаторная подстанция — ТП-110, в 0,32 км." in html
    assert "ТП-110" in intention.answer["candidates"][0]["name"]
    assert "Свободно: 25,0 кВА" in html
    assert intention.answer["category"]["code"] == "individual_15"
    (letter,) = smtp_server.messages
    assert RUSSIAN in letter["body"] and "ТП-110" in letter["body"]


def test_a_point_in_another_region_goes_to_that_branch(client, home, far_home):
    response = post(client, latitude="57,801", longitude="28,302")
    assert response.status_code == 201
    assert ConnectionIntention.objects.get().branch == far_home.branch
    assert "ТП-7" in response.content.decode()


def test_the_same_point_again_within_minutes_is_one_intention(client, home):
    assert post(client).status_code == 201
    assert post(client).status_code == 200
    assert ConnectionIntention.objects.count() == 1


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"address": "HOME"}, "Give either an address or a point on the map, not both."),
        ({"latitude": "", "longitude": ""}, "Choose an address from the list or mark a point"),
        ({"longitude": ""}, "Give both the latitude and the longitude of the point."),
        ({"latitude": "abc"}, "Give the latitude in degrees, from -90 to 90"),
        ({"latitude": "-95"}, "Give the latitude in degrees, from -90 to 90"),
        ({"longitude": "200"}, "Give the longitude in degrees, from -180 to 180"),
        # Moscow: no ТП of ours within 5 km.
        ({"latitude": "55.75", "longitude": "37.62"}, "This point is outside the territory"),
        # Open sea, far from any substation at all.
        ({"latitude": "0", "longitude": "0"}, "none of our transformer substations is within 5 km"),
    ],
)
def test_bad_where_is_refused_with_a_message(en, home, changes, message):
    if changes.get("address") == "HOME":
        changes["address"] = home.pk
    response = post(en, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ConnectionIntention.objects.exists()


@pytest.mark.parametrize(
    "where, code",
    [
        ({}, "address"),
        ({"address": "HOME", "point": (61.78912, 34.35412)}, "address"),
        ({"point": (float("nan"), 34.35412)}, "latitude"),
        ({"point": (61.7, 190.0)}, "longitude"),
        ({"point": (55.75, 37.62)}, "point"),
    ],
)
def test_the_service_itself_wants_exactly_one_place_on_the_territory(home, where, code):
    from gridportal.connection.services import IntentionSubmission, intention_submit
    from gridportal.core.exceptions import ApplicationError
    from gridportal.core.intake import Origin

    if where.get("address") == "HOME":
        where["address"] = home
    submission = IntentionSubmission(
        applicant_kind="individual",
        object_kind="house",
        power_new_kw=D("10"),
        voltage="0.4",
        reliability="3",
        name="Анна",
        email="anna@example.ru",
        consent_given=True,
        **where,
    )
    with pytest.raises(ApplicationError) as refused:
        intention_submit(submission=submission, origin=Origin(channel="api"))
    assert refused.value.code == code and refused.value.status == 400
    assert not ConnectionIntention.objects.exists()


def test_the_database_keeps_an_address_or_a_point(home):
    fields = {
        "created_at": timezone.now(),
        "branch": home.branch,
        "place": "—",
        "applicant_kind": "individual",
        "object_kind": "house",
        "power_new_kw": D("5"),
        "voltage": "0.4",
        "reliability": "3",
        "category": "individual_15",
        "name": "Анна",
        "contact_key": "x",
        "channel": "web",
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        ConnectionIntention.objects.create(**fields, latitude=61.7)
    ConnectionIntention.objects.create(**fields, latitude=61.7, longitude=34.3)


# Staff.


def test_staff_see_the_point_in_the_leads_with_a_map_link(
    client, home, far_home, connection_officer, other_connection_officer
):
    post(client)
    intention = ConnectionIntention.objects.get()
    client.force_login(connection_officer)
    html = client.get("/staff/connection/leads/").content.decode()
    assert intention.number in html and RUSSIAN in html
    assert "https://www.openstreetmap.org/?mlat=61.78912&amp;mlon=34.35412" in html
    lead = client.get(f"/staff/connection/leads/{intention.number}/").content.decode()
    assert RUSSIAN in lead and "openstreetmap.org" in lead
    (row,) = client.get("/api/v1/connection/staff/intentions/").json()["results"]
    assert row["address"] is None and (row["latitude"], row["longitude"]) == (61.78912, 34.35412)
    assert row["map_url"].startswith("https://www.openstreetmap.org/")
    client.force_login(other_connection_officer)
    assert intention.number not in client.get("/staff/connection/leads/").content.decode()


# The API.


def test_the_api_takes_a_point_instead_of_an_address(client, home):
    response = api(client)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["address"] is None and data["place"] == RUSSIAN
    assert (data["latitude"], data["longitude"]) == (61.78912, 34.35412)
    assert data["candidates"][0]["name"] == "ТП-110"
    assert data["candidates"][0]["distance_km"] == pytest.approx(0.32, abs=0.01)


def test_the_api_answer_for_an_address_names_it(client, home):
    response = api(client, latitude=None, longitude=None, address=home.pk)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["address"] == home.pk and data["place"] == home.label


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"address": "HOME"}, "address"),
        ({"latitude": None, "longitude": None}, "address"),
        ({"longitude": None}, "longitude"),
        ({"latitude": "шестьдесят"}, "latitude"),
        ({"latitude": 95}, "latitude"),
        ({"longitude": -181}, "longitude"),
    ],
)
def test_the_api_refuses_a_bad_where_field_by_field(client, home, changes, field):
    if changes.get("address") == "HOME":
        changes["address"] = home.pk
    response = api(client, **changes)
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert not ConnectionIntention.objects.exists()


def test_the_api_refuses_a_point_outside_the_territory_with_a_message(en, home):
    en.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = api(en, latitude=55.75, longitude=37.62)
    assert response.status_code == 400, response.content
    assert "outside the territory we serve" in response.json()["error"]["message"]
    assert not ConnectionIntention.objects.exists()


# The full application from a point-intention.


def test_the_application_from_a_point_asks_for_the_address_and_fills_the_rest(
    client, home, customer, private_files
):
    post(client, email=customer.email, object_kind="dacha", power_new_kw="12")
    number = ConnectionIntention.objects.get().number
    client.force_login(customer)
    start = reverse("connection:application-new") + f"?intention={number}"
    page = client.get(start)
    html = page.content.decode()
    assert page.status_code == 200
    assert number in html and RUSSIAN in html and 'id="address-q"' in html
    found = client.get(start + "&q=ленина 1", HTTP_HX_REQUEST="true").content.decode()
    assert f"?{urlencode({'intention': number})}&amp;address={home.pk}" in found
    page = client.get(start + f"&address={home.pk}").content.decode()
    assert 'value="Анна Петрова"' in page and home.label in page
    response = client.post(
        start + f"&address={home.pk}",
        {"applicant_kind": "individual", "applicant_name": "Анна Петрова", "identity": "8601 1"},
    )
    assert response.status_code == 302
    from gridportal.connection.models import ConnectionApplication

    draft = ConnectionApplication.objects.get()
    assert (draft.address, draft.object_kind, draft.power_new_kw) == (home, "dacha", D("12"))
