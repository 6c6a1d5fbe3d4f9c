"""The client's address: REMOTE_ADDR, or what a trusted proxy says it saw."""

import pytest
from django.test import RequestFactory

from newsroom.core.http import client_ip


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ([], "203.0.113.5", "198.51.100.1", "203.0.113.5"),  # no proxy trusted: header ignored
        (["10.0.0.0/8"], "203.0.113.5", "198.51.100.1", "203.0.113.5"),  # not from the proxy
        (["10.0.0.0/8"], "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 198.51.100.1", "198.51.100.1"),  # 1.2.3.4: forged
        (["10.0.0.0/8"], "10.0.0.2", "198.51.100.1, 10.0.0.9", "198.51.100.1"),  # two proxies
        (["10.0.0.0/8"], "10.0.0.2", "not-an-address", "10.0.0.2"),
        (["10.0.0.0/8"], "10.0.0.2", "", "10.0.0.2"),
        (["127.0.0.1", "::1"], "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_client_ip(settings, trusted, remote, forwarded, expected):
    settings.NEWSROOM_TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
