"""The Celery worker keeps its database connections between tasks, as a web process keeps
them between requests (CONN_MAX_AGE), and drops one that is too old or broken."""

import time

import pytest
from django.db import connection

from config.celery import _database_connections_check


@pytest.mark.django_db(transaction=True)
def test_a_task_keeps_a_fresh_connection_and_drops_an_old_one(settings):
    if connection.vendor != "postgresql":
        pytest.skip("Django never closes the test run's in-memory SQLite database")
    connection.ensure_connection()
    kept = connection.connection
    connection.close_at = time.monotonic() + 60
    _database_connections_check(task=None)
    assert connection.connection is kept

    connection.close_at = time.monotonic() - 1  # past CONN_MAX_AGE
    _database_connections_check(task=None)
    assert connection.connection is None


def test_celery_is_told_to_keep_connections(settings):
    from config.celery import app

    assert app.conf.get("DB_REUSE_MAX") == settings.CELERY_DB_REUSE_MAX > 0
