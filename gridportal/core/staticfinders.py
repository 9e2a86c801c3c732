"""Serve XStatic packages (Leaflet, MarkerCluster) as static files under their own prefix.

The packages are installed from PyPI with the project; nothing is copied into
the repository or fetched from a CDN.
"""

import importlib

from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import get_files
from django.core.files.storage import FileSystemStorage

XSTATIC_PACKAGES = {
    "leaflet": "xstatic.pkg.leaflet",
    "leaflet_markercluster": "xstatic.pkg.leaflet_markercluster",
}


class XStaticFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        self.storages = {}
        for prefix, module_name in XSTATIC_PACKAGES.items():
            module = importlib.import_module(module_name)
            storage = FileSystemStorage(location=module.BASE_DIR)
            storage.prefix = prefix
            self.storages[prefix] = storage

    def find(self, path, find_all=False, **kwargs):
        find_all = kwargs.get("all", find_all)
        matches = []
        for prefix, storage in self.storages.items():
            if path.startswith(prefix + "/"):
                relative = path[len(prefix) + 1 :]
                if storage.exists(relative):
                    match = storage.path(relative)
                    if not find_all:
                        return match
                    matches.append(match)
        return matches

    def list(self, ignore_patterns):
        for storage in self.storages.values():
            for path in get_files(storage, ignore_patterns):
                yield path, storage
