"""PDF documents (fpdf2) need a Unicode TrueType font for Cyrillic; this finds one.

The `PDF_FONT` setting names a regular face (a bold face beside it named *-Bold.ttf is used
when present); otherwise DejaVu Sans where the common systems install it (Debian and Ubuntu:
`apt-get install fonts-dejavu-core`). Production checks for it (`check --deploy`, core.E002).
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .exceptions import ApplicationError

# fpdf2 subsets the font with fontTools, which logs every glyph table at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

SYSTEM_FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"),  # Fedora, RHEL
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),  # Arch
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),  # Alpine, older Fedora
    Path("/usr/local/share/fonts/dejavu/DejaVuSans.ttf"),  # FreeBSD
]


class FontMissing(ApplicationError):
    """No Unicode font on the server: documents cannot be printed (a server problem, 503)."""

    status = 503

    def __init__(self):
        super().__init__(
            _(
                "The server cannot print the document now: it has no Unicode font. "
                "The administrator installs fonts-dejavu-core or sets PDF_FONT."
            ),
            code="font_missing",
        )


def unicode_font() -> tuple[Path, Path] | None:
    """(regular, bold) TrueType files with Cyrillic, or None when there is none."""
    configured = getattr(settings, "PDF_FONT", "")
    for regular in [Path(configured)] if configured else SYSTEM_FONTS:
        if regular.is_file():
            bold = regular.with_name(regular.stem + "-Bold" + regular.suffix)
            return regular, bold if bold.is_file() else regular
    return None


def new_pdf(**kwargs):
    """An fpdf2 document with the Unicode font registered as family "Doc" (regular, bold)."""
    from fpdf import FPDF

    font = unicode_font()
    if font is None:
        raise FontMissing()
    pdf = FPDF(**kwargs)
    pdf.add_font("Doc", "", str(font[0]))
    pdf.add_font("Doc", "B", str(font[1]))
    return pdf
