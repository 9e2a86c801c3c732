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
