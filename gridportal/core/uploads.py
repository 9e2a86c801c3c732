"""Files people upload: accepted by their content, within a size limit, kept privately.

One module for every upload — staff imports today, appeal attachments and connection
documents next (decision 0011):

- `upload_accept(name=…, content=…, kinds=…)` sniffs the type from the bytes (the
  `filetype` library for binary signatures, a zip look for XLSX, a control-byte test for
  text), refuses a name whose extension says otherwise and anything over
  `UPLOAD_MAX_BYTES`, and returns an `Upload`;
- `UploadField` does the same at the edge of a form, so `cleaned_data[...]` is an `Upload`;
- `upload_store` keeps the bytes under a uuid name in the ``private`` storage
  (`PRIVATE_MEDIA_ROOT`, outside every served URL); `private_file_response` gives them
  back — call it only from a view that has fetched the owning record through a
  `*_for_user` selector, so permission is checked where the record is.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .exceptions import ApplicationError

KIND_EXTENSIONS = {
    "csv": (".csv", ".txt"),
    "json": (".json", ".geojson"),
    "xlsx": (".xlsx",),
    "pdf": (".pdf",),
    "jpeg": (".jpg", ".jpeg"),
    "png": (".png",),
    "docx": (".docx",),
}
MIME_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
TABLE_KINDS = ("csv", "xlsx")
_FILETYPE_KINDS = {"xlsx": "xlsx", "pdf": "pdf", "jpg": "jpeg", "png": "png"}
# Bytes that are control characters both in UTF-8 and in Windows-1251; tab, LF and CR
# are what a text table may hold. UTF-16 (NUL bytes) and random bytes fail this test.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SNIFF_BYTES = 8192
_STORED_NAME = re.compile(r"^[a-z0-9_-]+/\d{4}/\d{2}/[0-9a-f]{32}\.[a-z]+$")


class UploadRejected(ApplicationError):
    """An uploaded file was refused before it was read: its type or its size."""

    def __init__(self, message, *, code: str = "upload_rejected"):
        super().__init__(message, code=code)
        self.errors = [message]


@dataclass(frozen=True)
class Upload:
    """A file accepted from a person: the name they gave it (for messages and records
    only), its bytes and the type its content shows."""

    name: str
    content: bytes
    kind: str

    @property
    def extension(self) -> str:
        return KIND_EXTENSIONS[self.kind][0]

    @property
    def size(self) -> int:
        return len(self.content)


def _is_word_document(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _is_workbook(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A zip cut short: still a workbook if its first entries say so, so that the
        # reader can tell the person it is damaged rather than of the wrong type.
        return b"xl/" in content[:65536]


def upload_sniff(content: bytes) -> str | None:
    """The kind of file the bytes are (a key of `KIND_EXTENSIONS`), or None."""
    head = content[:_SNIFF_BYTES]
    guess = filetype.guess(head) if head else None
    if guess is not None:
        if guess.extension == "docx" or (guess.extension == "zip" and _is_word_document(content)):
            return "docx" if _is_word_document(content) else None
        if guess.extension in ("zip", "xlsx"):
            return "xlsx" if _is_workbook(content) else None
        return _FILETYPE_KINDS.get(guess.extension)
    if head.startswith(b"PK\x03\x04"):
        if _is_word_document(content):
            return "docx"
        return "xlsx" if _is_workbook(content) else None
    if _CONTROL_BYTES.search(head):
        return None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "json" if text[:1] in (b"{", b"[") else "csv"


def _megabytes(size: int) -> str:
    return f"{round(size / (1024 * 1024), 1):g}"


def upload_max_megabytes() -> str:
    """The size limit of an upload in MB, for help texts."""
    return _megabytes(settings.UPLOAD_MAX_BYTES)


def upload_accept(
    *, name: str, content: bytes, kinds=TABLE_KINDS, refusal: str | None = None
) -> Upload:
    """The upload if its content is one of `kinds` and within the size limit.

    The type comes from the content; the name's extension must not say otherwise (a
    workbook renamed .csv, a photo renamed .xlsx), so that the file opens as what it is.
    """
    refusal = refusal or _("This type of file is not accepted here.")
    limit = settings.UPLOAD_MAX_BYTES
    if len(content) > limit:
        raise UploadRejected(
            _("The file is larger than {size} MB.").format(size=_megabytes(limit)),
            code="too_large",
        )
    if not content:
        raise UploadRejected(_("The file is empty."), code="empty")
    kind = upload_sniff(content)
    suffix = PurePath(name or "").suffix.lower()
    claimed = next((k for k, exts in KIND_EXTENSIONS.items() if suffix in exts), None)
    if kind is None or kind not in kinds or (suffix and suffix not in KIND_EXTENSIONS[kind]):
        if claimed == "xlsx" and "xlsx" in kinds:
            raise UploadRejected(_("The file is not a readable XLSX workbook."), code="type")
        if kind is None and claimed in (None, "csv") and "csv" in kinds:
            raise UploadRejected(
                _(
                    "The file is neither an XLSX workbook nor text in UTF-8 or Windows-1251; "
                    "save it as «CSV UTF-8» and upload it again."
                ),
                code="type",
            )
        raise UploadRejected(refusal, code="type")
    return Upload(name=PurePath(name or "").name[:200], content=content, kind=kind)


def private_storage():
    """Where uploads are kept: `STORAGES["private"]`, never served by URL."""
    return storages["private"]


def upload_store(*, upload: Upload, folder: str) -> str:
    """Keep the upload under a new uuid name; returns the stored name to record.

    The person's file name is never part of the path: record it beside the stored name.
    """
    if not re.fullmatch(r"[a-z0-9_-]+", folder):
        raise ValueError("folder must be a plain lowercase name")
    name = "{folder}/{now:%Y}/{now:%m}/{id}{ext}".format(
        folder=folder, now=timezone.now(), id=uuid.uuid4().hex, ext=upload.extension
    )
    return private_storage().save(name, ContentFile(upload.content))


def private_file_response(*, stored_name: str, download_name: str) -> FileResponse:
    """Give a stored upload back as an attachment.

    Call it only after the view fetched the record that owns the file through a selector
    that checks who asks (e.g. `record = get_object_or_404(imports_for_user(user=…), pk=…)`):
    the file has no URL of its own, so this is the only way out.
    """
    if not _STORED_NAME.match(stored_name):
        raise ValueError("not a stored upload name")
    kind = next((k for k, exts in KIND_EXTENSIONS.items() if stored_name.endswith(exts[0])), None)
    response = FileResponse(
        private_storage().open(stored_name, "rb"),
        as_attachment=True,
        filename=PurePath(download_name).name or stored_name.rsplit("/", 1)[-1],
        content_type=MIME_TYPES.get(kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


class UploadField(forms.FileField):
    """A form field whose cleaned value is an `Upload` of one of `kinds`."""

    def __init__(self, *, kinds=TABLE_KINDS, refusal=None, **kwargs):
        self.kinds = tuple(kinds)
        self.refusal = refusal
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if not file:
            return file
        if file.size is not None and file.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than {size} MB.").format(
                    size=_megabytes(settings.UPLOAD_MAX_BYTES)
                ),
                code="too_large",
            )
        file.seek(0)
        content = file.read()
        try:
            return upload_accept(
                name=file.name,
                content=content,
                kinds=self.kinds,
                refusal=str(self.refusal) if self.refusal else None,
            )
        except UploadRejected as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from None
