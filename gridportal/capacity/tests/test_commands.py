"""Management commands: demo data and the measurement import."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from gridportal.capacity.demo import control_days
from gridportal.capacity.models import (
    CapacityAssessment,
    CapacitySnapshot,
    CommittedCapacity,
    LoadMeasurement,
    SubstationLoad,
)
from gridportal.testing.factories import SubstationFactory

pytestmark = pytest.mark.django_db


def test_control_days_are_the_last_two_winters_and_summers():
    assert control_days(date(2026, 11, 26)) == [
        date(2024, 12, 18),
        date(2025, 6, 18),
        date(2025, 12, 17),
        date(2026, 6, 17),
    ]


def test_the_demo_seed_is_deterministic_and_has_what_the_demo_needs(network):
    SubstationFactory(feeder__power_centre=network["north"])
    call_command("seed_capacity_demo", seed=3)
    first = list(
        CapacityAssessment.objects.filter(snapshot__isnull=True)
        .order_by("power_centre_id")
        .values_list("power_centre_id", "reserve_mva", "status")
    )
    call_command("seed_capacity_demo", seed=3)
    again = list(
        CapacityAssessment.objects.filter(snapshot__isnull=True)
        .order_by("power_centre_id")
        .values_list("power_centre_id", "reserve_mva", "status")
    )
    assert first == again
    assert LoadMeasurement.objects.values("measured_on").distinct().count() == 4
    assert CapacitySnapshot.objects.filter(status="published").count() == 2
    assert SubstationLoad.objects.count() == 1
    sites = CommittedCapacity.objects.values_list("site", flat=True)
    assert len(sites) > len(set(sites))  # one site applied for several times


def test_the_import_command_loads_a_file(tmp_path, network):
    path = tmp_path / "june.csv"
    path.write_text(
        "ЦП;Трансформатор;Нагрузка, МВА;Дата замера;Филиал\nПС-2;Т-1;4;17.06.2026;karelia\n"
        "ПС-2;Т-2;3;17.06.2026;karelia\n",
        encoding="utf-8",
    )
    call_command("import_measurements", str(path))
    lake = CapacityAssessment.objects.get(power_centre=network["lake"], snapshot__isnull=True)
    # The summer day is stored, but the reserve keeps the larger winter load (15 MVA).
    assert LoadMeasurement.objects.filter(power_centre=network["lake"]).count() == 4
    assert lake.load_mva == Decimal("15.000")
    assert lake.measured_on == date(2025, 12, 17)
    assert lake.details["control_days"] == [["2025-12-17", "15.000"], ["2026-06-17", "7.000"]]


def test_the_import_command_fails_loudly_on_a_bad_file(tmp_path, network, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("ЦП;Трансформатор;Нагрузка;Дата\nПС-404;Т-1;4;17.06.2026\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_measurements", str(path))
    assert "ПС-404" in capsys.readouterr().err


def test_the_commitment_import_command_loads_a_file(tmp_path, network):
    path = tmp_path / "tu.csv"
    path.write_text(
        "site,power_centre,kw,document_number,document_date,branch\n"
        "10:20:1:1,ПС-3,15,ТУ-1,01.02.2026,karelia\n",
        encoding="utf-8",
    )
    call_command("import_commitments", str(path))
    assert CommittedCapacity.objects.filter(power_centre=network["forest"]).count() == 1


def test_the_demo_seed_can_leave_loaded_data_alone(network):
    before = LoadMeasurement.objects.count()
    call_command("seed_capacity_demo", if_empty=True)
    assert LoadMeasurement.objects.count() == before
