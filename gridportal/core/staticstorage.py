"""Static files in production: WhiteNoise's compressed manifest storage, made to cope with
third-party packages that reference a source map they do not ship.

leaflet.markercluster (XStatic) ends its minified file with `//# sourceMappingURL=…js.map`
but the package has no such file, so Django's manifest storage refuses to collect it
(`MissingFileError`). A source-map comment whose target is missing is dropped instead —
browsers only fetch source maps for developer tools. Every other missing reference
(CSS `url()`, an `@import`) still fails `collectstatic` loudly.
"""

from __future__ import annotations

import logging
import re

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)

SOURCE_MAP = re.compile(r"^(//|/\*)# sourceMappingURL=")


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def converter(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                if not SOURCE_MAP.match(matchobj.group("matched")):
                    raise
                logger.info(
                    "static: %s references a missing source map %s; reference dropped",
                    name,
                    matchobj.group("url"),
                )
                return ""

        return converter
