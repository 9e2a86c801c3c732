"""The printable certificate: a one-page PDF made with fpdf2, in memory, never stored.

Cyrillic needs a Unicode TrueType font: `gridportal.core.pdf` finds it (DejaVu Sans from
Debian's `fonts-dejavu-core`, or the file named by the `PDF_FONT` setting).
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats
from django.utils.translation import gettext as _

from gridportal.core.pdf import new_pdf


def certificate_pdf(
    *, name: str, lesson_title: str, score: int, total: int, company: str, on: dt.date
) -> bytes:
    """A landscape A4 certificate with the child's first name; the bytes are sent, not kept."""
    pdf = new_pdf(orientation="L", format="A4")
    pdf.set_title(_("Certificate"))
    pdf.set_creator("Gridportal")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(29, 78, 216)
    pdf.set_line_width(2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.6)
    pdf.rect(15, 15, 267, 180)

    def line(text: str, size: int, style: str = "", gap: float = 4):
        pdf.set_font("Doc", style, size)
        pdf.multi_cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(30)
    pdf.set_text_color(29, 78, 216)
    line(_("«Be friends with electricity»"), 16)
    pdf.set_text_color(0, 0, 0)
    line(_("CERTIFICATE"), 34, "B", 10)
    line(name, 30, "B", 8)
    line(_("has completed the lesson"), 16)
    line(f"«{lesson_title}»", 20, "B", 6)
    line(
        _("and answered {score} of {total} questions correctly.").format(score=score, total=total),
        16,
        gap=14,
    )
    line(_("You know how to be safe with electricity. Well done!"), 14, gap=18)
    line(f"{company} · {formats.date_format(on, 'DATE_FORMAT')}", 12)
    return bytes(pdf.output())
