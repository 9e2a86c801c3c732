"""Input no person types is a clear 400 (or 413) in the shape the client reads, never a 500.

Reproduces an attacker's test against production mode (decision 0009): NUL in query strings
of the look-up pages, the API and the staff network map; control characters in headers,
paths and form fields; oversized and over-many-field bodies. Spans pages, the API and the
staff console, so it lives outside every layer.
"""

from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.django_db

NUL = "\x00"

PUBLIC_PAGES = [
    "/outages/status/",
    "/outages/text/",
    "/outages/report/",
    "/addresses/",
    "/notifications/subscribe/",
]
STAFF_PAGES = [
    ("/staff/outages/calls/new/", "q"),
    ("/staff/grid/map.geojson", "branch"),
]
API_URLS = [
    ("/api/v1/addresses/", "q"),
    ("/api/v1/addresses/", "branch"),
    ("/api/v1/outages/incidents/", "branch"),
]


def assert_page_refusal(response, status=400):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert "<h1>" in text
    return text


def assert_api_refusal(response, *, field=None, status=400, code="control_character"):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"] == code
    assert error["message"]
    if field is not None:
        assert list(error["fields"]) == [field]
        assert field in error["fields"][field][0]
    return error


# --- NUL in the query strings of the reported URLs --------------------------------------------


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_nul_in_the_search_of_a_public_page_is_a_russian_400_page(client, url):
    response = client.get(url, {"q": f"Ленина{NUL}"})
    text = assert_page_refusal(response)
    assert "управляющий символ" in text and "«q»" in text


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_the_400_page_is_english_for_a_visitor_who_chose_english(client, url):
    client.cookies["django_language"] = "en"
    text = assert_page_refusal(client.get(url, {"q": NUL}))
    assert "control character" in text and 'lang="en"' in text


@pytest.mark.parametrize(("url", "param"), STAFF_PAGES)
def test_nul_on_a_staff_page_is_a_400_for_a_dispatcher(client, officer, url, param):
    client.force_login(officer)
    text = assert_page_refusal(client.get(url, {param: NUL}))
    assert f"«{param}»" in text


@pytest.mark.parametrize(("url", "param"), STAFF_PAGES)
def test_nul_on_a_staff_page_is_a_400_before_the_sign_in(client, url, param):
    assert_page_refusal(client.get(url, {param: NUL}))


@pytest.mark.parametrize(("url", "param"), API_URLS)
def test_nul_in_an_api_parameter_is_a_400_naming_it(client, url, param):
    query = {"q": "Ленина 1", param: f"x{NUL}y"}
    assert_api_refusal(client.get(url, query), field=param)


@pytest.mark.parametrize(("url", "param"), API_URLS)
def test_nul_in_an_api_parameter_is_a_400_for_a_dispatcher_too(client, officer, url, param):
    client.force_login(officer)
    assert_api_refusal(client.get(url, {"q": "Ленина 1", param: NUL}), field=param)


def test_api_refusals_speak_the_language_the_client_asks_for(client):
    response = client.get("/api/v1/addresses/", {"q": NUL}, headers={"accept-language": "en"})
    error = assert_api_refusal(response, field="q")
    assert "control character" in error["message"]


@pytest.mark.parametrize("code", ["%01", "%1F", "%7F", "%0A"])
def test_other_control_characters_in_a_query_string_are_refused_too(client, code):
    response = client.get(f"/api/v1/addresses/?q=ab{code}cd")
    assert_api_refusal(response, field="q")


def test_a_tab_or_ordinary_text_in_a_query_string_is_let_through(client):
    response = client.get("/api/v1/addresses/?q=%D0%9B%D0%B5%D0%BD%D0%B8%D0%BD%D0%B0%091")
    assert response.status_code == 200, response.content


def test_nul_in_a_parameter_name_is_refused(client):
    assert_api_refusal(client.get("/api/v1/addresses/?q=ab&x%00y=1"))


# --- path and headers ---------------------------------------------------------------------


def test_a_control_character_in_the_path_is_a_400(client):
    assert_page_refusal(client.get("/outages/status%00/"))
    assert_api_refusal(client.get("/api/v1/outages/incidents/%01/"))


def test_a_control_character_in_a_header_is_a_400_naming_the_header(client):
    response = client.get("/api/v1/outages/feed/", headers={"user-agent": "bot\x01"})
    error = assert_api_refusal(response)
    assert "User-Agent" in error["message"]


def test_nul_in_a_cookie_is_a_400_before_the_session_is_looked_up(client):
    client.cookies["sessionid"] = "abc\x00def"
    assert_page_refusal(client.get("/outages/status/"))


# --- form bodies --------------------------------------------------------------------------


def test_nul_in_a_form_field_of_a_page_is_a_400_naming_the_field(client):
    response = client.post(
        "/outages/report/",
        urlencode({"comment": f"нет света{NUL}", "problem": "no_power"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert "«comment»" in assert_page_refusal(response)


def test_a_control_character_in_a_multipart_field_is_a_400(client):
    response = client.post("/outages/report/", {"comment": "нет\x1bсвета", "problem": "no_power"})
    assert "«comment»" in assert_page_refusal(response)


def test_line_breaks_and_tabs_in_a_textarea_are_let_through(client):
    response = client.post(
        "/outages/report/", {"comment": "нет света\r\nво всём доме\tс утра", "problem": "no_power"}
    )
    # The form is incomplete (no address, no consent): it is shown again with its errors.
    text = response.content.decode()
    assert "управляющий символ" not in text
    assert 'name="comment"' in text and "во всём доме" in text


def test_nul_in_a_form_posted_to_the_api_is_a_400_in_the_api_shape(client):
    response = client.post(
        "/api/v1/outages/reports/",
        urlencode({"address": "1", "comment": f"a{NUL}b"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert_api_refusal(response, field="comment")


# --- request size -------------------------------------------------------------------------

TWENTY_MB = 20 * 1024 * 1024


def test_a_20_mb_form_to_the_api_is_a_413_in_the_api_shape(client):
    body = "comment=" + "x" * TWENTY_MB
    response = client.post(
        "/api/v1/outages/reports/", body, content_type="application/x-www-form-urlencoded"
    )
    error = assert_api_refusal(response, status=413, code="too_large")
    assert "2,5 МБ" in error["message"]


def test_a_20_mb_json_body_to_the_api_is_a_413_in_the_api_shape(client):
    body = '{"comment": "' + "x" * TWENTY_MB + '"}'
    response = client.post("/api/v1/outages/reports/", body, content_type="application/json")
    assert_api_refusal(response, status=413, code="too_large")


def test_a_20_mb_form_to_a_page_is_a_413_page_in_russian(client):
    body = "comment=" + "x" * TWENTY_MB
    response = client.post(
        "/outages/report/", body, content_type="application/x-www-form-urlencoded"
    )
    text = assert_page_refusal(response, status=413)
    assert "слишком велик" in text


def test_too_many_fields_is_a_400_in_the_api_shape(client):
    body = "&".join(f"f{i}=1" for i in range(1500))
    response = client.post(
        "/api/v1/outages/reports/", body, content_type="application/x-www-form-urlencoded"
    )
    assert_api_refusal(response, code="too_many_fields")


def test_non_ascii_that_is_not_a_control_character_is_let_through(client):
    response = client.get(
        "/api/v1/outages/feed/", headers={"user-agent": "Bot\xa01.0", "x-note": "\xe9t\xe9\tok"}
    )
    assert response.status_code == 200, response.content
    # A Cyrillic path is a 404 of its own, not a refusal.
    assert client.get("/outages/статус/").status_code == 404
