import pytest

from gridportal.testing.factories import (
    DistrictFactory,
    FeederFactory,
    PowerCentreFactory,
    SettlementFactory,
    SubstationFactory,
    address_create,
    street_create,
)


def _staff(username, role, branches, **extra):
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username=username,
        password="correct-horse-battery",
        roles=[role],
        branches=branches,
        **extra,
    )


@pytest.fixture
def clerk(branch):
    """An appeals officer of the first branch."""
    from gridportal.accounts.choices import StaffRole

    return _staff("clerk", StaffRole.APPEALS_OFFICER, [branch], first_name="Анна")


@pytest.fixture
def other_clerk(other_branch):
    """An appeals officer of another branch."""
    from gridportal.accounts.choices import StaffRole

    return _staff("other-clerk", StaffRole.APPEALS_OFFICER, [other_branch])


def make_addresses(branch, *, code, city, houses=4):
    district = DistrictFactory(branch=branch, code=f"{code}-res", name=f"{city} РЭС")
    centre = PowerCentreFactory(district=district, branch=branch)
    feeder = FeederFactory(power_centre=centre, branch=branch, district=district)
    substation = SubstationFactory(feeder=feeder, branch=branch, district=district)
    settlement = SettlementFactory(district=district, branch=branch, name=city)
    street = street_create(settlement=settlement, name="Ленина")
    return [
        address_create(street=street, house=str(h), substation=substation)
        for h in range(1, houses + 1)
    ]


@pytest.fixture
def addresses(branch):
    return make_addresses(branch, code="ptz", city="Петрозаводск")


@pytest.fixture
def other_addresses(other_branch):
    return make_addresses(other_branch, code="psk", city="Псков")


@pytest.fixture
def address(addresses):
    return addresses[0]
