"""Logs and error reports: JSON lines with the request id, Sentry when a DSN is given.

Imported by settings, so nothing here may import models or Django's request machinery.
"""

from __future__ import annotations

import logging


def logging_config(*, json_logs: bool, level: str) -> dict:
    """Logging: one JSON object per line (LOG_FORMAT=json) or plain text, with request ids."""
    fmt = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"
    formatter = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": fmt,
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        }
        if json_logs
        else {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "config.logs.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "django_guid": {"level": "WARNING"},
            # One line per request comes from gridportal.request; the server's own is noise.
            "django.server": {"level": "WARNING"},
        },
    }


class RequestIdFilter(logging.Filter):
    """Puts the request id (django-guid; X-Request-ID) on every record as `request_id`."""

    def filter(self, record):
        from django_guid import get_guid

        record.request_id = get_guid() or "-"
        return True


def sentry_init(dsn: str, *, environment: str, traces_sample_rate: float) -> None:
    """Error reporting by DSN; called from settings only when SENTRY_DSN is set."""
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,  # personal data stays in the portal (152-FZ)
    )
