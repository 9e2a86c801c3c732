"""The read replica: public look-ups read from it; writes, staff pages, sessions and reads
inside a transaction use the primary; a replica that is down sends every read to the
primary (gridportal/core/db_router.py).

The `replica` alias points at the test database itself (as TEST MIRROR does when
DATABASE_REPLICA_URL is set), so both doors see the same rows; the tests are transactional
because a mirror does not see the rows of an open test transaction.
"""

import pytest
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gridportal.core import db_router
from gridportal.core.models import Branch
from gridportal.outages.models import OutageReport
from gridportal.outages.tests.conftest import build_network

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])

REPLICA = db_router.REPLICA


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup, django_db_blocker):
    """`replica` as a mirror of the test database (what DATABASE_REPLICA_URL gives)."""
    added = REPLICA not in connections.settings
    if added:
        settings_dict = dict(connections["default"].settings_dict)
        settings_dict["TEST"] = {**settings_dict.get("TEST", {}), "MIRROR": "default"}
        connections.settings[REPLICA] = settings_dict
    yield
    with django_db_blocker.unblock():
        connections[REPLICA].close()
    if added:
        del connections.settings[REPLICA]
        del connections[REPLICA]


@pytest.fixture(autouse=True)
def _fresh_replica_state():
    db_router.replica_reset()
    yield
    db_router.replica_reset()


@pytest.fixture
def replica():
    return connections[REPLICA]


def _unreachable(settings_dict):
    broken = dict(settings_dict)
    if connections["default"].vendor == "sqlite":
        broken["NAME"] = "/nonexistent-directory/replica.sqlite3"
    else:
        broken.update(HOST="127.0.0.1", PORT=1, OPTIONS={"connect_timeout": 1})
    return broken


@pytest.fixture
def stopped_replica(replica):
    """The replica configured but not answering (stopped, or its host gone)."""
    kept = dict(replica.settings_dict)
    replica.settings_dict.update(_unreachable(kept))
    replica.close()  # (SQLite keeps an in-memory database open: close after the change)
    yield replica
    replica.close()
    replica.settings_dict.clear()
    replica.settings_dict.update(kept)


@pytest.fixture
def network(branch):
    return build_network(branch)


def tables(queries) -> set[str]:
    return {
        word.strip('"').split(".")[-1].strip('"')
        for q in queries
        for word in q["sql"].replace(",", " ").split()
        if word.strip('"').startswith(("outages_", "grid_", "core_", "accounts_", "django_"))
    }


def test_an_address_look_up_reads_from_the_replica(client, network, replica):
    address = network.addresses[0]
    with CaptureQueriesContext(replica) as on_replica:
        response = client.get(reverse("outages:status"), {"address": address.pk})
    assert response.status_code == 200
    assert address.label in response.content.decode()
    assert {"grid_serviceaddress", "outages_incident"} & tables(on_replica.captured_queries)


def test_the_api_look_up_and_open_data_read_from_the_replica(client, network, replica):
    with CaptureQueriesContext(replica) as on_replica:
        status = client.get("/api/v1/outages/status/", {"address": network.addresses[0].pk})
        centres = client.get("/api/v1/power-centres/")
    assert status.status_code == 200 and status.json()["state"] == "none"
    assert centres.status_code == 200
    assert len(on_replica.captured_queries) >= 2


def test_a_report_is_written_and_read_back_on_the_primary(client, network, replica):
    with CaptureQueriesContext(replica) as on_replica:
        response = client.post(
            reverse("outages:report"),
            {
                "address": network.addresses[0].pk,
                "problem": "no_power",
                "phone": "+79001110001",
                "consent": "on",
            },
        )
    assert response.status_code == 200
    assert OutageReport.objects.count() == 1
    assert on_replica.captured_queries == []


def test_staff_pages_read_from_the_primary(client, network, officer, replica):
    client.force_login(officer)
    with CaptureQueriesContext(replica) as on_replica:
        response = client.get(reverse("staff:outages:board"))
    assert response.status_code == 200
    assert on_replica.captured_queries == []


def test_a_signed_in_person_on_a_public_page_is_recognised_from_the_primary(
    client, network, officer, replica
):
    client.force_login(officer)
    primary = connections["default"]
    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(primary) as main:
        response = client.get(reverse("outages:status"), {"address": network.addresses[0].pk})
    assert response.status_code == 200
    assert on_replica.captured_queries  # the look-up itself
    seen_on_replica = tables(on_replica.captured_queries)
    assert not {t for t in seen_on_replica if t.startswith(("accounts_", "django_session"))}
    assert "django_session" in tables(main.captured_queries)


def test_reads_inside_a_transaction_use_the_primary(replica):
    with db_router.replica_reads():
        assert router.db_for_read(Branch) == "replica"
        with transaction.atomic():
            assert router.db_for_read(Branch) == "default"
    assert router.db_for_read(Branch) == "default"


def test_the_replica_is_never_migrated_and_never_written(replica):
    assert router.allow_migrate("replica", "outages") is False
    assert router.allow_migrate("default", "outages") is not False
    with db_router.replica_reads():
        assert router.db_for_write(Branch) == "default"


def test_without_a_replica_everything_uses_the_primary(client, network, replica):
    replica.close()
    kept = connections.settings.pop(REPLICA)
    try:
        with db_router.replica_reads():
            assert router.db_for_read(Branch) == "default"
        response = client.get(reverse("outages:status"), {"address": network.addresses[0].pk})
        assert response.status_code == 200
    finally:
        connections.settings[REPLICA] = kept


def test_a_stopped_replica_sends_the_look_up_to_the_primary(client, network, stopped_replica):
    address = network.addresses[0]
    response = client.get(reverse("outages:status"), {"address": address.pk})
    assert response.status_code == 200
    assert address.label in response.content.decode()
    # Left alone for a while: the next look-up does not wait for it again.
    assert not db_router.replica_usable()


class ReplicaVanishes:
    """The replica server goes away after the page decided to read from it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        replica = connections[db_router.REPLICA]
        replica.settings_dict.update(_unreachable(replica.settings_dict))
        replica.close()


def test_a_replica_lost_half_way_is_retried_on_the_primary(client, network, replica, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.ReplicaVanishes"]
    kept = dict(replica.settings_dict)
    address = network.addresses[0]
    try:
        response = client.get(reverse("grid:address", args=[address.pk]))
        assert response.status_code == 200
        assert address.label in response.content.decode()
        assert not db_router.replica_usable()
    finally:
        replica.close()
        replica.settings_dict.clear()
        replica.settings_dict.update(kept)
