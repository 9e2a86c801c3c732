import contextlib
import threading

from django.core.management.base import BaseCommand

from gridportal.core.periodic import PeriodicRunner


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (Celery's beat schedule) in this process, in the foreground: "
        "for the embedded tier without a broker. With Redis, run `celery -A config beat`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once now, then exit."
        )
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, once=False, list=False, **options):  # noqa: A002
        runner = PeriodicRunner()
        if list:
            for name, entry in sorted(runner.entries.items()):
                self.stdout.write(f"{name}: {entry.task} every {entry.schedule}")
            return
        if once:
            runner.all_due()
            ran, wait = runner.tick()
            self.stdout.write(f"ran {len(ran)}: {', '.join(ran) or '-'}; next in {wait:.0f} s")
            return
        self.stdout.write(f"Running {len(runner.entries)} periodic jobs; Ctrl+C stops.")
        with contextlib.suppress(KeyboardInterrupt):
            runner.run_forever(threading.Event())
