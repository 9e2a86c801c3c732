"""Real files for the tests: PDFs with Cyrillic text, DOCX documents."""

import io

from gridportal.core.uploads import upload_accept
from gridportal.disclosure.pdfgen import text_pdf


def pdf_bytes(title: str, paragraphs: list[str]) -> bytes:
    return text_pdf(title=title, paragraphs=paragraphs)


def pdf_upload(title: str, paragraphs: list[str], name: str = "document.pdf"):
    return upload_accept(name=name, content=pdf_bytes(title, paragraphs), kinds=("pdf", "docx"))


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
