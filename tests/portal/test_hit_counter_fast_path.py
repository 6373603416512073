"""The counter frame as production serves it: eportal.wsgi answers it before Django's stack."""

import re
from io import BytesIO

import pytest

from eportal.core.hitcounter import current_total
from eportal.core.models import HitCounterSettings
from eportal.wsgi import application

from ..conftest import PERSON_AGENT

# These tests call the WSGI application themselves, inside the test's transaction.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("keep_test_connection")]

DIGITS = re.compile(r'<p class="digits" aria-label="(\d+) lượt truy cập">((?:<span>\d</span>){8})</p>')


def call(path="/luot-truy-cap/", method="GET", host="testserver", **extra):
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": host,
        "SERVER_PORT": "80", "HTTP_HOST": host, "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http",
        "HTTP_USER_AGENT": PERSON_AGENT,
        "wsgi.input": BytesIO(), "wsgi.errors": BytesIO(), **extra,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    response = application(environ, start_response)
    try:
        body = b"".join(response).decode()
    finally:
        getattr(response, "close", lambda: None)()
    return answer["status"], answer["headers"], body


def shown(body):
    match = DIGITS.search(body)
    assert match, body
    return int(match.group(1)), int(re.sub(r"\D", "", match.group(2)))


def test_fast_path_counts_exactly_like_the_view(client, site):
    assert shown(call()[2]) == (1, 1)
    client.get("/luot-truy-cap/")  # Django's view and the fast path share one count
    assert shown(call()[2]) == (3, 3)
    assert current_total(site) == 3


def test_fast_path_sends_the_views_page_and_headers(client, site):
    status, headers, body = call()
    django = client.get("/luot-truy-cap/")
    assert status == "200 OK"
    assert (shown(body), shown(django.content.decode())) == ((1, 1), (2, 2))
    assert DIGITS.sub("", body) == DIGITS.sub("", django.content.decode())
    for name in ["Content-Type", "Cache-Control", "X-Frame-Options", "X-Robots-Tag",
                 "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"]:
        assert headers[name] == django[name], name


def test_fast_path_adds_the_start_value_and_counts_visitors_behind_the_proxy(settings, site):
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    counter_settings = HitCounterSettings.for_site(site)
    counter_settings.start_value = 528527
    counter_settings.save()
    for address in ["203.0.113.1", "203.0.113.2", "203.0.113.2"]:
        body = call(HTTP_X_FORWARDED_FOR=address)[2]
    assert shown(body) == (528530, 528530)
    assert "Đang online: <strong>2</strong>" in body


def test_other_requests_reach_django(settings, site):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert call(method="HEAD")[0].startswith("405")
    assert call(host="evil.example")[0].startswith("400")  # not in ALLOWED_HOSTS
    assert current_total(site) == 0
