"""Files attached to appeals and answers, kept privately through core/uploads."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gridportal.core.exceptions import ApplicationError
from gridportal.core.uploads import Upload

from ..models import AppealAttachment

# What a person may attach: documents and photos (the type is read from the content).
ATTACHMENT_KINDS = ("pdf", "jpeg", "png")
FOLDER = "appeals"


def attachments_store(*, appeal, event, uploads, limit: int, from_company: bool = False):
    """Keep the accepted uploads under uuid names and record them on the appeal."""
    uploads = list(uploads or ())
    if not uploads:
        return []
    already = appeal.attachments.filter(from_company=from_company).count()
    if already + len(uploads) > limit:
        raise ApplicationError(
            ngettext(
                "You can attach at most {n} file.", "You can attach at most {n} files.", limit
            ).format(n=limit),
            code="attachments",
        )
    from gridportal.core.uploads import upload_store

    rows = []
    for upload in uploads:
        if not isinstance(upload, Upload) or upload.kind not in ATTACHMENT_KINDS:
            raise ApplicationError(
                _("Attach PDF documents or JPEG/PNG photos."), code="attachments"
            )
        rows.append(
            AppealAttachment.objects.create(
                appeal=appeal,
                event=event,
                stored_name=upload_store(upload=upload, folder=FOLDER),
                original_name=upload.name or f"file{upload.extension}",
                size=upload.size,
                from_company=from_company,
            )
        )
    return rows
