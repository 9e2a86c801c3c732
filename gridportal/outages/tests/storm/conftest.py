import datetime as dt

import pytest
from django.utils import timezone

from gridportal.outages import services as outages
from gridportal.outages.models import Incident
from gridportal.outages.storm import selectors, services
from gridportal.outages.tests.conftest import build_network
from gridportal.outages.tests.factories import report


@pytest.fixture(autouse=True)
def _fresh_state():
    """No snapshot, no address mapping left over from another test in the process (the root
    conftest empties the cache)."""
    services._local.clear()
    selectors.address_local_clear()
    yield
    services._local.clear()
    selectors.address_local_clear()


@pytest.fixture
def network(branch):
    return build_network(branch)


@pytest.fixture
def other_network(other_branch):
    return build_network(other_branch, code="pskov", city="Псков")


def predict(network, substation):
    """Two customers of one substation report: the roll-up predicts an outage there."""
    for address in network.addresses_of(substation):
        report(address)
    return Incident.objects.get(substation=substation, status="predicted")


@pytest.fixture
def outage(network, officer):
    """A confirmed outage at the first substation, cause and estimate set."""
    incident = outages.incident_confirm(
        incident=predict(network, network.substations[0]), actor=officer
    )
    return outages.incident_update(
        incident=incident,
        actor=officer,
        cause="weather",
        etr=timezone.now() + dt.timedelta(hours=2),
    )


@pytest.fixture
def planned(network):
    """Planned work tomorrow on the last substation."""
    start = timezone.now() + dt.timedelta(days=1)
    return outages.planned_outage_create(
        branch=network.branch,
        district=network.district,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        reason="Замена опор",
        substations=[network.substations[-1]],
    )
