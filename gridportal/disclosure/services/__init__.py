"""Writes of the disclosure app; callers import from here."""

from .calendar import item_due, on_service_event, publication_record, reminders_send
from .documents import DocumentData, document_create, document_publish
from .guides import guide_feedback_record, guide_save
from .search_index import document_index

__all__ = [
    "DocumentData",
    "document_create",
    "document_index",
    "document_publish",
    "guide_feedback_record",
    "guide_save",
    "item_due",
    "on_service_event",
    "publication_record",
    "reminders_send",
]
