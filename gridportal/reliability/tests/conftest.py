import datetime as dt
from dataclasses import dataclass, field

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


@dataclass
class Network:
    """One power centre, two feeders of three substations; each substation feeds two houses."""

    branch: object
    district: object
    centre: object
    feeders: list = field(default_factory=list)
    substations: list = field(default_factory=list)
    addresses: list = field(default_factory=list)

    def addresses_of(self, substation):
        return [a for a in self.addresses if a.substation_id == substation.pk]

    @property
    def customers(self) -> int:
        return sum(a.customer_count for a in self.addresses)


def build_network(branch, *, code="rel", city="Петрозаводск", customers=(10, 20, 30)):
    district = DistrictFactory(branch=branch, code=f"{code}-res", name=f"Прионежский РЭС {code}")
    centre = PowerCentreFactory(district=district, branch=branch)
    settlement = SettlementFactory(district=district, branch=branch, name=city)
    street = street_create(settlement=settlement, name="Ленина")
    net = Network(branch=branch, district=district, centre=centre)
    house = 1
    for _f in range(2):
        feeder = FeederFactory(power_centre=centre, branch=branch, district=district)
        net.feeders.append(feeder)
        for per_house in customers:
            substation = SubstationFactory(feeder=feeder, branch=branch, district=district)
            net.substations.append(substation)
            for _h in range(2):
                net.addresses.append(
                    address_create(
                        street=street,
                        house=str(house),
                        substation=substation,
                        customer_count=per_house,
                    )
                )
                house += 1
    return net


@pytest.fixture
def network(branch):
    return build_network(branch)


@pytest.fixture
def other_network(other_branch):
    return build_network(other_branch, code="pskov", city="Псков")


MSK = dt.timezone(dt.timedelta(hours=3))
