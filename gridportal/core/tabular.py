"""Tables in and out: streaming readers with budgets, writers that never write a formula.

Reading (decision 0011). `table_rows(upload)` yields (row number, values) of a CSV file
or of the first sheet of an XLSX workbook, the header included, numbered as the person
sees them in a spreadsheet. It stops at a budget instead of working for minutes:

- rows, columns, characters in one cell, seconds of wall-clock time, bytes of the
  unpacked workbook (`Budget.from_settings()`: `IMPORT_MAX_*` settings);
- an XLSX is read with openpyxl in read-only mode and its declared dimension is ignored
  (a 5 kB file may declare A1:XFD1048576): rows are read until they end;
- CSV is decoded as UTF-8 (with or without BOM) or Windows-1251 and nothing else, with
  an explicit field-size limit.

Every problem is an `ImportRejected` whose errors are the row-numbered, localized
sentences the importers show; a cell is quoted at most `QUOTE_CHARS` characters long.

Writing. `safe_cell(value)` neutralises text a spreadsheet would run as a formula
(OWASP «CSV injection»: a leading = + - @, tab or CR gets an apostrophe in front);
`write_csv` and `write_xlsx` put every cell through it, and the XLSX writer stores text
as text (`data_type="s"`). Numbers stay numbers. Every CSV/XLSX download uses them.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .exceptions import ApplicationError
from .uploads import TABLE_KINDS, Upload, UploadRejected, upload_accept

QUOTE_CHARS = 100
MAX_ERRORS = 200
MAX_ERROR_CHARS = 500
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ImportRejected(ApplicationError):
    """A file was rejected whole; `errors` lists every problem with its row number."""

    def __init__(self, errors: list[str]):
        # A page or a terminal shows the first MAX_ERRORS, each of a readable length.
        shown = [e if len(e) <= MAX_ERROR_CHARS else e[: MAX_ERROR_CHARS - 1] + "…" for e in errors]
        if len(shown) > MAX_ERRORS:
            rest = len(shown) - MAX_ERRORS
            shown = shown[:MAX_ERRORS] + [
                ngettext("… and {n} more error.", "… and {n} more errors.", rest).format(n=rest)
            ]
        super().__init__(
            ngettext(
                "The file was not imported: {count} error.",
                "The file was not imported: {count} errors.",
                len(errors),
            ).format(count=len(errors)),
            code="import_rejected",
            extra={"errors": shown},
        )
        self.errors = shown


@dataclass(frozen=True)
class Budget:
    """How much of a table one import may read before it is refused."""

    rows: int
    columns: int
    cell_chars: int
    seconds: float
    unpacked_bytes: int

    @classmethod
    def from_settings(cls, **overrides) -> Budget:
        values = {
            "rows": settings.IMPORT_MAX_ROWS,
            "columns": settings.IMPORT_MAX_COLUMNS,
            "cell_chars": settings.IMPORT_MAX_CELL_CHARS,
            "seconds": settings.IMPORT_MAX_SECONDS,
            "unpacked_bytes": settings.IMPORT_MAX_UNPACKED_BYTES,
        }
        values.update(overrides)
        return cls(**values)


def quote(value) -> str:
    """A cell value short enough to quote in a message."""
    text = str(value)
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS - 1] + "…"
    return " ".join(text.split())


def _reject(message: str):
    return ImportRejected([message])


def table_open(*, name: str, content: bytes, kinds=TABLE_KINDS, refusal=None) -> Upload:
    """`uploads.upload_accept` for importers: a refusal is an `ImportRejected`."""
    try:
        return upload_accept(name=name, content=content, kinds=kinds, refusal=refusal)
    except UploadRejected as exc:
        raise ImportRejected(exc.errors) from None


def text_decode(content: bytes) -> str:
    """The text of a file in UTF-8 (with or without BOM) or Windows-1251; nothing else."""
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            return text
    raise _reject(
        _(
            "The file is not text in UTF-8 or Windows-1251; save it as «CSV UTF-8» "
            "and upload it again."
        )
    )


def row_estimate(upload: Upload) -> int:
    """About how many rows the table has, without parsing it (to decide where to import).

    CSV: its line breaks. XLSX: the `<row` tags of the first worksheet, read in chunks; 0
    for a workbook the reader will refuse anyway.
    """
    if upload.kind == "csv":
        return upload.content.count(b"\n") + (0 if upload.content.endswith(b"\n") else 1)
    if upload.kind != "xlsx":
        return 0
    try:
        with zipfile.ZipFile(io.BytesIO(upload.content)) as archive:
            sheets = sorted(
                (
                    i
                    for i in archive.infolist()
                    if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", i.filename)
                ),
                key=lambda i: int(re.sub(r"\D", "", i.filename.rsplit("/", 1)[-1])),
            )
            if not sheets or sheets[0].file_size > settings.IMPORT_MAX_UNPACKED_BYTES:
                return 0
            count, tail = 0, b""
            with archive.open(sheets[0]) as part:
                while chunk := part.read(1 << 20):
                    data = tail + chunk
                    count += data.count(b"<row ") + data.count(b"<row>")
                    tail = data[-5:]
                    count -= tail.count(b"<row ") + tail.count(b"<row>")
            return count + tail.count(b"<row ") + tail.count(b"<row>")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
        return 0


def table_rows(upload: Upload, *, budget: Budget | None = None) -> Iterator[tuple[int, list]]:
    """(row number, values) of the table, header first; trailing empty cells dropped.

    Values of a CSV are strings; those of a workbook are what the cell holds (text,
    number, date), empty cells as "". Blank rows are yielded as empty lists, so numbers
    stay those of the spreadsheet.
    """
    budget = budget or Budget.from_settings()
    deadline = time.monotonic() + budget.seconds
    if upload.kind == "xlsx":
        source = _xlsx_rows(upload.content, budget)
    elif upload.kind == "csv":
        source = _csv_rows(upload.content, budget)
    else:
        raise _reject(_("Upload a .csv or .xlsx file."))
    for number, values in source:
        if time.monotonic() > deadline:
            source.close()
            raise _reject(
                _(
                    "Reading the file took longer than {seconds} seconds; "
                    "split it into smaller files."
                ).format(seconds=f"{budget.seconds:g}")
            )
        if number > budget.rows + 1:  # the header is row 1
            source.close()
            raise _reject(_("The file has more than {n} rows; split it.").format(n=budget.rows))
        yield number, row_check(number, values, budget)


def row_check(number: int, values: list, budget: Budget) -> list:
    """The row's values within the column and cell budgets, trailing empty cells dropped."""
    while values and (values[-1] is None or values[-1] == ""):
        values.pop()
    if len(values) > budget.columns:
        raise _reject(
            _("Row {row}: the row has more than {n} columns.").format(row=number, n=budget.columns)
        )
    for value in values:
        if isinstance(value, str) and len(value) > budget.cell_chars:
            raise _reject(
                _("Row {row}: a cell is longer than {n} characters: «{value}».").format(
                    row=number, n=budget.cell_chars, value=quote(value)
                )
            )
    return ["" if v is None else v for v in values]


def _csv_rows(content: bytes, budget: Budget) -> Iterator[tuple[int, list]]:
    text = text_decode(content)
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    # The limit is process-wide in the csv module; every reader sets the same value.
    csv.field_size_limit(budget.cell_chars)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise _reject(
                    _("Row {row}: a cell is longer than {n} characters.").format(
                        row=number + 1, n=budget.cell_chars
                    )
                ) from None
            raise _reject(
                _("Row {row}: the line cannot be read as CSV.").format(row=number + 1)
            ) from None
        number += 1
        yield number, values


EXCEL_MAX_COLUMNS = 16_384  # A … XFD


def _first_row_wider_than(part, limit: int) -> int | None:
    """The ordinal of the first `<row>` of the sheet XML with more than `limit` cells.

    Reads the part in chunks cut after a `>`, so that no tag is split, and counts with
    bytes methods (C speed): a 100 MB sheet takes a fraction of a second.
    """
    row, cells, tail = 0, 0, b""
    while True:
        chunk = part.read(1 << 20)
        data = tail + chunk
        cut = data.rfind(b">") + 1 if chunk else len(data)
        region, tail = data[:cut], data[cut:]
        for index, piece in enumerate(region.split(b"<row")):
            if index:
                row, cells = row + 1, 0
            cells += piece.count(b"<c ")
            if cells > limit:
                return row
        if not chunk:
            return None


def _xlsx_rows(content: bytes, budget: Budget) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    unreadable = _("The file is not a readable XLSX workbook.")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _reject(unreadable) from None
    if unpacked > budget.unpacked_bytes:
        raise _reject(
            _("The workbook unpacks to more than {size} MB; split it.").format(
                size=budget.unpacked_bytes // (1024 * 1024)
            )
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise _reject(unreadable) from None
    try:
        try:
            sheet = workbook.worksheets[0]
            # openpyxl holds a whole row in memory before cutting it at max_col: refuse a
            # row of more cells than a sheet can have columns before it gets there.
            with (
                zipfile.ZipFile(io.BytesIO(content)) as archive,
                archive.open(sheet._worksheet_path) as part,
            ):
                widest = _first_row_wider_than(part, EXCEL_MAX_COLUMNS)
            # Never trust the declared dimension: iterate the rows that are there.
            sheet.reset_dimensions()
            rows = sheet.iter_rows(max_col=budget.columns + 1, values_only=True)
        except Exception:
            raise _reject(unreadable) from None
        if widest is not None:
            raise _reject(
                _("Row {row}: the row has more than {n} columns.").format(
                    row=widest, n=budget.columns
                )
            )
        number = 0
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception:  # a damaged part, a cut-short zip, bad XML
                raise _reject(
                    _(
                        "Row {row}: the workbook is damaged or cut short here; "
                        "save it again and upload it."
                    ).format(row=number + 1)
                ) from None
            number += 1
            yield number, list(values)
    finally:
        workbook.close()


# --- writing -------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value fit for a spreadsheet cell: text that would start a formula is prefixed
    with an apostrophe (OWASP «CSV injection»); numbers, dates and None are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(header: list[str], rows: Iterable[Iterable], *, bom: bool = True) -> bytes:
    """A CSV download: UTF-8 (with a BOM, so that Excel opens Cyrillic right), every cell safe."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return out.getvalue().encode("utf-8")


def write_xlsx(rows: Iterable[Iterable], *, sheet_title: str = "data") -> bytes:
    """An XLSX download of one sheet; text is written as text, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):
                # Control characters are not allowed in XLSX; openpyxl would raise.
                cell = WriteOnlyCell(sheet, value=safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)))
                cell.data_type = "s"
                cells.append(cell)
            elif isinstance(value, Decimal):
                cells.append(float(value))
            else:
                cells.append(value)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
