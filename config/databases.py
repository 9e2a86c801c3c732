"""Databases: the primary from DATABASE_URL, an optional streaming read replica from
DATABASE_REPLICA_URL (docs/operations.md, «Read replica»), both on django-prometheus'
instrumented backends; and the public views whose reads may go to the replica.

Imported by settings, so nothing here may import models or Django's request machinery.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

# Query counts and latency per database (django-prometheus' instrumented backends).
INSTRUMENTED = {
    "django.db.backends.postgresql": "django_prometheus.db.backends.postgresql",
    "django.db.backends.sqlite3": "django_prometheus.db.backends.sqlite3",
}

# The views whose GET answers may be seconds old (URL names; "namespace:*" for all of one):
# public look-ups, outage pages, the load map and open data. Writes, staff pages, sessions
# and reads inside a transaction use the primary (gridportal/core/db_router.py).
REPLICA_READ_VIEWS = [
    "core:home",
    "grid:address-search",
    "grid:address",
    "grid:address-text",
    "outages:outages",
    "outages:status",
    "outages:status-text",
    "outages:planned",
    "outages:planned-ics",
    "outages:incident",
    "outages:etr-accuracy",
    "capacity:map",
    "capacity:map-data",
    "capacity:download",
    "capacity:substations-download",
    "capacity:power-centre",
    "capacity:nearby",
    "capacity:quarters",
    "capacity:quarter-map",
    "capacity:quarter-map-data",
    "capacity:quarter-download",
    "capacity:quarter-substations-download",
    "capacity:quarter-power-centre",
    "api:address-search",
    "api:address-page",
    "api:outages-status",
    "api:outages-planned",
    "api:outages-feed",
    "api:outages-feed-geojson",
    "api:power-centre-list",
    "api:power-centre-detail",
    "api:capacity-nearby",
    "api:capacity-quarters",
]


def databases(env, base_dir) -> dict:
    """DATABASES from the environment: `default`, and `replica` when its URL is set."""
    default = env.db("DATABASE_URL", default=f"sqlite:///{base_dir / 'gridportal.sqlite3'}")
    default.setdefault("ATOMIC_REQUESTS", False)
    if default["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the look-up pages read while a report is being written.
        options = default.setdefault("OPTIONS", {})
        options.setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
        options.setdefault("transaction_mode", "IMMEDIATE")
        options.setdefault("timeout", 20)
    else:
        default.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
        default.setdefault("CONN_HEALTH_CHECKS", True)
        # Django turns psycopg's prepared statements off (None) for PgBouncer's sake; the
        # report intake asks for them by name (core/inserts.py, `fetch_prepared`). Nothing
        # else is prepared: Django's cursors bind on the client. False: none at all
        # (PgBouncer before 1.21 in transaction mode).
        if env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
            default.setdefault("OPTIONS", {}).setdefault("prepare_threshold", 1_000_000)
    default["ENGINE"] = INSTRUMENTED.get(default["ENGINE"], default["ENGINE"])
    result = {"default": default}
    url = env.str("DATABASE_REPLICA_URL", default="")
    if url:
        replica = env.db_url_config(url)
        replica["ENGINE"] = INSTRUMENTED.get(replica["ENGINE"], replica["ENGINE"])
        if replica["ENGINE"] != default["ENGINE"]:
            raise ImproperlyConfigured("DATABASE_REPLICA_URL must use the engine of DATABASE_URL.")
        replica.setdefault("CONN_MAX_AGE", default.get("CONN_MAX_AGE", 0))
        replica.setdefault("CONN_HEALTH_CHECKS", True)
        # A stopped replica must not hold a page up: fail fast, read from the primary.
        replica.setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env.int("DATABASE_REPLICA_CONNECT_TIMEOUT", default=2)
        )
        # In tests the replica is the test database itself.
        replica["TEST"] = {"MIRROR": "default"}
        result["replica"] = replica
    return result
