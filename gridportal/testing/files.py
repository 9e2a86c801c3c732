"""Files that broke imports in production, generated in the test (no binary fixtures)."""

from __future__ import annotations

import io
import random
import re
import zipfile

SHEET = "xl/worksheets/sheet1.xml"


def xlsx_bytes(rows) -> bytes:
    """A workbook of one sheet holding `rows`, as openpyxl writes it."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_patch(content: bytes, member: str, change) -> bytes:
    """The workbook with one part rewritten by `change(bytes) -> bytes`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                data = change(data)
            target.writestr(info.filename, data)
    return out.getvalue()


def dimension_bomb(rows) -> bytes:
    """A few-kB workbook whose sheet declares the whole grid, A1:XFD1048576."""
    return xlsx_patch(
        xlsx_bytes(rows),
        SHEET,
        lambda xml: re.sub(
            rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml
        ),
    )


def truncated(content: bytes) -> bytes:
    """The file cut short, as by a broken download."""
    return content[: len(content) // 2]


def random_bytes(size: int = 4096, *, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


GIANT = "\u2063GIANT\u2063"  # a marker cell that `giant_shared_string` replaces


def giant_shared_string(rows, text: str) -> bytes:
    """A workbook whose cells holding `GIANT` point at one shared string, `text`.

    openpyxl itself cuts strings at Excel's 32,767 characters and writes them inline,
    so the shared-strings part is added by hand, as Excel would write it.
    """
    from xml.sax.saxutils import escape

    content = xlsx_bytes(rows)
    marker = re.escape(escape(GIANT).encode())
    content = xlsx_patch(
        content,
        SHEET,
        lambda xml: re.sub(
            rb'<c r="([A-Z]+\d+)"([^>]*) t="inlineStr"><is><t>' + marker + rb"</t></is></c>",
            rb'<c r="\1"\2 t="s"><v>0</v></c>',
            xml,
        ),
    )
    content = xlsx_patch(
        content,
        "[Content_Types].xml",
        lambda xml: xml.replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    content = xlsx_patch(
        content,
        "xl/_rels/workbook.xml.rels",
        lambda xml: xml.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            b"</Relationships>",
        ),
    )
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>' + escape(text).encode() + b"</t></si></sst>"
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()
