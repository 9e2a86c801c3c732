"""The text inside an uploaded PDF or DOCX, for search (pypdf, python-docx)."""

from __future__ import annotations

import io
import logging
import re

logger = logging.getLogger(__name__)

# Text beyond this is not searched: a regulation's body fits many times over.
MAX_TEXT_CHARS = 400_000
_SPACES = re.compile(r"[ \t\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _tidy(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:MAX_TEXT_CHARS]


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        return _tidy("\n".join(page.extract_text() or "" for page in reader.pages))
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        logger.warning("no text from a PDF: %s", error)
        return ""


def docx_text(content: bytes) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(content))
    except (ValueError, KeyError, OSError) as error:
        logger.warning("no text from a DOCX: %s", error)
        return ""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return _tidy("\n".join(parts))


def file_text(*, kind: str, content: bytes) -> str:
    if kind == "pdf":
        return pdf_text(content)
    if kind == "docx":
        return docx_text(content)
    return ""
