from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gridportal.core.tabular import ImportRejected
from gridportal.reliability.services import interruptions_import


class Command(BaseCommand):
    help = (
        "Import interruption history from CSV: one row per substation (ТП) per restoration "
        "step; columns event, branch, substation, started_at, restored_at and optionally "
        "customers, planned, operations, cause. A file with any bad row is rejected whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = interruptions_import(name=file.name, content=file.read_bytes())
        except ImportRejected as exc:
            raise CommandError(exc.message + "\n" + "\n".join(exc.errors)) from None
        self.stdout.write(
            self.style.SUCCESS(
                "{events} interruptions, {records} records imported.".format(**result)
            )
        )
