"""Connection fixtures: a house fed from ТП-110 of ПС «Северная» (Karelia), rates, staff."""

from datetime import date
from decimal import Decimal as D

import pytest

from gridportal.capacity import services as capacity_services
from gridportal.capacity.models import LoadMeasurement, SubstationLoad
from gridportal.connection.models import ConnectionRate
from gridportal.testing.factories import (
    DistrictFactory,
    PowerCentreFactory,
    PowerTransformerFactory,
    SettlementFactory,
    SubstationFactory,
    address_create,
    street_create,
)

WINTER = date(2025, 12, 17)


def _staff(username, role, branches):
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username=username, password="correct-horse-battery", roles=[role], branches=branches
    )


@pytest.fixture
def connection_officer(branch):
    from gridportal.accounts.choices import StaffRole

    return _staff("tp-officer", StaffRole.CONNECTION_OFFICER, [branch])


@pytest.fixture
def other_connection_officer(other_branch):
    from gridportal.accounts.choices import StaffRole

    return _staff("tp-other", StaffRole.CONNECTION_OFFICER, [other_branch])


@pytest.fixture
def rates(branch, other_branch):
    common = {
        "social_per_kw": D("1064"),
        "c1_per_application": D("30000"),
        "c8_per_point": D("25000"),
        "construction_per_kw": D("3000"),
        "source": "Пример (не проверено)",
    }
    ConnectionRate.objects.create(branch=branch, year=2026, preferential_per_kw=D("5000"), **common)
    ConnectionRate.objects.create(
        branch=other_branch, year=2026, preferential_per_kw=D("4300"), **common
    )


@pytest.fixture
def home(branch, rates):
    """ул. Ленина, 1 in Petrozavodsk: ТП-110 250 kVA (225 kVA in winter) on «Северная» 2×25 MVA."""
    district = DistrictFactory(branch=branch, code="prionezhsky", name="Прионежский РЭС")
    north = PowerCentreFactory(
        district=district, dispatch_number="ПС-1", name="ПС 110 кВ «Северная»"
    )
    for name, load in (("Т-1", "12"), ("Т-2", "10")):
        t = PowerTransformerFactory(power_centre=north, name=name, rated_mva=D("25"))
        LoadMeasurement.objects.create(
            transformer=t, power_centre=north, measured_on=WINTER, season="winter", load_mva=load
        )
    capacity_services.capacity_recalculate()
    tp = SubstationFactory(feeder__power_centre=north, name="ТП-110", rated_kva=250)
    SubstationLoad.objects.create(substation=tp, measured_on=WINTER, load_kva=D("225"))
    settlement = SettlementFactory(district=district, name="Петрозаводск")
    street = street_create(settlement=settlement, name="Ленина")
    return address_create(street=street, substation=tp, house="1")


@pytest.fixture
def far_home(other_branch, rates):
    """An address of the other branch (Pskov)."""
    district = DistrictFactory(branch=other_branch, code="pskovsky", name="Псковский РЭС")
    settlement = SettlementFactory(district=district, name="Псков", latitude=57.8, longitude=28.3)
    tp = SubstationFactory(
        feeder__power_centre__district=district, latitude=57.8, longitude=28.3, name="ТП-7"
    )
    return address_create(street=street_create(settlement=settlement), substation=tp, house="3")


@pytest.fixture
def private_files(settings, tmp_path):
    """Uploads and generated documents go to a temporary folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }


@pytest.fixture
def paid(customer, home, connection_officer, private_files):
    """Anna's 15 kW house at ул. Ленина, 1: offered and paid, the works ahead."""
    from .steps import paid_application

    return paid_application(customer, home, connection_officer)
