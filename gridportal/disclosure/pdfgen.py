"""Short PDFs with Cyrillic text (fpdf2 + the system's DejaVu font): the demo documents'
files and the test fixtures. Not for anything a person signs."""

from __future__ import annotations

import logging
from pathlib import Path

# fpdf2 subsets the font through fontTools, which logs every glyph at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _font() -> Path | None:
    for folder in FONT_DIRS:
        path = folder / "DejaVuSans.ttf"
        if path.exists():
            return path
    return None


def text_pdf(*, title: str, paragraphs: list[str]) -> bytes:
    """A PDF of a heading and paragraphs; needs DejaVu Sans for Cyrillic."""
    from fpdf import FPDF

    font = _font()
    if font is None:
        raise RuntimeError("DejaVu Sans is not installed (Debian: fonts-dejavu-core)")
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", fname=str(font))
    pdf.add_page()
    pdf.set_font("DejaVu", size=14)
    pdf.multi_cell(0, 8, title)
    pdf.ln(4)
    pdf.set_font("DejaVu", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(2)
    return bytes(pdf.output())
