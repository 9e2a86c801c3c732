"""Public reads from a streaming read replica; everything else from the primary.

A database alias `replica` exists when DATABASE_REPLICA_URL is set (config/settings.py);
without it this router sends everything to `default`. With it:

* `ReplicaReadsMiddleware` marks a request as a replica read when it is a GET or HEAD of a
  view named in REPLICA_READ_VIEWS (public look-ups, outage pages, the load map, open
  data: answers that tolerate seconds of lag), for the duration of the view;
* `ReplicaRouter` then sends that view's reads to `replica`, except reads of people,
  sessions and sign-in (accounts, auth, sessions, axes, admin) and any read inside a
  transaction, which must see the primary's own writes;
* every write goes to `default`, and so does every read of every other request (staff
  pages, forms, the API's writes, tasks, management commands);
* a replica that cannot be reached is left alone for REPLICA_RETRY_SECONDS: the reads go to
  the primary, and a replica view that failed on the replica half-way is run again there.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections, transaction

from .degraded import database_down

logger = logging.getLogger(__name__)

REPLICA = "replica"
PRIMARY = "default"
PRIMARY_APP_LABELS = frozenset({"accounts", "auth", "sessions", "axes", "admin", "contenttypes"})

_replica_reads: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "gridportal_replica_reads", default=False
)
_down_until = 0.0


def replica_configured() -> bool:
    return REPLICA in connections.settings


def replica_usable() -> bool:
    """Configured, not known to be down, and it answers a connection now."""
    global _down_until
    if not replica_configured() or time.monotonic() < _down_until:
        return False
    replica = connections[REPLICA]
    try:
        # A kept-alive connection to a replica stopped since: the health check Django does
        # at its first query in a request (CONN_HEALTH_CHECKS), done here, before the view.
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except DatabaseError as error:
        replica_failed(error)
        return False
    return True


def replica_failed(error: BaseException) -> None:
    """Leave the replica alone for a while; reads go to the primary meanwhile."""
    global _down_until
    _down_until = time.monotonic() + float(getattr(settings, "REPLICA_RETRY_SECONDS", 10))
    logger.warning("replica unavailable, reading from the primary: %s", error)
    with contextlib.suppress(Exception):
        connections[REPLICA].close()


def _replica_alive() -> bool:
    replica = connections[REPLICA]
    try:
        return replica.connection is not None and replica.is_usable()
    except Exception:
        return False


def replica_reset() -> None:
    """Forget a past failure (tests, and an operator's `manage.py shell`)."""
    global _down_until
    _down_until = 0.0


@contextlib.contextmanager
def replica_reads(enabled: bool = True):
    """Reads inside go to the replica (when there is one and no transaction is open)."""
    token = _replica_reads.set(enabled)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class ReplicaRouter:
    """Reads of whitelisted public views to `replica`; writes and the rest to `default`."""

    def db_for_read(self, model, **hints):
        if not _replica_reads.get() or not replica_configured():
            return PRIMARY
        if model._meta.app_label in PRIMARY_APP_LABELS:
            return PRIMARY
        if transaction.get_connection(PRIMARY).in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # One database, two doors: objects read from either may be related.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's WAL; it is never migrated on its own.
        return False if db == REPLICA else None


def _view_matches(match, names) -> bool:
    if match is None:
        return False
    if match.view_name in names:
        return True
    return any(n.endswith(":*") and match.view_name.startswith(n[:-1]) for n in names)


class ReplicaReadsMiddleware:
    """Marks GET/HEAD requests of REPLICA_READ_VIEWS as replica reads (see the module)."""

    METHODS = ("GET", "HEAD")

    def __init__(self, get_response):
        self.get_response = get_response
        self.names = frozenset(getattr(settings, "REPLICA_READ_VIEWS", ()))

    def __call__(self, request):
        request._replica_token = None
        try:
            return self.get_response(request)
        finally:
            token = getattr(request, "_replica_token", None)
            if token is not None:
                _replica_reads.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method in self.METHODS
            and replica_configured()
            and _view_matches(request.resolver_match, self.names)
            and replica_usable()
        ):
            request._replica_token = _replica_reads.set(True)
            request._replica_view = (view_func, view_args, view_kwargs)
        return None

    def process_exception(self, request, exception):
        """The replica went away half-way through a read-only view: run it on the primary."""
        token = getattr(request, "_replica_token", None)
        if token is None or not database_down(exception) or _replica_alive():
            return None
        replica_failed(exception)
        _replica_reads.reset(token)
        request._replica_token = None
        view_func, view_args, view_kwargs = request._replica_view
        try:
            return view_func(request, *view_args, **view_kwargs)
        except Exception:  # the primary is down too: the degraded page answers
            logger.warning("replica fallback failed for %s", request.path, exc_info=True)
            return None
