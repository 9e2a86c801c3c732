"""Reading the tabular files a dispatch service or connection department exports.

CSV (comma or semicolon, UTF-8 or Windows-1251) and XLSX; Russian or English
headers; decimal commas; dates as 2026-12-16 or 16.12.2026. Reading only turns a
file into numbered rows of strings: validation is the services' job.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gridportal.core.exceptions import ApplicationError

MAX_ROWS = 100_000


@dataclass
class Row:
    number: int  # as the person sees it in the spreadsheet (header is row 1)
    values: dict[str, str]


class ImportRejected(ApplicationError):
    """A file was rejected whole; `errors` lists every problem with its row number."""

    def __init__(self, errors: list[str]):
        super().__init__(
            ngettext(
                "The file was not imported: {count} error.",
                "The file was not imported: {count} errors.",
                len(errors),
            ).format(count=len(errors)),
            code="import_rejected",
            extra={"errors": errors},
        )
        self.errors = errors


def _normalise_header(text: str, aliases: dict[str, str]) -> str | None:
    key = " ".join(str(text or "").strip().lower().replace("ё", "е").split())
    return aliases.get(key)


def read_table(*, name: str, content: bytes, aliases: dict[str, str], required: list[str]):
    """Numbered rows of a CSV or XLSX file, with headers mapped to field names."""
    if name.lower().endswith(".xlsx"):
        raw_rows = _xlsx_rows(content)
    elif name.lower().endswith((".csv", ".txt")):
        raw_rows = _csv_rows(content)
    else:
        raise ImportRejected([_("Upload a .csv or .xlsx file.")])
    try:
        header = next(raw_rows)
    except StopIteration:
        raise ImportRejected([_("The file is empty.")]) from None
    fields = [_normalise_header(h, aliases) for h in header]
    missing = [f for f in required if f not in fields]
    if missing:
        raise ImportRejected(
            [_("Row 1: missing column(s): {columns}.").format(columns=", ".join(missing))]
        )
    rows = []
    for number, raw in enumerate(raw_rows, start=2):
        if not any(str(v).strip() for v in raw if v is not None):
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportRejected(
                [_("The file has more than {n} rows; split it.").format(n=MAX_ROWS)]
            )
        values = {}
        for field, value in zip(fields, raw, strict=False):
            if field:
                values[field] = value
        rows.append(Row(number, values))
    if not rows:
        raise ImportRejected([_("The file has no data rows.")])
    return rows


def _csv_rows(content: bytes):
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    yield from csv.reader(io.StringIO(text), delimiter=delimiter)


def _xlsx_rows(content: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise ImportRejected([_("The file is not a readable XLSX workbook.")]) from None
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield ["" if v is None else v for v in row]
    workbook.close()


def parse_decimal(value) -> Decimal | None:
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


MEASUREMENT_ALIASES = {
    "dispatch_number": "dispatch_number",
    "dispatch number": "dispatch_number",
    "power_centre": "dispatch_number",
    "power centre": "dispatch_number",
    "диспетчерский номер": "dispatch_number",
    "диспетчерский номер цп": "dispatch_number",
    "цп": "dispatch_number",
    "пс": "dispatch_number",
    "transformer": "transformer",
    "трансформатор": "transformer",
    "load_mva": "load_mva",
    "load, mva": "load_mva",
    "load mva": "load_mva",
    "нагрузка, мва": "load_mva",
    "нагрузка мва": "load_mva",
    "нагрузка": "load_mva",
    "measured_on": "measured_on",
    "measurement date": "measured_on",
    "date": "measured_on",
    "дата замера": "measured_on",
    "дата": "measured_on",
    "branch": "branch",
    "филиал": "branch",
}

COMMITMENT_ALIASES = {
    "site": "site",
    "site id": "site",
    "cadastral number": "site",
    "кадастровый номер": "site",
    "объект": "site",
    "участок": "site",
    "dispatch_number": "dispatch_number",
    "power_centre": "dispatch_number",
    "power centre": "dispatch_number",
    "цп": "dispatch_number",
    "пс": "dispatch_number",
    "диспетчерский номер": "dispatch_number",
    "kw": "kw",
    "power, kw": "kw",
    "мощность, квт": "kw",
    "мощность": "kw",
    "квт": "kw",
    "document_number": "document_number",
    "document number": "document_number",
    "contract or tu number": "document_number",
    "номер договора или ту": "document_number",
    "номер документа": "document_number",
    "document_date": "document_date",
    "document date": "document_date",
    "date": "document_date",
    "дата": "document_date",
    "дата документа": "document_date",
    "kind": "kind",
    "вид": "kind",
    "branch": "branch",
    "филиал": "branch",
}
