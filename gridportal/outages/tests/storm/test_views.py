"""The look-up endpoints: answers from the snapshot, ETags, bad input, a database that is down."""

import pytest
from django.db import OperationalError, connection

from gridportal.grid.models import ServiceAddress
from gridportal.outages.storm import selectors, services

pytestmark = pytest.mark.django_db

STATUS = "/outages/live/status.json"


def test_the_look_up_by_address_says_what_the_outages_api_says(client, network, outage, planned):
    for address in network.addresses:
        live = client.get(STATUS, {"address": address.pk})
        assert live.status_code == 200
        body = live.json()
        assert body.pop("address") == {"id": address.pk, "substation": address.substation_id}
        api = client.get("/api/v1/outages/status/", {"address": address.pk}).json()
        api.pop("address")
        assert body == api


def test_the_look_up_by_substation_answers_an_outage_with_its_estimate(client, network, outage):
    body = client.get(STATUS, {"substation": network.substations[0].pk}).json()
    assert body["state"] == "outage"
    assert body["incident"]["id"] == outage.pk
    assert body["incident"]["cause"] == "weather"
    assert body["incident"]["estimated_restoration"].endswith("Z")
    assert body["incident"]["customers_out"] == 20
    quiet = client.get(STATUS, {"substation": network.substations[1].pk}).json()
    assert quiet == {"state": "none", "incident": None, "planned": []}


def test_an_address_off_the_network_is_unknown(client, network):
    address = network.addresses[0]
    address.substation = None
    address.save()
    body = client.get(STATUS, {"address": address.pk}).json()
    assert body["state"] == "unknown" and body["address"]["substation"] is None


def test_every_answer_has_an_etag_and_cache_headers_and_a_repeat_gets_304(client, network, outage):
    paths = [
        (STATUS, {"substation": network.substations[0].pk}),
        (STATUS, {"substation": network.substations[1].pk}),
        (STATUS, {"address": network.addresses[0].pk}),
        ("/outages/live/summary.json", {}),
        ("/outages/live/summary.json", {"branch": "karelia"}),
        ("/outages/live/feed.json", {}),
        ("/outages/live/feed.geojson", {}),
    ]
    tags = set()
    for path, params in paths:
        first = client.get(path, params)
        assert first.status_code == 200, path
        assert first["Cache-Control"] == "public, max-age=15, stale-while-revalidate=30"
        etag = first["ETag"]
        assert etag.startswith('"' + first["X-Snapshot-Version"])
        tags.add(etag)
        again = client.get(path, params, headers={"if-none-match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == etag
        weak = client.get(path, params, headers={"if-none-match": f'"other", W/{etag}'})
        assert weak.status_code == 304
        stale = client.get(path, params, headers={"if-none-match": '"not-this-one"'})
        assert stale.status_code == 200 and stale.content == first.content
    assert len(tags) == len(paths)  # each answer has its own tag
    assert client.get("/outages/live/feed.geojson")["Content-Type"] == "application/geo+json"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"substation": "1", "address": "2"},
        {"substation": "abc"},
        {"address": "-1"},
        {"address": "0"},
        {"address": "1e3"},
        {"address": "١٢"},
        {"address": "99999999999999999999999"},
        {"address": ""},
    ],
)
def test_bad_input_is_a_json_400_in_russian(client, network, params):
    response = client.get(STATUS, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert any("а" <= ch <= "я" for ch in error["message"].lower())  # Russian by default


def test_bad_input_message_follows_the_chosen_language(client, network):
    client.cookies["django_language"] = "en"
    error = client.get(STATUS, {"address": "abc"}).json()["error"]
    assert error["message"] == "Enter a whole positive number."
    assert error["fields"] == {"address": ["Enter a whole positive number."]}


def test_unknown_ids_are_json_404(client, network):
    assert client.get(STATUS, {"substation": 10**12}).status_code == 404
    missing = client.get(STATUS, {"address": 10**12})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get("/outages/live/summary.json", {"branch": "nowhere"}).status_code == 404


def test_only_get_and_head_are_allowed(client, network):
    assert client.post(STATUS, {"substation": 1}).status_code == 405
    assert client.head(STATUS, {"substation": network.substations[0].pk}).status_code == 200


def test_the_baseline_ping_answers_ok(client, db):
    response = client.get("/outages/live/ping")
    assert response.status_code == 200 and response.content == b"ok"


def _database_down(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 port 5432 failed: Connection refused")


def test_the_pages_keep_answering_while_the_database_is_down(client, network, outage):
    known = network.addresses[0]
    # An address far away in the register (another bucket of the mapping), never looked up.
    far = network.addresses[-1]
    ServiceAddress.objects.filter(pk=far.pk).update(id=far.pk + 10 * selectors.BUCKET)
    client.get(STATUS, {"address": known.pk})  # warm: snapshot and this address's mapping
    services._local.clear()  # a fresh process: it must find both in the cache
    selectors.address_local_clear()
    with connection.execute_wrapper(_database_down):
        with pytest.raises(OperationalError):
            connection.cursor().execute("SELECT 1")  # the database really is unreachable
        answer = client.get(STATUS, {"address": known.pk})
        assert answer.status_code == 200 and answer.json()["state"] == "outage"
        assert client.get(STATUS, {"substation": network.substations[5].pk}).status_code == 200
        for path in ("summary.json", "feed.json", "feed.geojson"):
            assert client.get(f"/outages/live/{path}").status_code == 200
        cold = client.get(STATUS, {"address": far.pk + 10 * selectors.BUCKET})
        assert cold.status_code == 503
        assert cold["Retry-After"] == "5"
        assert cold.json()["error"]["code"] == "unavailable"


def test_with_no_snapshot_anywhere_and_no_database_it_says_retry(client, network):
    with connection.execute_wrapper(_database_down):
        response = client.get(STATUS, {"substation": network.substations[0].pk})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "unavailable"


@pytest.mark.django_db(transaction=True)
def test_a_terminated_postgresql_connection_does_not_stop_the_look_up(client, branch):
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend needs PostgreSQL")
    from gridportal.outages.tests.conftest import build_network

    network = build_network(branch)
    warm = client.get(STATUS, {"address": network.addresses[0].pk})
    assert warm.status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    import psycopg

    with psycopg.connect(
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"],
        dbname=connection.settings_dict["NAME"],
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    # This process's connection is now dead; the answers do not need it.
    again = client.get(STATUS, {"address": network.addresses[0].pk})
    assert again.status_code == 200 and again.json()["state"] == "none"
    assert client.get(STATUS, {"substation": network.substations[3].pk}).status_code == 200
    # A cold address needs the database: reconnected, or a 503 to retry — never a 500.
    cold = client.get(STATUS, {"address": network.addresses[-1].pk})
    assert cold.status_code in (200, 503)
    connection.close()
