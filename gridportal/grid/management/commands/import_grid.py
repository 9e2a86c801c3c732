import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gridportal.core.bulk import bulk_load_finished
from gridportal.grid.importers import KINDS, ImportFailed, import_file


class Command(BaseCommand):
    help = (
        "Import power centres, transformers, feeders, substations or addresses from CSV or "
        "GeoJSON (docs/formats/grid-import.md). A file with any bad row is rejected whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("path")

    def handle(self, *args, kind, path, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        started = time.monotonic()
        try:
            result = import_file(kind=kind, data=file.read_bytes(), filename=file.name)
        except ImportFailed as failure:
            raise CommandError(
                "The file was not imported:\n" + "\n".join(failure.errors[:200])
            ) from None
        bulk_load_finished(
            f"import_grid {kind}", seconds=time.monotonic() - started, app_labels=["grid"]
        )
        self.stdout.write(
            self.style.SUCCESS(f"{kind}: {result.created} created, {result.updated} updated.")
        )
