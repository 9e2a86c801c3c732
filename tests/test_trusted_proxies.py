"""Behind nginx (the shipped site template), per-IP limits and the audit log see the real
client — and a forged X-Forwarded-For is ignored unless a trusted proxy added it.

Clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3, …) so the client,
nginx (127.0.0.1) and a forger are told apart by their real source address.
"""

import http.client
import re
import ssl
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings as django_settings

from gridportal.core.choices import AuditAction
from gridportal.core.models import AuditLogEntry
from gridportal.testing.nginx import find_nginx, running_nginx

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed"),
]

LOGIN = "/accounts/login/"


class Client:
    """A minimal HTTP(S) client with its own source address and cookie jar."""

    def __init__(self, base_url, source):
        parts = urlsplit(base_url)
        self.secure = parts.scheme == "https"
        self.host, self.port, self.source = parts.hostname, parts.port, source
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        if self.secure:
            connection = http.client.HTTPSConnection(
                self.host,
                self.port,
                source_address=(self.source, 0),
                context=ssl._create_unverified_context(),
                timeout=20,
            )
        else:
            connection = http.client.HTTPConnection(
                self.host, self.port, source_address=(self.source, 0), timeout=20
            )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode(errors="replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, content

    def sign_in(self, username, password, headers=None):
        status, page = self.request("GET", LOGIN, headers=headers)
        assert status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
        status, _ = self.request(
            "POST",
            LOGIN,
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"{'https' if self.secure else 'http'}://{self.host}:{self.port}{LOGIN}",
                **(headers or {}),
            },
        )
        return status


@pytest.fixture
def proxy(live_server, tmp_path, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    port = urlsplit(live_server.url).port
    with running_nginx(tmp_path / "nginx", app=f"127.0.0.1:{port}", static_root=tmp_path) as url:
        yield url


def failure_addresses(username):
    return list(
        AuditLogEntry.objects.filter(
            action=AuditAction.LOGIN_FAILED, details__username=username
        ).values_list("ip_address", flat=True)
    )


def test_lock_out_and_audit_record_the_client_behind_nginx(proxy, officer):
    limit = django_settings.AXES_FAILURE_LIMIT
    guesser = Client(proxy, "127.0.0.2")
    answers = [guesser.sign_in("officer", f"guess-{n}") for n in range(limit)]
    assert answers[-1] == 429  # the guesser is locked out…
    # …but the officer at another address, through the same nginx, signs in.
    assert Client(proxy, "127.0.0.3").sign_in("officer", "correct-horse-battery") == 302
    assert set(failure_addresses("officer")) == {"127.0.0.2"}
    signed_in = AuditLogEntry.objects.get(action=AuditAction.LOGIN)
    assert signed_in.ip_address == "127.0.0.3"


def test_a_forged_header_is_ignored(proxy, live_server, officer):
    forged = {"X-Forwarded-For": "203.0.113.9"}
    # Straight to the application from an untrusted peer: the header is not believed.
    direct = Client(live_server.url, "127.0.0.4")
    assert direct.sign_in("officer", "guess", headers=forged) == 200
    # Through nginx: nginx appends the real peer, the forged value stays on the left, unread.
    via_proxy = Client(proxy, "127.0.0.5")
    assert via_proxy.sign_in("officer", "guess", headers=forged) == 200
    assert sorted(failure_addresses("officer")) == ["127.0.0.4", "127.0.0.5"]


def test_without_trusted_proxies_everyone_behind_nginx_is_nginx(proxy, settings, officer):
    settings.TRUSTED_PROXIES = []
    Client(proxy, "127.0.0.6").sign_in("officer", "guess")
    assert failure_addresses("officer") == ["127.0.0.1"]
