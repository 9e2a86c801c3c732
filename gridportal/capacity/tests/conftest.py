"""Capacity fixtures: two power centres of the persona branch and one of the other branch."""

from datetime import date
from decimal import Decimal

import pytest

from gridportal.capacity import services
from gridportal.capacity.models import CommittedCapacity, LoadMeasurement
from gridportal.testing.factories import (
    DistrictFactory,
    PowerCentreFactory,
    PowerTransformerFactory,
)

WINTER = date(2025, 12, 17)


def centre(*, district, number, name, rated, loads=None, day=WINTER, lat=61.8, lon=34.4):
    pc = PowerCentreFactory(
        district=district, dispatch_number=number, name=name, latitude=lat, longitude=lon
    )
    for i, mva in enumerate(rated, start=1):
        t = PowerTransformerFactory(power_centre=pc, name=f"Т-{i}", rated_mva=Decimal(mva))
        if loads is not None:
            LoadMeasurement.objects.create(
                transformer=t,
                power_centre=pc,
                measured_on=day,
                season="winter",
                load_mva=Decimal(loads[i - 1]),
            )
    return pc


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Uploaded files are kept in a private storage of the test's own."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


@pytest.fixture
def district(branch):
    return DistrictFactory(branch=branch, code="prionezhsky", name="Прионежский РЭС")


@pytest.fixture
def other_district(other_branch):
    return DistrictFactory(branch=other_branch, code="pskovsky", name="Псковский РЭС")


@pytest.fixture
def capacity_rule(db):
    """The shipped factors (transactional tests flush what the data migration wrote)."""
    from gridportal.capacity.rules import SPECS
    from gridportal.testing.factories import rule_set

    return [
        rule_set("capacity", s.key, s.default, valid_from=s.valid_from, source=s.source)
        for s in SPECS
    ]


@pytest.fixture
def network(district, other_district, capacity_rule):
    """Северная (open, 2×25), Озёрная (overloaded, 2×10), Лесная (single 10), Псковская (other branch)."""
    north = centre(
        district=district,
        number="ПС-1",
        name="ПС 110 кВ «Северная»",
        rated=["25", "25"],
        loads=["12", "10"],
        lat=61.80,
        lon=34.40,
    )
    lake = centre(
        district=district,
        number="ПС-2",
        name="ПС 110 кВ «Озёрная»",
        rated=["10", "10"],
        loads=["8", "7"],
        lat=61.90,
        lon=34.10,
    )
    forest = centre(
        district=district,
        number="ПС-3",
        name="ПС 35 кВ «Лесная»",
        rated=["10"],
        loads=["3"],
        lat=61.70,
        lon=34.60,
    )
    pskov = centre(
        district=other_district,
        number="ПС-1",
        name="ПС 110 кВ «Псковская»",
        rated=["40", "40"],
        loads=["10", "10"],
        lat=57.82,
        lon=28.33,
    )
    # Three applications for one plot: counted once, at 800 kW.
    for number, kw in (("ТП-1/2025", "500"), ("ТП-2/2025", "800"), ("ТП-3/2025", "300")):
        CommittedCapacity.objects.create(
            power_centre=north,
            site="10:20:0010101:55",
            kind="contract",
            document_number=number,
            document_date=date(2025, 3, 1),
            kw=Decimal(kw),
        )
    services.capacity_recalculate()
    return {"north": north, "lake": lake, "forest": forest, "pskov": pskov}
