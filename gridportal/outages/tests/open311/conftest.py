import datetime as dt
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from gridportal.outages import services as outage_services
from gridportal.outages.models import Incident
from gridportal.outages.tests.conftest import build_network
from gridportal.outages.tests.factories import report

BASE = "/open311/v2/"


@pytest.fixture
def network(branch):
    """One power centre, 2 feeders × 4 substations × 2 houses on «ул. Ленина», Петрозаводск."""
    return build_network(branch)


@pytest.fixture
def outage(network, officer):
    """A confirmed outage on the first substation, back in two hours (by the estimate)."""
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = outage_services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    return outage_services.incident_update(
        incident=incident,
        actor=officer,
        cause="weather",
        etr=timezone.now() + dt.timedelta(hours=2),
    )


@pytest.fixture
def post(client):
    """POST requests.json form-encoded, as GeoReport clients do."""

    def do_post(data, fmt="json", **headers):
        return client.post(
            f"{BASE}requests.{fmt}",
            urlencode(data),
            content_type="application/x-www-form-urlencoded",
            headers=headers,
        )

    return do_post
