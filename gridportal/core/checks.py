"""System checks for a production deployment (`manage.py check --deploy`)."""

from __future__ import annotations

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, Tags, register
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
