"""Pages: a page or page size that is not a whole number in range is a 400 naming it."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["null", "false", "", "0", "-1", "1.5", "501", "abc"])
def test_a_page_size_that_is_not_a_whole_number_in_range_is_a_400(client, branch, value):
    response = client.get("/api/v1/branches/", {"page_size": value})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert list(error["fields"]) == ["page_size"]


@pytest.mark.parametrize("value", ["last", "0", "", "abc"])
def test_a_page_that_is_not_a_whole_number_is_a_400(client, branch, value):
    response = client.get("/api/v1/branches/", {"page": value})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["page"]


def test_a_page_past_the_end_is_a_404_in_the_error_shape(client, branch):
    response = client.get("/api/v1/branches/", {"page": 2})
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_a_valid_page_size_is_used(client, branch, other_branch):
    body = client.get("/api/v1/branches/", {"page_size": 1, "page": 2}).json()
    assert body["count"] == 2 and len(body["results"]) == 1 and body["next"] is None
