"""The storm's way in to POST /api/v1/outages/reports/ (report_create_fast): the same
validation, answers and errors as the DRF view it stands in front of (decision 0017)."""

import json

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridportal.outages.api.serializers import (
    REPORT_KEYS,
    ReportCreateSerializer,
    report_fast_validated,
)
from gridportal.outages.api.views import report_create_fast
from gridportal.outages.models import OutageReport

pytestmark = pytest.mark.django_db

URL = "/api/v1/outages/reports/"
TEXTS = [
    "",
    "  ",
    "no_power",
    "hazard",
    "+79001234567",
    " +7 900 123-45-67 ",
    "someone@example.ru",
    " Someone@Example.RU ",
    "not an e-mail",
    "a@b",
    "строка\x00",
    "\ud800",
    "ок\x07",
    "x" * 32,
    "x" * 33,
    "y" * 1000,
    " " + "y" * 1000 + " ",
    "y" * 1001,
]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(TEXTS),
    st.text(max_size=40),
    st.lists(st.integers(), max_size=2),
)


def body(address, **fields):
    return {"address": address, "problem": "no_power", "consent": True, **fields}


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(sorted(REPORT_KEYS) + ["colour"]), VALUES | st.just("KNOWN"), max_size=7
    ),
    complete=st.booleans(),
)
def test_the_fast_validation_accepts_only_what_the_serializer_accepts_and_alike(
    network, data, complete
):
    known = network.addresses[0].pk
    if complete:  # most storm bodies are whole; fill in what the draw left out
        data = {**body(known), **data}
    data = {k: known if v == "KNOWN" else v for k, v in data.items()}
    fast = report_fast_validated(data)
    serializer = ReportCreateSerializer(data=data)
    valid = serializer.is_valid()
    if fast is None:
        return  # the serializer reads it and names what is wrong (or accepts it)
    if fast["address"] == known:
        assert valid, serializer.errors
        assert {**serializer.validated_data, "address": known} == fast
    else:  # a well-formed id of no address: only the address is wrong
        assert not valid and set(serializer.errors) == {"address"}


def test_a_storm_body_takes_the_fast_way_and_anything_else_the_full_one(network):
    factory = RequestFactory()
    address = network.addresses[0].pk

    def post(data, **extra):
        return factory.post(URL, json.dumps(data), content_type="application/json", **extra)

    taken = report_create_fast(post(body(address, phone="+79001234567")))
    assert taken is not None and taken.status_code == 201
    assert report_create_fast(post(body(address), HTTP_ACCEPT="text/html")) is None
    assert report_create_fast(post(body(address), HTTP_AUTHORIZATION="Token x")) is None
    with_session = post(body(address))
    with_session.COOKIES[django_settings.SESSION_COOKIE_NAME] = "abc"
    assert report_create_fast(with_session) is None
    assert report_create_fast(post(body(999_999))) is None  # no such address
    assert report_create_fast(post(body(str(address)))) is None  # a string id
    form = factory.post(URL, body(address))  # a form body
    assert report_create_fast(form) is None
    assert OutageReport.objects.count() == 1


@pytest.mark.parametrize(
    "fields, status",
    [
        ({"phone": "+79001234567"}, 201),
        ({"phone": "+79001234567", "comment": " темно "}, 201),
        ({"phone": "12"}, 400),  # the service's own refusal
        ({"email": "nope"}, 400),
        ({"colour": "blue", "phone": "+79001234568"}, 201),
    ],
)
def test_both_ways_answer_alike(client, network, fields, status):
    """Without a session the fast way answers; with one, DRF's view: the same answers."""
    address = network.addresses[0].pk
    answers = []
    for cookie in ("", "not-a-session"):
        client.cookies.clear()
        if cookie:
            client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
        answers.append(client.post(URL, body(address, **fields), content_type="application/json"))
        OutageReport.objects.all().delete()
    fast, full = answers
    assert fast.status_code == full.status_code == status
    fast_body, full_body = fast.json(), full.json()
    if status == 201:
        assert fast_body.keys() == full_body.keys()
        assert fast_body["duplicate"] is full_body["duplicate"] is False
    else:
        assert fast_body == full_body
    assert fast["Content-Type"] == full["Content-Type"] == "application/json"
