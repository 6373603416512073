import pytest
from django.test import RequestFactory

from eportal.core.middleware import TrustedProxyMiddleware


def client_address(settings, remote, forwarded, trusted):
    settings.EPORTAL_TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    return TrustedProxyMiddleware(lambda r: r.META["REMOTE_ADDR"])(request)


@pytest.mark.parametrize(
    "remote, forwarded, trusted, expected",
    [
        ("127.0.0.1", "203.0.113.5", ["127.0.0.1"], "203.0.113.5"),
        ("127.0.0.1", "1.2.3.4, 203.0.113.5", ["127.0.0.1"], "203.0.113.5"),  # a forged first hop is ignored
        ("198.51.100.7", "203.0.113.5", ["127.0.0.1"], "198.51.100.7"),  # not from our proxy
        ("127.0.0.1", "203.0.113.5", [], "127.0.0.1"),  # no proxy configured
        ("127.0.0.1", "", ["127.0.0.1"], "127.0.0.1"),
    ],
)
def test_client_address_behind_the_proxy(settings, remote, forwarded, trusted, expected):
    assert client_address(settings, remote, forwarded, trusted) == expected
