"""Degraded mode's pieces that work with the database up: health, contacts, the 503 page.

The database-down behaviour itself is tested with a real second process whose database
is unreachable: gridportal/outages/tests/storm/test_degraded.py.
"""

import pytest
from django.db import OperationalError, ProgrammingError

from gridportal.core.degraded import company_contacts, contacts_local_clear, unavailable_response
from gridportal.core.views.public import server_error

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("url", ["/health/", "/health/ready/"])
def test_readiness_checks_the_database_and_the_cache(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_the_kept_contacts_follow_an_edit_of_the_company(company, branch):
    assert company_contacts().hotline_phone == "8-800-000-00-00"
    assert company_contacts().branch("karelia").display_name == "Карельский филиал"
    company.hotline_phone = "8-800-111-22-33"
    company.save()
    contacts_local_clear()  # another process: it reads the cache, which the save emptied
    assert company_contacts().hotline_phone == "8-800-111-22-33"


def test_without_a_company_the_hotline_setting_is_shown(db, settings):
    settings.HOTLINE_PHONE = "8-800-999-99-99"
    assert company_contacts().hotline_phone == "8-800-999-99-99"


def test_the_503_page_says_a_submission_was_not_received(rf, company):
    response = unavailable_response(rf.post("/outages/report/"))
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    text = response.content.decode()
    assert "8-800-000-00-00" in text and 'data-testid="not-received"' in text


def test_the_503_page_for_a_page_asks_to_try_again(rf, company):
    response = unavailable_response(rf.get("/outages/planned/"))
    assert response.status_code == 503
    assert 'data-testid="not-received"' not in response.content.decode()


def test_an_unreachable_database_outside_a_view_is_the_503_page_too(rf, company):
    """handler500 (production): a middleware that needed the database is not a 500."""
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(rf.get("/"))
    assert response.status_code == 503
    assert "8-800-000-00-00" in response.content.decode()


def test_any_other_error_stays_a_500(rf, company):
    try:
        raise ProgrammingError("no such column")
    except ProgrammingError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
