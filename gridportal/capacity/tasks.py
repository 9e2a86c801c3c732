"""Celery tasks of capacity: thin, idempotent, they call services."""

from __future__ import annotations

from celery import shared_task

from .jobs import capacity_import_run


@shared_task(name="capacity.import_file")
def capacity_import(import_id: int) -> str | None:
    """Import a large uploaded file in the background (the record is claimed once)."""
    record = capacity_import_run(import_id=import_id)
    return record.status if record else None
