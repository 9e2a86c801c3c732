"""Writes: a file uploaded at the console, kept with its import record, imported now or later.

Every staff upload is stored privately (`core.uploads.upload_store`) with a
`CapacityImport` row. A file of more than `IMPORT_BACKGROUND_ROWS` rows (an estimate
that does not parse it) is imported by a Celery task (eager in the embedded tier); the
staff page shows its status row, refreshed by htmx, with progress kept in the shared
cache while it runs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gridportal.core.tabular import ImportRejected, row_estimate
from gridportal.core.uploads import Upload, private_storage, upload_store

from . import services
from .choices import ImportKind, ImportStatus
from .models import CapacityImport

IMPORTERS = {
    ImportKind.MEASUREMENTS: services.measurements_import,
    ImportKind.COMMITMENTS: services.commitments_import,
}


def done_message(kind: str, result: dict) -> str:
    if kind == ImportKind.MEASUREMENTS:
        template = _(
            "Imported: {created} new and {updated} corrected measurements for "
            "{power_centres} power centre(s); their capacity is recalculated."
        )
    else:
        template = _(
            "Imported: {created} new and {updated} changed commitments for "
            "{power_centres} power centre(s); their capacity is recalculated."
        )
    return template.format(**result)


def progress_key(import_id: int) -> str:
    return f"capacity:import:{import_id}:progress"


def import_progress(record: CapacityImport) -> tuple[int, int] | None:
    """(rows done, rows) while the import runs, from the shared cache."""
    if record.status != ImportStatus.RUNNING:
        return None
    return cache.get(progress_key(record.pk))


def summary(record: CapacityImport) -> str:
    """How the import went, in the reader's language (errors stay in the uploader's)."""
    if record.status == ImportStatus.DONE:
        return done_message(record.kind, record.result)
    return record.message


def row_summary(record: CapacityImport) -> str:
    """The same, short, for the status row."""
    if record.status != ImportStatus.DONE:
        return record.message
    count = record.result.get("power_centres", 0)
    return ngettext(
        "{created} new, {updated} updated; {count} power centre recalculated.",
        "{created} new, {updated} updated; {count} power centres recalculated.",
        count,
    ).format(
        created=record.result.get("created", 0),
        updated=record.result.get("updated", 0),
        count=count,
    )


def capacity_import_start(*, kind: str, upload: Upload, user, language: str = "") -> CapacityImport:
    """Keep the file and its record; the caller runs it now or queues it."""
    return CapacityImport.objects.create(
        kind=kind,
        language=language[:8],
        source_file=upload.name[:200],
        stored_file=upload_store(upload=upload, folder="capacity-imports"),
        rows_estimate=row_estimate(upload),
        created_by=user,
    )


def runs_in_background(record: CapacityImport) -> bool:
    return record.rows_estimate > settings.IMPORT_BACKGROUND_ROWS


def capacity_import_run(*, import_id: int) -> CapacityImport | None:
    """Import a queued file; idempotent (a record already claimed is left alone)."""
    claimed = CapacityImport.objects.filter(pk=import_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING
    )
    if not claimed:
        return None
    record = CapacityImport.objects.select_related("created_by").get(pk=import_id)
    key = progress_key(record.pk)

    def progress(done: int, total: int):
        cache.set(key, (done, total), timeout=3600)

    with translation.override(record.language or settings.LANGUAGE_CODE):
        _run(record, progress)
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "message", "errors", "result", "finished_at"])
    cache.delete(key)
    return record


def _run(record: CapacityImport, progress) -> None:
    try:
        if record.created_by is None:
            # Scope comes from the uploader's branches; without them, import nothing.
            raise ImportRejected([_("The person who uploaded the file no longer exists.")])
        with private_storage().open(record.stored_file, "rb") as file:
            content = file.read()
        result = IMPORTERS[record.kind](
            name=record.source_file, content=content, user=record.created_by, progress=progress
        )
    except ImportRejected as exc:
        record.status, record.message, record.errors = ImportStatus.FAILED, exc.message, exc.errors
    else:
        record.status = ImportStatus.DONE
        record.result = {k: v for k, v in result.items() if isinstance(v, int)}
        record.message = ""
