"""One command shape for every capacity import: a file in, all rows or none, errors listed."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gridportal.core.bulk import bulk_load_finished

from ...importers import ImportRejected


class FileImportCommand(BaseCommand):
    """Subclasses name the service that imports the file and the sentence that reports it."""

    importer = None  # a service taking name= and content=, returning counts
    done = ""  # str.format template over the counts

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        started = time.monotonic()
        try:
            result = type(self).importer(name=file.name, content=file.read_bytes())
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(exc.message) from None
        bulk_load_finished(
            type(self).importer.__name__,
            seconds=time.monotonic() - started,
            app_labels=["capacity"],
        )
        self.stdout.write(self.done.format(**result))
