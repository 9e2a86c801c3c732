"""Imports, recalculation and publication against the database."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import Workbook

from gridportal.capacity import services
from gridportal.capacity.choices import CapacityStatus, Constraint
from gridportal.capacity.importers import ImportRejected
from gridportal.capacity.models import (
    CapacityAssessment,
    CapacitySnapshot,
    CommittedCapacity,
    LoadMeasurement,
)
from gridportal.core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def current(pc):
    return CapacityAssessment.objects.get(power_centre=pc, snapshot__isnull=True)


def test_recalculation_follows_the_hand_worked_example(network):
    north = current(network["north"])
    # 1.4 × 25 = 35; load 22; 800 kW (not 1600) × 0.9 / 1000 / 0.9 = 0.8
    assert north.permissible_mva == Decimal("35.000")
    assert north.load_mva == Decimal("22.000")
    assert north.committed_kw == Decimal("800.000")
    assert north.committed_mva == Decimal("0.800")
    assert north.reserve_mva == Decimal("12.200")
    assert north.status == CapacityStatus.OPEN
    assert current(network["lake"]).constraint == Constraint.OVERLOADED
    assert current(network["forest"]).constraint == Constraint.NO_RESERVE_TRANSFORMER


CSV_OK = (
    "Диспетчерский номер;Трансформатор;Нагрузка, МВА;Дата замера;Филиал\n"
    "ПС-1;Т-1;14,5;18.06.2026;karelia\n"
    "ПС-1;T-2;11;18.06.2026;karelia\n"  # Latin T as people type it
).encode()


def test_a_good_measurement_file_is_imported_and_the_centre_recalculated(network):
    result = services.measurements_import(name="june.csv", content=CSV_OK)
    assert result["created"] == 2
    north = current(network["north"])
    assert north.measured_on == date(2026, 6, 18)
    assert north.load_mva == Decimal("25.500")
    # history is kept per measurement day
    assert LoadMeasurement.objects.filter(power_centre=network["north"]).count() == 4


def test_reimporting_a_day_corrects_it_instead_of_doubling(network):
    services.measurements_import(name="june.csv", content=CSV_OK)
    fixed = CSV_OK.replace(b"14,5", b"13,5")
    result = services.measurements_import(name="june-fixed.csv", content=fixed)
    assert result == {**result, "created": 0, "updated": 2}
    assert current(network["north"]).load_mva == Decimal("24.500")


def test_it_rejects_a_file_with_a_bad_row_whole_with_row_numbers(network):
    bad = (
        "dispatch_number,transformer,load_mva,measured_on,branch\n"
        "ПС-1,Т-1,14.5,2026-06-18,karelia\n"
        "ПС-99,Т-1,3,2026-06-18,karelia\n"
        "ПС-1,Т-7,3,2026-06-18,karelia\n"
        "ПС-2,Т-1,abc,2026-06-18,karelia\n"
        "ПС-2,Т-2,2,31.02.2026,karelia\n"
        "ПС-2,Т-1,5000,2026-06-18,karelia\n"
    ).encode()
    with translation.override("en"), pytest.raises(ImportRejected) as caught:
        services.measurements_import(name="bad.csv", content=bad)
    errors = caught.value.errors
    assert errors[0] == "Row 3: unknown power centre «ПС-99»."
    assert "Row 4: power centre «ПС-1» has no transformer «Т-7»." in errors
    assert any(e.startswith("Row 5: the load «abc»") for e in errors)
    assert any(e.startswith("Row 6: «31.02.2026» is not a date") for e in errors)
    assert any(e.startswith("Row 7:") and "check the units" in e for e in errors)
    assert not LoadMeasurement.objects.filter(measured_on=date(2026, 6, 18)).exists()


def test_errors_are_in_russian_by_default(network):
    bad = "ЦП;Трансформатор;Нагрузка;Дата\nПС-77;Т-1;1;18.06.2026\n".encode()
    with translation.override("ru"), pytest.raises(ImportRejected) as caught:
        services.measurements_import(name="bad.csv", content=bad)
    assert caught.value.errors == ["Строка 2: неизвестный центр питания «ПС-77»."]


def test_it_asks_for_a_branch_when_a_dispatch_number_repeats(network):
    content = "ЦП;Трансформатор;Нагрузка;Дата\nПС-1;Т-1;1;18.06.2026\n".encode()
    with translation.override("en"), pytest.raises(ImportRejected) as caught:
        services.measurements_import(name="x.csv", content=content)
    assert "add a branch column" in caught.value.errors[0]


def test_a_staff_member_imports_only_for_their_branches(network, other_officer):
    with translation.override("en"), pytest.raises(ImportRejected) as caught:
        services.measurements_import(name="june.csv", content=CSV_OK, user=other_officer)
    assert caught.value.errors[0] == "Row 2: unknown power centre «ПС-1»."


def test_an_xlsx_export_is_imported(network):
    wb = Workbook()
    ws = wb.active
    ws.append(["ЦП", "Трансформатор", "Нагрузка, МВА", "Дата замера", "Филиал"])
    ws.append(["ПС-2", "Т-1", 4.25, date(2026, 6, 18), "karelia"])
    ws.append(["ПС-2", "Т-2", 3, "18.06.2026", "karelia"])
    import io

    out = io.BytesIO()
    wb.save(out)
    services.measurements_import(name="june.xlsx", content=out.getvalue())
    lake = current(network["lake"])
    assert ["2026-06-18", "7.250"] in lake.details["control_days"]
    # The winter day's 15 MVA is larger and stays the basis: still overloaded (14 − 15).
    assert lake.load_mva == Decimal("15.000")
    assert lake.status == CapacityStatus.CLOSED


def test_it_rejects_a_file_that_is_not_a_table(network):
    with translation.override("en"), pytest.raises(ImportRejected) as caught:
        services.measurements_import(name="x.xlsx", content=b"not a zip")
    assert caught.value.errors == ["The file is not a readable XLSX workbook."]


def test_committed_capacity_import_counts_each_site_once(network):
    content = (
        "site,power_centre,kw,document_number,document_date,kind,branch\n"
        "10:20:0030303:1,ПС-2,150,ТУ-5/2026,01.04.2026,ТУ,karelia\n"
        "10:20:0030303:1,ПС-2,250,ТУ-6/2026,02.04.2026,ТУ,karelia\n"
    ).encode()
    services.commitments_import(name="tu.csv", content=content)
    lake = current(network["lake"])
    assert lake.committed_kw == Decimal("250.000")
    assert lake.details["application_count"] == 2


def test_committed_capacity_import_rejects_bad_rows(network):
    content = (
        "site,power_centre,kw,document_number,document_date,branch\n,ПС-2,-5,,yesterday,karelia\n"
    ).encode()
    with translation.override("en"), pytest.raises(ImportRejected) as caught:
        services.commitments_import(name="tu.csv", content=content)
    assert len(caught.value.errors) == 4
    assert all(e.startswith("Row 2:") for e in caught.value.errors)
    assert CommittedCapacity.objects.count() == 3


def test_publishing_freezes_a_quarter_that_later_imports_do_not_change(network, administrator):
    snapshot = services.capacity_snapshot_publish(as_of=date(2026, 10, 1), actor=administrator)
    frozen = snapshot.assessments.get(power_centre=network["north"]).reserve_mva
    services.measurements_import(name="june.csv", content=CSV_OK)
    assert snapshot.assessments.get(power_centre=network["north"]).reserve_mva == frozen
    assert current(network["north"]).reserve_mva != frozen


def test_a_published_quarter_cannot_be_published_again(network):
    services.capacity_snapshot_publish(as_of=date(2026, 10, 1))
    with pytest.raises(ApplicationError):
        services.capacity_snapshot_publish(as_of=date(2026, 10, 1))
    assert CapacitySnapshot.objects.count() == 1


def test_the_overload_factor_is_data_an_administrator_can_change(network):
    from gridportal.core.models import Rule
    from gridportal.testing.factories import rule_set

    shipped = Rule.objects.get(namespace="capacity", key="overload_factor")
    assert "ГОСТ 14209" in shipped.source and not shipped.verified
    rule_set("capacity", "overload_factor", Decimal("1.2"), valid_from=date(2020, 1, 1))
    services.capacity_recalculate()
    assert current(network["north"]).permissible_mva == Decimal("30.000")


def test_a_staff_commitment_import_is_audited_per_power_centre(network, officer):
    from gridportal.core.models import AuditLogEntry

    content = (
        "site,power_centre,kw,document_number,document_date,branch\n"
        "10:20:0030303:1,ПС-2,150,ТУ-5/2026,01.04.2026,karelia\n"
    ).encode()
    services.commitments_import(name="tu.csv", content=content, user=officer)
    entry = AuditLogEntry.objects.get(actor=officer)
    assert entry.object_id == str(network["lake"].pk)
    assert entry.details["documents"] == ["ТУ-5/2026"]
    assert entry.branch == network["lake"].branch
