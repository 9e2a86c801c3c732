"""Reads of the disclosure app."""

from .public import (
    DocumentFilters,
    category_tree,
    disclosure_items_public,
    document_get_published,
    document_search,
    document_successor,
    document_versions,
    document_years,
    documents_published,
    guide_get_published,
    guides_published,
)
from .search import headlines, query_parse, search_filter
from .staff import (
    CalendarRow,
    calendar_for_user,
    document_get_for_user,
    documents_for_user,
    item_get_for_user,
    items_for_user,
)

__all__ = [
    "CalendarRow",
    "DocumentFilters",
    "calendar_for_user",
    "category_tree",
    "disclosure_items_public",
    "document_get_for_user",
    "document_get_published",
    "document_search",
    "document_successor",
    "document_versions",
    "document_years",
    "documents_for_user",
    "documents_published",
    "guide_get_published",
    "guides_published",
    "headlines",
    "item_get_for_user",
    "items_for_user",
    "query_parse",
    "search_filter",
]
