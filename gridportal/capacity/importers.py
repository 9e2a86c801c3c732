"""Reading the tabular files a dispatch service or connection department exports.

CSV (comma or semicolon, UTF-8 or Windows-1251) and XLSX; Russian or English
headers; decimal commas; dates as 2026-12-16 or 16.12.2026. Reading only turns a
file into numbered rows of strings: validation is the services' job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from gridportal.core.tabular import ImportRejected, table_open, table_rows

__all__ = ["ImportRejected", "Row", "read_table", "parse_decimal", "parse_date"]


@dataclass
class Row:
    number: int  # as the person sees it in the spreadsheet (header is row 1)
    values: dict[str, str]


def _normalise_header(text: str, aliases: dict[str, str]) -> str | None:
    key = " ".join(str(text or "").strip().lower().replace("ё", "е").split())
    return aliases.get(key)


def read_table(*, name: str, content: bytes, aliases: dict[str, str], required: list[str]):
    """Numbered rows of a CSV or XLSX file, with headers mapped to field names.

    The type comes from the content and the reading stops at the budgets of
    `core.tabular` (rows, columns, cell size, time); every refusal is an `ImportRejected`.
    """
    upload = table_open(name=name, content=content, refusal=_("Upload a .csv or .xlsx file."))
    raw_rows = table_rows(upload)
    try:
        _number, header = next(raw_rows)
    except StopIteration:
        raise ImportRejected([_("The file is empty.")]) from None
    fields = [_normalise_header(h, aliases) for h in header]
    missing = [f for f in required if f not in fields]
    if missing:
        raise ImportRejected(
            [_("Row 1: missing column(s): {columns}.").format(columns=", ".join(missing))]
        )
    rows = []
    for number, raw in raw_rows:
        if not any(str(v).strip() for v in raw):
            continue
        values = {}
        for field, value in zip(fields, raw, strict=False):
            if field:
                values[field] = value
        rows.append(Row(number, values))
    if not rows:
        raise ImportRejected([_("The file has no data rows.")])
    return rows


def parse_decimal(value) -> Decimal | None:
    """A finite number below a billion (no column holds more), or None."""
    if isinstance(value, int | float | Decimal):
        text = str(value)
    else:
        text = str(value or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text or len(text) > 40:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() and number.adjusted() < 9 else None


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
