from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gridportal.outages.storm.services import snapshot_publish, snapshot_rebuild


class Command(BaseCommand):
    help = "Rebuild the storm snapshot and write it as static files (STORM_PUBLISH_DIR or --dir)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="", help="Publish here instead of STORM_PUBLISH_DIR.")

    def handle(self, *args, **options):
        directory = options["dir"] or getattr(settings, "STORM_PUBLISH_DIR", "")
        if not directory:
            raise CommandError("Set STORM_PUBLISH_DIR or pass --dir.")
        snapshot = snapshot_rebuild(publish_dir=directory)
        target = snapshot_publish(snapshot=snapshot, directory=directory)
        self.stdout.write(
            f"snapshot {snapshot.version}: {len(snapshot.answers)} affected substations, "
            f"published to {target}"
        )
