"""The end of every bulk load: fresh planner statistics and the load's duration.

A freshly loaded PostgreSQL table has no statistics until autovacuum gets round to it,
and until then the planner guesses: on the large demo company address look-ups ran at
p99 ≈ 115 ms instead of ≈ 13 ms after `ANALYZE`. So `seed_demo`, `import_grid` and the
measurement imports finish with `ANALYZE` of the tables they filled. SQLite has no
such planner statistics worth keeping: nothing is done there.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.apps import apps
from django.db import connection

from . import metrics

logger = logging.getLogger(__name__)


def analyze(models: Iterable) -> list[str]:
    """`ANALYZE` the tables of these models on PostgreSQL; return the table names analysed."""
    if connection.vendor != "postgresql":
        return []
    tables = sorted({model._meta.db_table for model in models if model._meta.managed})
    if tables:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))
    return tables


def bulk_load_finished(
    name: str, *, seconds: float, models: Iterable = (), app_labels: Iterable[str] = ()
) -> None:
    """Call at the end of a bulk load that took `seconds`.

    Analyses the tables of `models` and of every model of `app_labels` and records how
    long the load took (the `gridportal_import_duration_seconds` metric).
    """
    every = list(models)
    for label in app_labels:
        every.extend(apps.get_app_config(label).get_models(include_auto_created=True))
    analysed = analyze(every)
    metrics.IMPORT_SECONDS.labels(name=name.split(" ")[0]).observe(seconds)
    logger.info("bulk load %s: %.1f s, analysed %d tables", name, seconds, len(analysed))
