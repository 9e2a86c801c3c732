"""gunicorn settings for Gridportal (used by deploy/systemd/gridportal-web.service and CI).

    gunicorn config.wsgi --config deploy/gunicorn.conf.py

Everything can be overridden on the command line or by GUNICORN_* variables below.
"""

import glob
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: a request is a few database queries; 2 × cores + 1 keeps the CPU busy
# while some wait on PostgreSQL (docs/operations.md, sizing).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Below nginx's proxy_read_timeout (35 s); imports stop themselves at IMPORT_MAX_SECONDS (20 s).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory growth of long-lived processes).
max_requests = 5000
max_requests_jitter = 500
# nginx logs every request; the application logs one JSON line per request with its id.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Start each run with an empty multiprocess metrics directory (prometheus_client)."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        os.makedirs(directory, exist_ok=True)
        for path in glob.glob(os.path.join(directory, "*.db")):
            os.remove(path)


def child_exit(server, worker):
    """A worker's live gauges leave with it (prometheus_client multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
