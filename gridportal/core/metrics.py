"""The portal's own Prometheus metrics (beside django-prometheus' requests and queries).

Defined here, at the bottom of the layers, so any app can count with a one-line hook;
what is measured at scrape time from the database (notification queue, snapshot age)
is collected by config/observability.py. With PROMETHEUS_MULTIPROC_DIR set (gunicorn
with several workers, Celery, management commands) prometheus_client keeps each
process's values in files there and the scrape adds them up (docs/operations.md).
"""

from __future__ import annotations

from django.db import transaction
from prometheus_client import Counter, Histogram

REPORTS_RECEIVED = Counter(
    "gridportal_outage_reports_received_total",
    "Outage reports that reached the intake service (repeats and refusals included).",
    ["channel"],
)
REPORTS_ACKNOWLEDGED = Counter(
    "gridportal_outage_reports_acknowledged_total",
    "Outage reports persisted (committed) and acknowledged to the person.",
    ["channel"],
)
REPORTS_ROLLED_UP = Counter(
    "gridportal_outage_reports_rolled_up_total",
    "Outage reports placed by the roll-up for the first time (in an incident or unassigned).",
)
ROLLUP_LAG_SECONDS = Histogram(
    "gridportal_outage_rollup_lag_seconds",
    "From a report's acknowledgement to its first roll-up (0 when rolled up in the request).",
    buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900),
)
ROLLUP_SECONDS = Histogram(
    "gridportal_outage_rollup_duration_seconds",
    "One roll-up run over one power centre (under its row lock).",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
SNAPSHOT_REBUILD_SECONDS = Histogram(
    "gridportal_storm_snapshot_rebuild_seconds",
    "Time to rebuild (and publish) the storm snapshot.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
IMPORT_SECONDS = Histogram(
    "gridportal_import_duration_seconds",
    "Duration of bulk loads and imports (seed_demo, import_grid, measurement imports).",
    ["name"],
    buckets=(0.5, 1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600),
)


def report_received(channel: str) -> None:
    REPORTS_RECEIVED.labels(channel=str(channel)).inc()


def report_acknowledged(channel: str) -> None:
    """Counted when the surrounding transaction commits: acknowledged means persisted."""
    transaction.on_commit(lambda: REPORTS_ACKNOWLEDGED.labels(channel=str(channel)).inc())


def reports_rolled_up(lags: list[float]) -> None:
    """Reports a roll-up placed for the first time, each with its lag in seconds.

    Counted when the roll-up's transaction commits, like the acknowledgement.
    """
    if not lags:
        return

    def count():
        REPORTS_ROLLED_UP.inc(len(lags))
        for lag in lags:
            ROLLUP_LAG_SECONDS.observe(max(lag, 0.0))

    transaction.on_commit(count)
