"""Observability: /metrics (token or network), our counters moving, JSON logs with the
request id that the answer echoes in X-Request-ID."""

import json
import logging
import re

import pytest

from gridportal.core.metrics import REPORTS_ACKNOWLEDGED, REPORTS_RECEIVED

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-metrics-token-for-tests"


@pytest.fixture
def metrics_settings(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []
    return settings


def scrape(client):
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return response.content.decode()


def sample(text, name, **labels):
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = rf"^{re.escape(name)}(?:\{{{re.escape(wanted)}\}})? ([0-9.e+-]+)$"
    match = re.search(pattern, text, re.M)
    return float(match.group(1)) if match else 0.0


def test_metrics_refuse_without_a_token_and_with_a_wrong_one(client, metrics_settings):
    response = client.get("/metrics")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope").status_code == 403


def test_metrics_with_the_token_show_requests_by_view_and_the_database(client, metrics_settings):
    client.get("/health/live/")
    text = scrape(client)
    assert 'view="core:health-live"' in text
    assert "django_http_requests_latency_seconds_by_view_method" in text
    assert "django_db_execute_total" in text or "django_db_new_connections_total" in text
    assert "gridportal_notification_queue_length" in text


def test_metrics_from_an_allowed_network_need_no_token(client, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["10.1.0.0/16"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.2.0.1").status_code == 401


def test_a_report_moves_the_received_and_acknowledged_counters(
    client, metrics_settings, django_capture_on_commit_callbacks
):
    from gridportal.core.intake import Origin
    from gridportal.outages.choices import Channel, Problem
    from gridportal.outages.services import Submission, report_submit
    from gridportal.testing.factories import address_create

    before = scrape(client)
    received = sample(before, "gridportal_outage_reports_received_total", channel="web")
    acknowledged = sample(before, "gridportal_outage_reports_acknowledged_total", channel="web")
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(
            submission=Submission(address=address_create(), problem=Problem.NO_POWER),
            origin=Origin(channel=Channel.WEB, ip_address="192.0.2.1"),
        )
    after = scrape(client)
    assert sample(after, "gridportal_outage_reports_received_total", channel="web") == received + 1
    assert (
        sample(after, "gridportal_outage_reports_acknowledged_total", channel="web")
        == acknowledged + 1
    )
    assert REPORTS_RECEIVED.labels(channel="web")._value.get() >= 1
    assert REPORTS_ACKNOWLEDGED.labels(channel="web")._value.get() >= 1


def test_json_log_lines_carry_the_request_id_the_answer_echoes(client, settings, capsys):
    from config.logs import logging_config

    logging.config.dictConfig(logging_config(json_logs=True, level="INFO"))
    try:
        given = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        response = client.get("/health/live/", HTTP_X_REQUEST_ID=given)
        assert response["X-Request-ID"] == given
        fresh = client.get("/health/live/")["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", fresh) and fresh != given
    finally:
        logging.config.dictConfig(settings.LOGGING)
    lines = [
        json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")
    ]
    requests = [line for line in lines if line.get("logger") == "gridportal.request"]
    assert {line["request_id"] for line in requests} >= {given, fresh}
    line = next(line for line in requests if line["request_id"] == given)
    assert (line["method"], line["path"], line["status"]) == ("GET", "/health/live/", 200)
    assert line["view"] == "core:health-live" and line["level"] == "INFO"
    assert "duration_ms" in line


def test_a_forged_request_id_is_replaced(client):
    response = client.get("/health/live/", HTTP_X_REQUEST_ID="<script>")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.parametrize(("dsn", "active"), [("", "False"), ("https://key@127.0.0.1:9/1", "True")])
def test_error_reporting_starts_only_with_a_dsn(tmp_path, dsn, active):
    import os
    import subprocess
    import sys

    from django.conf import settings as django_settings

    code = (
        "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        "django.setup(); import sentry_sdk; c = sentry_sdk.get_client();"
        "print(c.is_active(), c.options.get('send_default_pii') if c.is_active() else '-')"
    )
    env = {**os.environ, "SENTRY_DSN": dsn, "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    assert out[0] == active
    if active == "True":
        assert out[1] == "False"  # no personal data sent
