"""The REST API at its edges: odd JSON bodies and every query parameter checked by type and range.

A bad value is a 400 in the API's error shape naming the parameter, never a 500 and never
quietly ignored or rounded (decision 0009). Spans the apps behind /api/v1/, so it lives
outside every layer.
"""

import json

import pytest

pytestmark = pytest.mark.django_db

REPORTS = "/api/v1/outages/reports/"


def assert_invalid(response, *, field=None, status=400, code=None):
    assert response.status_code == status, response.content[:400]
    error = response.json()["error"]
    assert error["status"] == status
    assert error["message"]
    if code is not None:
        assert error["code"] == code
    if field is not None:
        assert field in error.get("fields", {}), error
        assert error["fields"][field]
    return error


def post_json(client, url, body, **extra):
    text = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, text, content_type="application/json", **extra)


# --- JSON bodies --------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["[1]", '"x"', "5", "null", "true", "[]"])
def test_a_body_that_is_not_an_object_is_a_400_on_the_report_api(client, body):
    assert_invalid(post_json(client, REPORTS, body), code="invalid")


@pytest.mark.parametrize("depth", [21, 200, 100_000])
def test_deeply_nested_json_is_a_400_on_the_report_api(client, depth):
    body = '{"address": ' + "[" * depth + "]" * depth + "}"
    error = assert_invalid(post_json(client, REPORTS, body), code="parse_error")
    assert "20" in error["message"]


def test_nesting_within_the_limit_is_read_and_checked_by_the_serializer(client):
    body = {"address": [[[[1]]]], "problem": "no_power", "consent": True}
    assert_invalid(post_json(client, REPORTS, body), field="address", code="invalid")


def test_json_that_does_not_parse_is_a_400(client):
    assert_invalid(post_json(client, REPORTS, '{"address": '), code="parse_error")


@pytest.mark.parametrize("text", ["нет\u0000света", "нет\u0007света", "\ud800"])
def test_a_control_character_in_a_json_string_is_a_400_naming_the_field(client, text):
    body = json.dumps({"address": 1, "problem": "no_power", "comment": text, "consent": True})
    error = assert_invalid(post_json(client, REPORTS, body), field="comment")
    assert error["code"] == "control_character"


def test_a_control_character_in_a_nested_json_key_is_named_by_its_path(client):
    body = json.dumps({"address": 1, "extra": [{"a\u0001b": 1}]})
    assert_invalid(post_json(client, REPORTS, body), field="extra[0].ab")


def test_a_comment_with_line_breaks_is_not_a_control_character(client):
    body = {"address": 1, "problem": "no_power", "comment": "a\r\nb\tc", "consent": True}
    error = assert_invalid(post_json(client, REPORTS, body), field="address")
    assert "comment" not in error["fields"]


def test_the_english_message_for_deep_json(client):
    body = "[" * 50 + "]" * 50
    response = post_json(client, REPORTS, body, headers={"accept-language": "en"})
    assert "nested too deeply" in assert_invalid(response)["message"]


# --- query parameters -----------------------------------------------------------------------

BAD_PARAMETERS = [
    # grid
    ("/api/v1/feeders/", {"power_centre": "1.5"}, "power_centre"),
    ("/api/v1/feeders/", {"power_centre": "abc"}, "power_centre"),
    ("/api/v1/feeders/", {"power_centre": "99999999999999999999999"}, "power_centre"),
    ("/api/v1/feeders/", {"power_centre": "0"}, "power_centre"),
    ("/api/v1/feeders/", {"branch": "nowhere"}, "branch"),
    ("/api/v1/feeders/", {"district": "nowhere"}, "district"),
    ("/api/v1/feeders/", {"q": "x" * 201}, "q"),
    ("/api/v1/substations/", {"feeder": "-1"}, "feeder"),
    ("/api/v1/substations/", {"power_centre": "1e3"}, "power_centre"),
    ("/api/v1/substations/", {"kind": "castle"}, "kind"),
    # capacity
    ("/api/v1/power-centres/", {"voltage": "abc"}, "voltage"),
    ("/api/v1/power-centres/", {"voltage": "110.5"}, "voltage"),
    ("/api/v1/power-centres/", {"voltage_kv": "1e9"}, "voltage_kv"),
    ("/api/v1/power-centres/", {"min_reserve": "NaN"}, "min_reserve"),
    ("/api/v1/power-centres/", {"min_reserve": "1e400"}, "min_reserve"),
    ("/api/v1/power-centres/", {"status": "sometimes"}, "status"),
    ("/api/v1/capacity/nearby/", {"kw": "15", "lat": "nan", "lon": "34"}, "lat"),
    ("/api/v1/capacity/nearby/", {"kw": "15", "lat": "61", "lon": "inf"}, "lon"),
    ("/api/v1/capacity/nearby/", {"kw": "-1", "lat": "61", "lon": "34"}, "kw"),
    # core
    ("/api/v1/districts/", {"branch": "nowhere"}, "branch"),
    ("/api/v1/districts/", {"kind": "castle"}, "kind"),
    # address search
    ("/api/v1/addresses/", {"q": "Ленина", "limit": "500"}, "limit"),
    ("/api/v1/addresses/", {"q": "Ленина", "branch": "nowhere"}, "branch"),
    ("/api/v1/addresses/", {"q": "x" * 201}, "q"),
    # outages
    ("/api/v1/outages/status/", {"address": "abc"}, "address"),
    ("/api/v1/outages/status/", {"address": "99999999999999999999999"}, "address"),
    ("/api/v1/outages/incidents/", {"branch": "nowhere"}, "branch"),
    ("/api/v1/outages/incidents/", {"status": "bogus"}, "status"),
    ("/api/v1/outages/planned/", {"date": "yesterday"}, "date"),
    ("/api/v1/outages/planned/", {"branch": "nowhere"}, "branch"),
    # pagination, on any list
    ("/api/v1/outages/incidents/", {"page": "abc"}, "page"),
    ("/api/v1/outages/incidents/", {"page": "0"}, "page"),
    ("/api/v1/outages/incidents/", {"page": "-3"}, "page"),
    ("/api/v1/feeders/", {"page_size": "0"}, "page_size"),
    ("/api/v1/feeders/", {"page_size": "abc"}, "page_size"),
    ("/api/v1/feeders/", {"page_size": "100000"}, "page_size"),
]


@pytest.mark.parametrize(("url", "params", "field"), BAD_PARAMETERS)
def test_a_bad_query_parameter_is_a_400_naming_it(client, branch, url, params, field):
    assert_invalid(client.get(url, params), field=field)


@pytest.mark.parametrize(("url", "params", "field"), BAD_PARAMETERS)
def test_a_bad_query_parameter_is_a_400_for_a_dispatcher_too(client, officer, url, params, field):
    client.force_login(officer)
    assert_invalid(client.get(url, params), field=field)


def test_a_page_past_the_last_is_a_404_naming_the_last(client, branch):
    response = client.get("/api/v1/branches/", {"page": "7"})
    assert response.status_code == 404
    assert "1" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/feeders/", {"power_centre": "1", "page_size": "500", "page": "1"}),
        ("/api/v1/power-centres/", {"voltage": "110", "min_reserve": "-2.5"}),
        ("/api/v1/districts/", {"branch": "karelia"}),
        ("/api/v1/outages/incidents/", {"branch": "karelia", "page": "1"}),
        ("/api/v1/branches/", {"page": "1", "page_size": "20"}),
    ],
)
def test_good_parameters_still_work(client, branch, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
