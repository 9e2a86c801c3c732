"""The /metrics endpoint (Prometheus) and the metrics read at scrape time.

Lives in config/ (the top layer) because the scrape reads several apps' tables; the
counters apps increment are in gridportal/core/metrics.py, request and database metrics
come from django-prometheus. docs/operations.md says how to collect them.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import time

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from gridportal.core.services import client_ip

logger = logging.getLogger(__name__)


class LiveCollector:
    """What is true now, read from the database and the cache when Prometheus scrapes."""

    def collect(self):
        yield from self._notifications()
        yield from self._snapshot()

    def _notifications(self):
        from django.db.models import Count

        from gridportal.notifications.choices import DeliveryStatus
        from gridportal.notifications.models import Delivery

        try:
            counts = dict(Delivery.objects.values_list("status").annotate(n=Count("id")).order_by())
        except Exception:  # a scrape must answer even with the database down
            logger.warning("metrics: notification counts unavailable", exc_info=True)
            return
        queued = counts.get(DeliveryStatus.QUEUED, 0) + counts.get(DeliveryStatus.SENDING, 0)
        yield GaugeMetricFamily(
            "gridportal_notification_queue_length",
            "Notification deliveries waiting to be sent (queued or sending).",
            value=queued,
        )
        by_status = GaugeMetricFamily(
            "gridportal_notification_deliveries",
            "Notification deliveries by status (failed = delivery failures kept for retry).",
            labels=["status"],
        )
        for status in DeliveryStatus.values:
            by_status.add_metric([status], counts.get(status, 0))
        yield by_status

    def _snapshot(self):
        from gridportal.outages.storm.services import snapshot_current

        try:
            generated = snapshot_current().generated_at
        except Exception:
            logger.warning("metrics: storm snapshot unavailable", exc_info=True)
            return
        yield GaugeMetricFamily(
            "gridportal_storm_snapshot_age_seconds",
            "Seconds since the storm snapshot this process serves was built.",
            value=max(time.time() - generated.timestamp(), 0.0),
        )


_LIVE = CollectorRegistry(auto_describe=False)
_LIVE.register(LiveCollector())


def _allowed(request) -> HttpResponse | None:
    """None when the scraper may read; else the refusal (401 asks for the bearer token)."""
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and given.startswith("Bearer "):
        if hmac.compare_digest(given.removeprefix("Bearer ").strip(), token):
            return None
        return HttpResponse("Wrong metrics token.\n", status=403, content_type="text/plain")
    address = client_ip(request)
    if address and settings.METRICS_ALLOWED_NETWORKS:
        ip = ipaddress.ip_address(address)
        for cidr in settings.METRICS_ALLOWED_NETWORKS:
            network = ipaddress.ip_network(cidr, strict=False)
            if ip.version == network.version and ip in network:
                return None
    refusal = HttpResponse(
        "Metrics need a bearer token (METRICS_TOKEN) or an allowed network "
        "(METRICS_ALLOWED_NETWORKS).\n",
        status=401,
        content_type="text/plain",
    )
    refusal["WWW-Authenticate"] = 'Bearer realm="metrics"'
    return refusal


@require_GET
def metrics_view(request):
    refusal = _allowed(request)
    if refusal is not None:
        return refusal
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    body = generate_latest(registry) + generate_latest(_LIVE)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
