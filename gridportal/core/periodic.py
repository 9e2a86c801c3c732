"""Periodic jobs without Celery beat: the embedded tier (`make run`: no Redis, eager tasks).

The schedule is declared once, where each task lives (`add_periodic_task` in the apps'
tasks.py, which fills Celery's `beat_schedule`). In production Celery beat runs it. In
the embedded tier there is no beat and no worker, so this runner walks the same entries
with Celery's own schedule objects (`celery.beat.ScheduleEntry`: intervals, crontabs)
and runs each due task in-process (`Task.apply`), one at a time.

Started by config/wsgi.py in the process that serves pages (runserver, or gunicorn
without a broker) when tasks are eager and EMBEDDED_SCHEDULER is on, or in the
foreground by `manage.py run_periodic`. A lock file makes sure one process on the
machine runs the jobs even when several serve pages.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import sys
import tempfile
import threading
from hashlib import sha256
from pathlib import Path

from celery import current_app
from celery.beat import ScheduleEntry
from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
MAX_SLEEP = 30.0  # seconds: re-check at least this often (a clock change, a new lock holder)


class PeriodicRunner:
    """Runs the entries of a Celery beat schedule in this process when they fall due."""

    def __init__(self, app=None, schedule: dict | None = None):
        self.app = app or current_app
        self.app.loader.import_default_modules()  # every app's tasks.py
        self.app.finalize(auto=True)
        if schedule is None:
            # The tasks modules add their entries when the app finalizes; one imported after
            # that (a test run, a shell) missed it. add_periodic_task is keyed by name, so
            # announcing the finalization again only fills in what is missing.
            self.app.on_after_finalize.send(sender=self.app)
        definitions = self.app.conf.beat_schedule if schedule is None else schedule
        self.entries = {
            name: ScheduleEntry(
                name=name,
                task=spec["task"],
                schedule=spec["schedule"],
                args=tuple(spec.get("args") or ()),
                kwargs=dict(spec.get("kwargs") or {}),
                options=dict(spec.get("options") or {}),
                app=self.app,
            )
            for name, spec in definitions.items()
        }

    def all_due(self) -> None:
        """Treat every entry as due now (`run_periodic --once`, e.g. from cron)."""
        for entry in self.entries.values():
            entry.last_run_at = LONG_AGO

    def tick(self) -> tuple[list[str], float]:
        """Run every due entry; return the names run and the seconds until the next is due."""
        ran, wait = [], MAX_SLEEP
        for name, entry in list(self.entries.items()):
            due, next_in = entry.is_due()
            if due:
                self.entries[name] = entry = next(entry)
                self._run(entry)
                ran.append(name)
                due, next_in = entry.is_due()
            wait = min(wait, max(float(next_in), 0.5))
        return ran, wait

    def _run(self, entry: ScheduleEntry) -> None:
        task = self.app.tasks.get(entry.task)
        if task is None:
            logger.error("periodic: %s names an unknown task %s", entry.name, entry.task)
            return
        _tidy_connections()
        try:
            result = task.apply(args=entry.args, kwargs=entry.kwargs, throw=False)
            if result.failed():
                logger.error("periodic: %s failed: %r", entry.name, result.result)
            else:
                logger.info("periodic: %s done", entry.name)
        finally:
            _tidy_connections()

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with _machine_lock() as held:
                if held:
                    _, wait = self.tick()
                else:
                    wait = MAX_SLEEP  # another process runs the jobs; take over if it stops
            stop.wait(wait)


def _tidy_connections() -> None:
    """Like close_old_connections (a job runs like a request), sparing a connection inside a
    transaction (a test, or a caller's atomic block)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def _lock_path() -> Path:
    name = sha256(str(settings.BASE_DIR).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"gridportal-periodic-{name}.lock"


_held_lock = None


@contextlib.contextmanager
def _machine_lock():
    """Held for the life of the process once acquired; True while this process is the runner."""
    global _held_lock
    if _held_lock is None:
        handle = open(_lock_path(), "a")  # noqa: SIM115 — kept open while held
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            yield False
            return
        _held_lock = handle
    yield True


def embedded_scheduler_wanted() -> bool:
    return (
        getattr(settings, "EMBEDDED_SCHEDULER", False)
        and getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
        and "pytest" not in sys.modules
        and os.environ.get("GRIDPORTAL_NO_SCHEDULER") != "1"
    )


_started: threading.Thread | None = None


def embedded_scheduler_start() -> threading.Thread | None:
    """Start the runner in a daemon thread of this process, once, if the tier wants it."""
    global _started
    if _started is not None or not embedded_scheduler_wanted():
        return _started
    runner = PeriodicRunner()
    _started = threading.Thread(
        target=runner.run_forever,
        args=(threading.Event(),),
        name="gridportal-periodic",
        daemon=True,
    )
    _started.start()
    logger.info("periodic: in-process scheduler started (%d jobs)", len(runner.entries))
    return _started
