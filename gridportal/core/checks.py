"""System checks for a production deployment (`manage.py check --deploy`)."""

from __future__ import annotations

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, Tags, Warning, register
from django.core.files.storage import storages


@register(Tags.staticfiles, deploy=True)
def static_manifest_present(app_configs=None, **kwargs):
    """With the manifest storage every page needs `collectstatic`'s manifest, else each is a 500."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            "The static files manifest is missing, so every page would answer 500.",
            hint=f"Run `manage.py collectstatic --noinput` (STATIC_ROOT={storage.location}).",
            id="core.E001",
        )
    ]


NO_FONT = (
    "No Unicode TrueType font for PDF documents (connection contracts and acts, certificates).",
    "Install fonts-dejavu-core (Debian, Ubuntu) or set PDF_FONT to a .ttf with Cyrillic.",
)


@register()
def pdf_font_present(app_configs=None, **kwargs):
    """Without the font the embedded tier skips generated documents (a warning)."""
    from .pdf import unicode_font

    if unicode_font() is not None:
        return []
    return [Warning(NO_FONT[0], hint=NO_FONT[1], id="core.W002")]


@register(deploy=True)
def pdf_font_present_in_production(app_configs=None, **kwargs):
    """In production issuing a contract without its documents is refused: the font must be there."""
    from .pdf import unicode_font

    if unicode_font() is not None:
        return []
    return [Error(NO_FONT[0], hint=NO_FONT[1], id="core.E002")]
