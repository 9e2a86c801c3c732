from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importers import ImportRejected
from ...services import measurements_import


class Command(BaseCommand):
    help = (
        "Import control measurements (CSV or XLSX: dispatch number, transformer, load MVA, date). "
        "A file with any bad row is rejected whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = measurements_import(name=file.name, content=file.read_bytes())
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(exc.message) from None
        self.stdout.write(
            "Imported {created} new and {updated} corrected measurements "
            "for {power_centres} power centres.".format(**result)
        )
