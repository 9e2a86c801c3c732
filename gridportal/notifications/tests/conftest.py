"""Fixtures of the notifications tests: addresses in two branches, a fake SMS provider on loopback."""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from gridportal.testing.factories import SettlementFactory, address_create


@pytest.fixture(autouse=True)
def _site_url(settings):
    # Links in messages are absolute; the test client's host makes them followable.
    settings.SITE_URL = "http://testserver"
    settings.SMS_GATEWAY_URL = ""
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def address(branch):
    settlement = SettlementFactory(district__branch=branch, name="Петрозаводск")
    return address_create(settlement=settlement, street_name="Ленина", house="5")


@pytest.fixture
def other_address(other_branch):
    settlement = SettlementFactory(district__branch=other_branch, name="Псков")
    return address_create(settlement=settlement, street_name="Гоголя", house="12")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the code under test queued with transaction.on_commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class FakeSmsProvider:
    """The outside world: an HTTP SMS gateway that answers with scripted status codes."""

    def __init__(self):
        self.requests = []
        self.script = []
        self.lock = threading.Lock()

    def answer_with(self, *statuses):
        with self.lock:
            self.script.extend(statuses)

    @property
    def texts(self):
        return [r["body"]["text"] for r in self.requests]

    def last_code(self):
        for request in reversed(self.requests):
            match = re.search(r"\b(\d{6})\b", request["body"]["text"])
            if match:
                return match.group(1)
        raise AssertionError("no code was sent")


@pytest.fixture
def sms_gateway(settings):
    provider = FakeSmsProvider()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            with provider.lock:
                status = provider.script.pop(0) if provider.script else 200
                provider.requests.append(
                    {
                        "body": body,
                        "authorization": self.headers.get("Authorization"),
                        "status": status,
                    }
                )
            payload = json.dumps({"ok": status < 300}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_address[1]}/send"
    settings.SMS_GATEWAY_TOKEN = "test-token"
    settings.SMS_SENDER = "GridTest"
    settings.SMS_GATEWAY_TIMEOUT = 2
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()


def link_path(text: str, name: str) -> str:
    """The path of the first link to /notifications/<name>/… in a message."""
    match = re.search(r"https?://\S+/notifications/" + name + r"/\S+", text)
    assert match, f"no {name} link in:\n{text}"
    return urlsplit(match.group(0)).path
