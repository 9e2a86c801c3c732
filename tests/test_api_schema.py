"""The OpenAPI document (/api/schema/) says what the API does.

Spans every app's endpoints, so it lives outside the layers (docs/architecture.md).
The fuzzing against a live server is `.ci/schema-fuzz`; these are the specific promises.
"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client, branch, other_branch):
    response = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def component(schema, ref_or_schema):
    ref = ref_or_schema.get("$ref") or ref_or_schema.get("allOf", [{}])[0].get("$ref")
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def json_schema(operation, status):
    return operation["responses"][status]["content"]["application/json"]["schema"]


def test_the_address_typeahead_answers_an_object_with_results(schema):
    body = component(schema, json_schema(schema["paths"]["/api/v1/addresses/"]["get"], "200"))
    assert body["type"] == "object"
    assert body["properties"]["results"]["type"] == "array"
    assert body["required"] == ["results"]


def test_lists_are_documented_with_the_pagination_envelope(schema):
    body = component(schema, json_schema(schema["paths"]["/api/v1/substations/"]["get"], "200"))
    assert set(body["properties"]) == {"count", "next", "previous", "results"}


@pytest.mark.parametrize(
    "name, field",
    [
        ("PlannedOutage", "settlement"),
        ("PlannedOutage", "district"),
        ("Incident", "estimated_restoration"),
        ("Incident", "estimate_updated_at"),
        ("Incident", "district"),
        ("IncidentDetail", "estimated_restoration"),
        ("IncidentEvent", "estimated_restoration"),
        ("Substation", "district"),
        ("Address", "substation"),
        ("PowerCentre", "capacity"),
        ("FeedItem", "estimated_restoration"),
    ],
)
def test_fields_that_can_be_null_are_documented_nullable(schema, name, field):
    assert schema["components"]["schemas"][name]["properties"][field].get("nullable") is True


def test_consent_is_documented_as_true_only(schema):
    consent = schema["components"]["schemas"]["ReportCreateRequest"]["properties"]["consent"]
    assert component(schema, consent)["enum"] == [True]
    assert "400" in schema["paths"]["/api/v1/outages/reports/"]["post"]["responses"]


def test_every_operation_documents_its_error_answers_in_the_error_shape(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["$ref"].endswith("/ErrorBody")
    for path, method, operation in operations(schema):
        responses = operation["responses"]
        assert "414" in responses, (method, path)
        params = operation.get("parameters", [])
        if any(p["in"] == "query" for p in params) or "requestBody" in operation:
            assert json_schema(operation, "400")["$ref"].endswith("/Error"), (method, path)
        if any(p["in"] == "path" for p in params) or any(p["name"] == "page" for p in params):
            assert json_schema(operation, "404")["$ref"].endswith("/Error"), (method, path)
    report = schema["paths"]["/api/v1/outages/reports/"]["post"]["responses"]
    assert {"400", "413", "415", "429"} <= set(report)
    assert "404" in schema["paths"]["/api/v1/outages/status/"]["get"]["responses"]


def test_parameters_say_their_types_and_ranges(schema):
    def parameter(path, name):
        params = schema["paths"][path]["get"]["parameters"]
        return next(p["schema"] for p in params if p["name"] == name)

    voltage = parameter("/api/v1/power-centres/", "voltage_kv")
    assert voltage["type"] == "number" and sorted(voltage["enum"]) == [35, 110, 150, 220, 330]
    assert parameter("/api/v1/substations/", "feeder")["type"] == "integer"
    page_size = parameter("/api/v1/branches/", "page_size")
    assert (page_size["minimum"], page_size["maximum"]) == (1, 500)
    assert parameter("/api/v1/power-centres/", "branch")["enum"] == ["karelia", "pskov"]
    assert parameter("/api/v1/outages/incidents/", "branch")["enum"] == ["karelia", "pskov"]


def test_staff_only_fields_are_documented_as_optional(schema):
    substation = schema["components"]["schemas"]["Substation"]
    assert {"rated_kva", "address_count", "customer_count"} <= set(substation["properties"])
    assert not {"rated_kva", "address_count", "customer_count"} & set(substation["required"])


def test_open311_is_not_in_the_schema(schema):
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
