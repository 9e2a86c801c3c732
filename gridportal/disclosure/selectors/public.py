"""Public reads: the registry with its filters, a document and its versions, the guides,
the disclosure items with their publications."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from ..choices import GuideStatus
from ..models import Category, DisclosureItem, Document, DocumentTopic, Guide, Publication
from .search import search_filter

LIST_FIELDS = (
    "id", "kind", "number", "date", "issuing_body", "title", "title_en", "summary",
    "summary_en", "status", "effective_from", "effective_until", "file_kind", "file_size",
    "published_at", "branch_id", "category_id", "supersedes_id", "created_at", "updated_at",
)  # fmt: skip


@dataclass(frozen=True)
class DocumentFilters:
    q: str = ""
    kind: str = ""
    status: str = ""
    topic: str = ""
    year: int | None = None
    category: Category | None = None
    number: str = ""


def category_descendants(category: Category) -> list[int]:
    ids, frontier = [category.pk], [category.pk]
    while frontier:
        frontier = list(
            Category.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        ids.extend(frontier)
    return ids


def documents_published() -> QuerySet[Document]:
    return (
        Document.objects.published()
        .only(*LIST_FIELDS)
        .prefetch_related(Prefetch("topic_links", queryset=DocumentTopic.objects.order_by("topic")))
    )


def document_search(filters: DocumentFilters, queryset: QuerySet | None = None) -> QuerySet:
    """Published documents matching the filters; with `q`, by relevance."""
    qs = documents_published() if queryset is None else queryset
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.topic:
        qs = qs.filter(topic_links__topic=filters.topic)
    if filters.year:
        qs = qs.filter(date__year=filters.year)
    if filters.category is not None:
        qs = qs.filter(category_id__in=category_descendants(filters.category))
    if filters.number:
        qs = qs.filter(number__iexact=filters.number)
    if filters.q:
        qs = search_filter(qs, filters.q)
    return qs


def document_get_published(*, pk: int) -> Document:
    return get_object_or_404(
        Document.objects.published().select_related("category", "supersedes", "branch"), pk=pk
    )


def document_successor(document: Document) -> Document | None:
    return Document.objects.published().filter(supersedes=document).first()


def document_versions(document: Document) -> list[Document]:
    """Every published version of the document, oldest first."""
    first = document
    seen = {first.pk}
    while first.supersedes_id and first.supersedes_id not in seen:
        first = Document.objects.get(pk=first.supersedes_id)
        seen.add(first.pk)
    chain, current = [first], first
    while True:
        following = Document.objects.filter(supersedes=current).first()
        if following is None or following.pk in {d.pk for d in chain}:
            break
        chain.append(following)
        current = following
    return [d for d in chain if d.published_at is not None]


def document_years() -> list[int]:
    return sorted(
        {d.year for d in Document.objects.published().dates("date", "year")}, reverse=True
    )


def category_tree() -> list[tuple[Category, int]]:
    """Headings in tree order with their depth."""
    categories = list(Category.objects.all())
    children: dict[int | None, list[Category]] = {}
    for c in categories:
        children.setdefault(c.parent_id, []).append(c)
    out: list[tuple[Category, int]] = []

    def walk(parent_id, depth):
        for c in children.get(parent_id, []):
            out.append((c, depth))
            walk(c.pk, depth + 1)

    walk(None, 0)
    return out


def guides_published() -> QuerySet[Guide]:
    return Guide.objects.filter(status=GuideStatus.PUBLISHED)


def guide_get_published(*, slug: str) -> Guide:
    return get_object_or_404(guides_published(), slug=slug)


def disclosure_items_public() -> QuerySet[DisclosureItem]:
    return DisclosureItem.objects.select_related("branch").prefetch_related(
        Prefetch(
            "publications",
            queryset=Publication.objects.select_related("document").order_by(
                "-published_at", "-id"
            ),
        )
    )
