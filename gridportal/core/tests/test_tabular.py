"""Reading tables within budgets, writing them without formulas (core.tabular)."""

import io
import time
import zipfile

import pytest
from django.utils import translation
from openpyxl import load_workbook

from gridportal.core.tabular import (
    Budget,
    ImportRejected,
    safe_cell,
    table_open,
    table_rows,
    write_csv,
    write_xlsx,
)
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

HEADER = ["ЦП", "Трансформатор", "Нагрузка", "Дата"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def read(name, content, **budget):
    upload = table_open(name=name, content=content)
    return list(table_rows(upload, budget=Budget.from_settings(**budget) if budget else None))


def rejection(name, content, **budget) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        read(name, content, **budget)
    return caught.value.errors


def test_a_workbook_is_read_with_row_numbers_as_in_the_spreadsheet():
    rows = read("june.xlsx", xlsx_bytes([HEADER, [], ["ПС-1", "Т-1", 4.5, "18.06.2026"]]))
    assert rows == [(1, HEADER), (2, []), (3, ["ПС-1", "Т-1", 4.5, "18.06.2026"])]


def test_a_declared_dimension_of_the_whole_grid_is_ignored_and_read_at_once():
    bomb = dimension_bomb([HEADER, ["ПС-1", "Т-1", 4.5, "18.06.2026"]])
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert b"A1:XFD1048576" in archive.read(SHEET)
    assert len(bomb) < 10_000
    started = time.monotonic()
    rows = read("bomb.xlsx", bomb)
    assert time.monotonic() - started < 1
    assert rows == [(1, HEADER), (2, ["ПС-1", "Т-1", 4.5, "18.06.2026"])]


def test_a_giant_shared_string_gets_a_short_message_quickly():
    content = giant_shared_string([HEADER, ["ПС-1", GIANT, 1, "18.06.2026"]], "Ж" * (20 << 20))
    started = time.monotonic()
    errors = rejection("big.xlsx", content)
    assert time.monotonic() - started < 20
    assert len(errors) == 1
    assert errors[0].startswith("Row 2: a cell is longer than 32767 characters: «ЖЖЖ")
    assert len(errors[0].encode()) < 1024


def test_a_csv_field_over_the_csv_module_default_is_a_row_numbered_message():
    content = ("ЦП;Трансформатор\nПС-1;Т-1\nПС-2;" + "x" * 140_000 + "\n").encode()
    assert rejection("june.csv", content) == ["Row 3: a cell is longer than 32767 characters."]


@pytest.mark.parametrize(
    "content",
    [
        "ЦП;Трансформатор\nПС-1;Т-1\n".encode("utf-16-le"),  # UTF-16 without BOM
        "ЦП;Трансформатор\nПС-1;Т-1\n".encode("utf-16"),  # with BOM
        random_bytes(),
    ],
    ids=["utf-16", "utf-16-bom", "random"],
)
def test_bytes_in_neither_utf8_nor_cp1251_are_refused_clearly(content):
    errors = rejection("june.csv", content)
    assert errors == [
        "The file is neither an XLSX workbook nor text in UTF-8 or Windows-1251; "
        "save it as «CSV UTF-8» and upload it again."
    ]


def test_text_that_breaks_down_after_the_first_kilobytes_is_refused_clearly():
    content = ("ЦП;Трансформатор\n" + "ПС-1;Т-1\n" * 2000).encode() + b"\x00\x01\x02"
    assert rejection("june.csv", content) == [
        "The file is not text in UTF-8 or Windows-1251; save it as «CSV UTF-8» and upload it again."
    ]


def test_windows_1251_and_a_bom_are_both_read():
    text = "ЦП;Трансформатор\nПС-1;Т-1\n"
    assert read("a.csv", text.encode("cp1251"))[1] == (2, ["ПС-1", "Т-1"])
    assert read("a.csv", text.encode("utf-8-sig"))[0] == (1, ["ЦП", "Трансформатор"])


def test_a_truncated_workbook_is_refused_clearly():
    content = truncated(
        xlsx_bytes([HEADER] + [["ПС-1", "Т-1", i, "18.06.2026"] for i in range(500)])
    )
    assert rejection("june.xlsx", content) == ["The file is not a readable XLSX workbook."]


def test_a_sheet_cut_short_inside_is_refused_at_its_row():
    content = xlsx_patch(
        xlsx_bytes([HEADER, ["ПС-1", "Т-1", 1, "18.06.2026"]]),
        SHEET,
        lambda xml: xml[: xml.index(b'<row r="2"') + 30],
    )
    errors = rejection("june.xlsx", content)
    assert len(errors) == 1
    assert "damaged or cut short" in errors[0]


def test_rows_columns_and_time_have_budgets():
    content = ("a,b,c\n" + "1,2,3\n" * 20).encode()
    assert rejection("a.csv", content, rows=10) == ["The file has more than 10 rows; split it."]
    assert rejection("a.csv", content, columns=2) == ["Row 1: the row has more than 2 columns."]
    assert rejection("a.csv", content, seconds=0) == [
        "Reading the file took longer than 0 seconds; split it into smaller files."
    ]
    wide = xlsx_bytes([["x"] * 500])
    assert rejection("wide.xlsx", wide, columns=100) == [
        "Row 1: the row has more than 100 columns."
    ]


def test_a_workbook_that_unpacks_too_big_is_refused_before_reading():
    content = xlsx_bytes([HEADER, [f"{i}" + "x" * 30_000 for i in range(40)]])
    assert rejection("big.xlsx", content, unpacked_bytes=1024 * 1024) == [
        "The workbook unpacks to more than 1 MB; split it."
    ]


def test_a_flood_of_errors_is_cut_to_a_readable_list():
    failure = ImportRejected([f"Row {n}: bad." for n in range(1000)])
    assert len(failure.errors) == 201
    assert failure.errors[-1] == "… and 800 more errors."
    assert failure.message == "The file was not imported: 1000 errors."


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("+7 900", "'+7 900"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ПС 110 кВ «Северная»", "ПС 110 кВ «Северная»"),
        (-1.5, -1.5),
        (None, None),
    ],
)
def test_safe_cell_neutralises_formulas_and_leaves_numbers(value, written):
    assert safe_cell(value) == written


def test_written_tables_hold_text_not_formulas():
    rows = [["name", "reserve"], ['=HYPERLINK("http://evil.example","x")', -1.5]]
    text = write_csv(rows[0], rows[1:]).decode("utf-8-sig")
    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://evil.example"",""x"")",-1.5'
    sheet = load_workbook(io.BytesIO(write_xlsx(rows))).active
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil.example","x")'
    assert sheet["B2"].data_type == "n"
    assert sheet["B2"].value == -1.5


def test_a_row_of_more_cells_than_a_sheet_has_columns_is_refused_before_it_is_built():
    cells = b'<c r="A2" t="n"><v>1</v></c>' * 20_000
    content = xlsx_patch(
        xlsx_bytes([HEADER, ["ПС-1"]]),
        SHEET,
        lambda xml: (
            xml.replace(b'<c r="A2" t="inlineStr">', cells + b'<c r="A2" t="inlineStr">', 1)
            if b'<c r="A2" t="inlineStr">' in xml
            else xml.replace(b'<c r="A2" t="s">', cells + b'<c r="A2" t="s">', 1)
        ),
    )
    assert len(content) < 100_000
    assert rejection("wide.xlsx", content) == ["Row 2: the row has more than 100 columns."]


def test_workbooks_are_read_without_lxml_which_would_drop_a_giant_cell_silently():
    import openpyxl.xml

    assert openpyxl.xml.LXML is False
