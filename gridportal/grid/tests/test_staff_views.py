import pytest

from gridportal.testing.factories import SubstationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_substation(branch):
    return SubstationFactory(feeder__power_centre__district__branch=branch, name="ТП-1")


@pytest.fixture
def foreign_substation(other_branch):
    return SubstationFactory(feeder__power_centre__district__branch=other_branch, name="ТП-2")


def test_the_console_requires_signing_in(client):
    response = client.get("/staff/grid/power-centres/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_customers_may_not_enter_the_console(client, customer):
    client.force_login(customer)
    assert client.get("/staff/grid/power-centres/").status_code == 403


def test_an_officer_sees_only_the_power_centres_of_their_branch(
    client, officer, own_substation, foreign_substation
):
    client.force_login(officer)
    page = client.get("/staff/grid/power-centres/").content.decode()
    assert own_substation.feeder.power_centre.dispatch_number in page
    assert foreign_substation.feeder.power_centre.dispatch_number not in page


def test_an_officer_of_another_branch_gets_404_on_an_element(client, other_officer, own_substation):
    client.force_login(other_officer)
    pc = own_substation.feeder.power_centre
    assert client.get(f"/staff/grid/power-centres/{pc.pk}/").status_code == 404
    assert client.get(f"/staff/grid/feeders/{own_substation.feeder_id}/").status_code == 404
    assert client.get(f"/staff/grid/substations/{own_substation.pk}/").status_code == 404


def test_element_pages_link_down_the_network(client, officer, own_substation):
    client.force_login(officer)
    pc = own_substation.feeder.power_centre
    assert (
        own_substation.feeder.name
        in client.get(f"/staff/grid/power-centres/{pc.pk}/").content.decode()
    )
    feeder_page = client.get(f"/staff/grid/feeders/{own_substation.feeder_id}/").content.decode()
    assert "ТП-1" in feeder_page
    assert client.get(f"/staff/grid/substations/{own_substation.pk}/").status_code == 200


def test_the_map_data_holds_only_the_officers_branch(
    client, officer, own_substation, foreign_substation
):
    client.force_login(officer)
    features = client.get("/staff/grid/map.geojson").json()["features"]
    names = {f["properties"]["name"] for f in features}
    assert "ТП-1" in names and "ТП-2" not in names


def test_administrators_see_every_branch(client, administrator, own_substation, foreign_substation):
    client.force_login(administrator)
    features = client.get("/staff/grid/map.geojson").json()["features"]
    assert {"ТП-1", "ТП-2"} <= {f["properties"]["name"] for f in features}


def test_the_console_home_counts_the_network_of_the_officers_branches_only(
    client, officer, own_substation, foreign_substation
):
    client.force_login(officer)
    response = client.get("/staff/")
    # The network is counted first (grid comes before the capabilities in INSTALLED_APPS).
    power_centres, substations, addresses = response.context["figures"][:3]
    assert (power_centres["value"], substations["value"], addresses["value"]) == (1, 1, 0)
