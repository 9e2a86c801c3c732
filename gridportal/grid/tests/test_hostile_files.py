"""import_grid on the files that broke imports in production: a clear message, no traceback."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from gridportal.grid.importers import ImportFailed, import_file
from gridportal.grid.models import PowerCentre
from gridportal.testing.factories import DistrictFactory
from gridportal.testing.files import random_bytes, truncated, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = "branch,district,dispatch_number,name,voltage_kv\n"


@pytest.fixture
def district(branch):
    return DistrictFactory(branch=branch, code="kar-1")


def command_error(tmp_path, name, content) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with translation.override("en"), pytest.raises(CommandError) as caught:
        call_command("import_grid", "power_centres", str(path))
    return str(caught.value)


def test_a_long_csv_field_is_a_row_numbered_message(district, tmp_path):
    content = (HEADER + "karelia,kar-1,ПС-1," + "x" * 140_000 + ",110\n").encode()
    message = command_error(tmp_path, "pc.csv", content)
    assert "Row 2: a cell is longer than 32767 characters." in message
    assert len(message) < 1024


@pytest.mark.parametrize(
    "content",
    [(HEADER + "karelia,kar-1,ПС-1,Северная,110\n").encode("utf-16-le"), random_bytes()],
    ids=["utf-16-without-bom", "random"],
)
def test_bytes_that_are_not_text_are_refused_clearly(district, tmp_path, content):
    assert "nor text in UTF-8 or Windows-1251" in command_error(tmp_path, "pc.csv", content)


def test_a_workbook_is_not_a_grid_file(district, tmp_path):
    content = truncated(xlsx_bytes([["branch"]] * 300))
    assert "Upload a .csv or .geojson file." in command_error(tmp_path, "pc.csv", content)


def test_windows_1251_is_read(district):
    content = (HEADER + "karelia,kar-1,ПС-1,ПС 110 кВ «Северная»,110\n").encode("cp1251")
    import_file(kind="power_centres", data=content, filename="pc.csv")
    assert PowerCentre.objects.get().name == "ПС 110 кВ «Северная»"


@pytest.mark.parametrize(
    "document",
    [
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"type": "FeatureCollection", "features": [1, None, {"geometry": 5}]}),
    ],
    ids=["nested", "odd-features"],
)
def test_odd_json_is_a_message_not_a_traceback(district, document):
    with translation.override("en"), pytest.raises(ImportFailed) as caught:
        import_file(kind="power_centres", data=document.encode(), filename="pc.geojson")
    assert caught.value.errors
    assert all(len(e) < 1024 for e in caught.value.errors)


def test_a_long_value_is_quoted_short(district):
    content = (HEADER + "karelia,kar-1,ПС-1,Северная," + "9" * 5000 + "x\n").encode()
    with translation.override("en"), pytest.raises(ImportFailed) as caught:
        import_file(kind="power_centres", data=content, filename="pc.csv")
    (error,) = caught.value.errors
    assert error.startswith("Row 2: «999")
    assert len(error) < 300


@pytest.mark.parametrize("voltage", ["NaN", "1e999999999", "Infinity", "-inf"])
def test_numbers_that_are_not_measures_are_row_errors(district, voltage):
    content = (HEADER + f"karelia,kar-1,ПС-1,Северная,{voltage}\n").encode()
    with translation.override("en"), pytest.raises(ImportFailed) as caught:
        import_file(kind="power_centres", data=content, filename="pc.csv")
    assert caught.value.errors == [f"Row 2: «{voltage}» in «voltage_kv» is not a number."]


def test_a_customer_count_in_other_digits_is_a_row_error(district):
    from .test_importers import load_network

    load_network()
    content = (
        "branch,district,settlement,street,house,customer_count\n"
        "karelia,kar-1,Петрозаводск,Ленина,9,²\n"
    ).encode()
    with translation.override("en"), pytest.raises(ImportFailed) as caught:
        import_file(kind="addresses", data=content, filename="a.csv")
    assert "customer_count" in caught.value.errors[0]
