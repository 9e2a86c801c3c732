import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("gridportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_prerun.connect
def _database_connections_check(task=None, **kwargs):
    """Before each task on a worker, what Django does before each request: a connection
    past CONN_MAX_AGE or broken by an error is closed, the others are kept. (Celery itself
    would close every connection after every task; CELERY_DB_REUSE_MAX spares them.) An
    eager task runs inside its caller's transaction and leaves the connection alone."""
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()
