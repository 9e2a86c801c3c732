"""Degraded mode with a real second process: the database is down, the site stays up.

This test process fills the storm snapshot, the address mapping and the company's
contacts in a real Redis (as the web processes and the Celery worker do on a normal
day). Then a second application process (gunicorn) starts with DATABASE_URL pointing
at a closed port and the same Redis, and is asked over HTTP what people ask on a storm
day. Every page answers 200 from the snapshot or the 503 page with the hotline; never
a 500, and a report is never acknowledged with a number.

It runs in both CI passes: the second process's database is down whatever this
process uses (SQLite or PostgreSQL). It needs Redis (skipped when none answers).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.utils.crypto import get_random_string

from gridportal.core.degraded import contacts_local_clear
from gridportal.outages.storm import selectors, services

pytestmark = pytest.mark.django_db

PREFIX = "test"  # the redis_cache fixture's key prefix (conftest.py)
HOTLINE = "8-800-000-00-00"  # CompanyFactory's hotline
START_SECONDS = 60
REQUEST_SECONDS = 15


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def shared_cache(redis_cache):
    """This process's cache is the Redis the second process will read."""
    services._local.clear()
    selectors.address_local_clear()
    contacts_local_clear()
    yield redis_cache
    services._local.clear()
    selectors.address_local_clear()
    contacts_local_clear()


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class App:
    """The second process, asked over HTTP with bounded timeouts."""

    def __init__(self, base: str):
        self.base = base
        self.answers: list[tuple[str, int]] = []

    def request(self, method: str, path: str, *, data: bytes | None = None, headers=None):
        request = urllib.request.Request(
            self.base + path, data=data, method=method, headers=headers or {}
        )
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_SECONDS) as response:
                answer = Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, error.headers, error.read())
        self.answers.append((f"{method} {path}", answer.status))
        return answer

    def get(self, path: str, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path: str, body: bytes, content_type: str, **headers):
        return self.request(
            "POST", path, data=body, headers={"Content-Type": content_type, **headers}
        )


@pytest.fixture
def app_without_database(shared_cache, tmp_path):
    """gunicorn serving the portal with its database unreachable; killed at the end."""
    port, closed = _free_port(), _free_port()
    env = {
        **os.environ,
        "DEBUG": "true",
        # Nothing listens on `closed`: every connection attempt is refused at once.
        "DATABASE_URL": f"postgres://gridportal@127.0.0.1:{closed}/gridportal?connect_timeout=2",
        "REDIS_URL": shared_cache,
        "CACHE_KEY_PREFIX": PREFIX,
        "CELERY_BROKER_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "true",
    }
    log = tmp_path / "gunicorn.log"
    root = Path(django_settings.BASE_DIR)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "2",
                "--timeout",
                "30",
                "--graceful-timeout",
                "2",
            ],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    app = App(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"the second process exited:\n{log.read_text()[-3000:]}")
            try:
                if app.get("/health/live/").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the second process did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        app.answers.clear()
        yield app
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if any(status >= 500 and status != 503 for _, status in app.answers):
        pytest.fail(f"answers: {app.answers}\n{log.read_text()[-3000:]}")


def _unavailable_page(answer: Answer) -> bool:
    return (
        answer.status == 503
        and HOTLINE in answer.text
        and int(answer.headers["Retry-After"]) > 0
        and 'data-testid="unavailable"' in answer.text
    )


@pytest.fixture
def storm_day(client, network, outage, shared_cache):
    """The first process: the snapshot, the address mapping and the contacts are in Redis."""
    services.snapshot_rebuild()
    assert selectors.address_buckets_warm() >= 1  # the beat task: every address is known
    return network


def test_warming_puts_every_address_in_the_cache_once_in_a_while(
    network, django_assert_num_queries
):
    assert selectors.address_buckets_warm() >= 1
    assert selectors.address_buckets_warm() == 0  # not again within 12 hours
    selectors.address_local_clear()  # as if this were another process
    with django_assert_num_queries(0):
        found = [selectors.address_substation(a.pk) for a in network.addresses]
    assert found == [a.substation_id for a in network.addresses]
    assert selectors.address_substation(network.addresses[-1].pk + 1) == selectors.NO_ADDRESS


@pytest.mark.redis
def test_the_site_answers_from_the_snapshot_while_the_database_is_down(
    storm_day, app_without_database
):
    app, network = app_without_database, storm_day
    out = network.addresses_of(network.substations[0])[0]

    assert app.get("/health/live/").status == 200
    ready = app.get("/health/")
    assert ready.status == 503
    assert ready.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert app.get("/health/ready/").status == 503

    home = app.get("/")
    assert home.status == 200
    assert "Карельский филиал" in home.text and HOTLINE in home.text
    assert 'data-testid="degraded"' in home.text

    status = app.get(f"/outages/status/?address={out.pk}")
    assert status.status == 200
    assert "answer-outage" in status.text
    assert 'data-testid="snapshot-at"' in status.text
    calm = app.get(f"/outages/status/?address={network.addresses[-1].pk}")
    assert calm.status == 200 and "answer-none" in calm.text
    text = app.get(f"/outages/text/?address={out.pk}")
    assert text.status == 200 and "<style" not in text.text
    # An address whose mapping no process has seen: the database would be needed.
    unseen = max(a.pk for a in network.addresses) + 10 * selectors.BUCKET
    assert _unavailable_page(app.get(f"/outages/status/?address={unseen}"))

    outages = app.get("/outages/")
    assert outages.status == 200
    assert "Петрозаводск" in outages.text and 'data-testid="outage-areas"' in outages.text

    live = app.get(f"/outages/live/status.json?address={out.pk}")
    assert live.status == 200 and live.json()["state"] == "outage"


@pytest.mark.redis
def test_a_report_is_refused_with_the_hotline_and_never_given_a_number(
    storm_day, app_without_database
):
    app, address = app_without_database, storm_day.addresses[0]

    form = app.get("/outages/report/")
    assert form.status == 200 or _unavailable_page(form)
    assert _unavailable_page(app.get(f"/outages/report/?address={address.pk}"))

    token = get_random_string(32)
    web = app.post(
        "/outages/report/",
        urlencode(
            {
                "csrfmiddlewaretoken": token,
                "address": address.pk,
                "problem": "no_power",
                "phone": "+7 900 123-45-67",
                "consent": "on",
            }
        ).encode(),
        "application/x-www-form-urlencoded",
        Cookie=f"csrftoken={token}",
    )
    assert _unavailable_page(web)
    assert 'data-testid="not-received"' in web.text
    assert 'data-testid="report-number"' not in web.text

    api = app.post(
        "/api/v1/outages/reports/",
        json.dumps(
            {"address": address.pk, "problem": "no_power", "phone": "+79001234567", "consent": True}
        ).encode(),
        "application/json",
    )
    assert api.status == 503 and int(api.headers["Retry-After"]) > 0
    error = api.json()["error"]
    assert error["code"] == "unavailable" and HOTLINE in error["message"]
    assert "number" not in api.json()

    open311 = app.post(
        "/open311/v2/requests.json",
        urlencode(
            {"service_code": "no_power", "address_id": address.pk, "attribute[consent]": "true"}
        ).encode(),
        "application/x-www-form-urlencoded",
    )
    assert open311.status == 503 and int(open311.headers["Retry-After"]) > 0
    (body,) = open311.json()
    assert body["code"] == 503 and HOTLINE in body["description"]
    assert "service_request_id" not in body
