"""Keep a document's search fields fresh: the PostgreSQL vector and the stems elsewhere.

Weights: A the number and title, B the summary and issuing body, C the text of the file.
Matching uses the whole vector; ranking a small one of the number and title (documents whose
title matches come first, then the newest), which stays in the table's row.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Coalesce

from ..models import Document
from ..stems import stemmed_text

SEARCH_CONFIG = "russian"


def rank_vector_expression():
    return SearchVector(Coalesce("number", Value("")), weight="A", config=SEARCH_CONFIG) + (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
    )


def search_vector_expression():
    return (
        SearchVector(Coalesce("number", Value("")), weight="A", config=SEARCH_CONFIG)
        + SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("title_en", weight="A", config="english")
        + SearchVector("summary", "issuing_body", weight="B", config=SEARCH_CONFIG)
        + SearchVector("file_text", weight="C", config=SEARCH_CONFIG)
    )


def document_index(*, document_ids) -> None:
    """Recompute the search fields of the given documents (on every save of their text)."""
    ids = list(document_ids)
    if connection.vendor == "postgresql":
        Document.objects.filter(pk__in=ids).update(
            search_vector=search_vector_expression(), rank_vector=rank_vector_expression()
        )
        return
    for doc in Document.objects.filter(pk__in=ids).only(
        "number", "title", "title_en", "summary", "issuing_body", "file_text"
    ):
        text = " ".join(
            [doc.number, doc.title, doc.title_en, doc.summary, doc.issuing_body, doc.file_text]
        )
        Document.objects.filter(pk=doc.pk).update(search_stems=stemmed_text(text))
