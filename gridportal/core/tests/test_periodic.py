"""The embedded tier's periodic jobs: the beat schedule declared beside each task, run
in-process when due (gridportal/core/periodic.py)."""

import datetime as dt
import os
import subprocess
import sys

import pytest
import time_machine
from celery import shared_task
from django.conf import settings
from django.core.management import call_command

from gridportal.core.periodic import PeriodicRunner

pytestmark = pytest.mark.django_db

EXPECTED = {
    "storm: snapshot rebuild",
    "storm: address buckets",
    "outages: planned reminders",
    "notifications: sweep deliveries",
    "notifications: erase stale contacts",
    "outages: planned work closed",
    "appeals: due-date reminders",
    "offices: remind bookings",
    "reliability: sync the archive",
}

calls = []


@shared_task(name="tests.periodic.record")
def record(value):
    calls.append(value)


@shared_task(name="tests.periodic.explode")
def explode():
    raise RuntimeError("boom")


def test_the_runner_knows_every_job_the_beat_would_run():
    runner = PeriodicRunner()
    assert set(runner.entries) >= EXPECTED


def test_a_due_job_runs_and_one_not_due_does_not(settings, tmp_path, company):
    settings.STORM_PUBLISH_DIR = str(tmp_path)
    start = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        runner = PeriodicRunner()
        ran, wait = runner.tick()
        assert ran == []  # nothing is due the moment the server starts
        assert 0 < wait <= 60
        assert not (tmp_path / "current").exists()

        clock.shift(61)
        ran, _ = runner.tick()
        assert ran == ["storm: snapshot rebuild"]
        # The real job ran: the outage snapshot was published for nginx.
        assert (tmp_path / "current" / "summary.json").exists()

        clock.shift(10)
        assert runner.tick()[0] == []  # not due again for a minute

        clock.shift(11 * 60)
        assert set(runner.tick()[0]) == {
            "storm: snapshot rebuild",
            "storm: address buckets",
            "notifications: sweep deliveries",
        }


def test_a_failing_job_does_not_stop_the_others():
    calls.clear()
    runner = PeriodicRunner(
        schedule={
            "explode": {"task": "tests.periodic.explode", "schedule": 5.0},
            "record": {"task": "tests.periodic.record", "schedule": 5.0, "args": (7,)},
        }
    )
    runner.all_due()
    assert sorted(runner.tick()[0]) == ["explode", "record"]
    assert calls == [7]


def test_run_periodic_once_runs_every_job(settings, tmp_path, company, capsys):
    settings.STORM_PUBLISH_DIR = str(tmp_path)
    call_command("run_periodic", once=True)
    out = capsys.readouterr().out
    assert f"ran {len(PeriodicRunner().entries)}" in out
    assert (tmp_path / "current" / "summary.json").exists()


@pytest.mark.parametrize(("redis_url", "started"), [("", True), ("redis://127.0.0.1:1/0", False)])
def test_the_web_process_starts_the_scheduler_only_without_a_broker(tmp_path, redis_url, started):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": redis_url,
        "DEBUG": "true",
    }
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    code = "import threading, config.wsgi; print([t.name for t in threading.enumerate()])"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert ("gridportal-periodic" in out) is started
