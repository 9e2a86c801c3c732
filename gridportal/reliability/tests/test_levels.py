"""Points of supply per voltage level: a consumer's own ТП counts at its feeder's voltage (СН2)."""

import datetime as dt

import pytest
from django.core.management import call_command

from gridportal.grid.choices import SubstationOwner
from gridportal.reliability.choices import AreaKind, VoltageLevel
from gridportal.reliability.levels import level_of_voltage, substation_levels
from gridportal.reliability.models import InterruptionRecord
from gridportal.reliability.selectors.indices import Area, area_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kv", "level"), [(0.4, "NN"), (6, "SN2"), (10, "SN2"), (20, "SN2"), (35, "SN1"), (110, "VN")]
)
def test_level_of_a_supply_voltage(kv, level):
    assert level_of_voltage(kv) == level


def test_a_consumers_own_substation_is_a_medium_voltage_point_of_supply(network, tmp_path):
    works, flats = network.substations[0], network.substations[1]  # 20 and 40 customers
    works.owner = SubstationOwner.CONSUMER
    works.save()
    assert substation_levels() == {works.pk: VoltageLevel.SN2}  # a 10 kV feeder

    path = tmp_path / "history.csv"
    path.write_text(
        "event,branch,substation,started_at,restored_at\n"
        f"E1,karelia,{works.name},2025-03-01T10:00:00+03:00,2025-03-01T13:00:00+03:00\n"
        f"E1,karelia,{flats.name},2025-03-01T10:00:00+03:00,2025-03-01T12:00:00+03:00\n",
        encoding="utf-8",
    )
    call_command("import_interruptions", str(path))
    levels = dict(InterruptionRecord.objects.values_list("substation_id", "level"))
    assert levels == {works.pk: "SN2", flats.pk: "NN"}

    day = dt.date(2025, 3, 1)
    ix = area_report(Area(AreaKind.BRANCH, network.branch), day, day).indices
    others = network.customers - 20
    assert ix.p_saidi["SN2"] == pytest.approx(3 * 20 / 20)  # 3 hours for its 20 points
    assert ix.p_saifi["SN2"] == pytest.approx(1.0)
    assert ix.p_saidi["NN"] == pytest.approx(2 * 40 / others)
    assert ix.p_saidi["total"] == pytest.approx((60 + 80) / network.customers)
