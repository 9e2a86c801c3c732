"""client_ip: X-Forwarded-For is believed only from TRUSTED_PROXIES, read from the right."""

import pytest
from django.test import RequestFactory

from gridportal.core.services import client_ip

factory = RequestFactory()


def ip(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(factory.get("/", **extra))


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert ip("10.0.0.5", "203.0.113.9") == "10.0.0.5"


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.5", "198.51.100.7", "198.51.100.7"),  # one balancer
        ("10.0.0.5", "203.0.113.9, 198.51.100.7", "198.51.100.7"),  # client forged the left
        ("10.0.0.5", "198.51.100.7, 10.0.0.9", "198.51.100.7"),  # two trusted hops
        ("192.0.2.1", "198.51.100.7", "192.0.2.1"),  # untrusted peer: header ignored
        ("10.0.0.5", "", "10.0.0.5"),  # no header: the proxy itself
        ("10.0.0.5", "bogus, 198.51.100.7", "198.51.100.7"),
        ("10.0.0.5", "198.51.100.7, bogus", "10.0.0.5"),  # unreadable hop: the nearest known
        ("10.0.0.5", " 2001:db8::1 ", "2001:db8::1"),
        ("10.0.0.5", "10.0.0.7", "10.0.0.7"),  # everything trusted: the farthest
    ],
)
def test_trusted_proxies(settings, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "::1/128"]
    assert ip(remote, forwarded) == expected


def test_no_request_no_address():
    assert client_ip(None) is None
