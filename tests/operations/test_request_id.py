import io
import json
import logging
import os
import re
import subprocess
import sys

import pytest
from django.test import Client

from eportal.operations.logs import JsonFormatter, RequestContextFilter

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def proxied(settings):
    settings.EPORTAL_TRUSTED_PROXIES = [PROXY]
    return Client(REMOTE_ADDR=PROXY)


def test_every_response_names_its_request(client):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_the_proxy_s_request_id_is_kept(proxied):
    response = proxied.get("/robots.txt", headers={"X-Request-ID": "nginx-4f2a.9_b"})
    assert response["X-Request-ID"] == "nginx-4f2a.9_b"


@pytest.mark.parametrize("unsafe", ["a b", "<script>", "x" * 65, "id\r\nSet-Cookie: a=b", ""])
def test_an_unsafe_request_id_is_replaced(proxied, unsafe):
    response = proxied.get("/robots.txt", headers={"X-Request-ID": unsafe})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_a_client_cannot_choose_its_request_id(settings):
    settings.EPORTAL_TRUSTED_PROXIES = [PROXY]
    response = Client(REMOTE_ADDR="203.0.113.9").get("/robots.txt", headers={"X-Request-ID": "chosen-by-client"})
    assert response["X-Request-ID"] != "chosen-by-client"


@pytest.fixture
def json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.urls("tests.operations.urls")
def test_an_error_is_logged_with_its_id_and_traceback_but_not_shown(json_log, site):
    response = Client(raise_request_exception=False).get("/hong/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    entry = json.loads(json_log.getvalue().strip().splitlines()[-1])
    assert entry["request_id"] == request_id
    assert entry["level"] == "ERROR" and entry["status"] == 500
    assert entry["method"] == "GET" and entry["path"] == "/hong/"
    assert "Traceback" in entry["exc_info"] and "secret detail of the failure" in entry["exc_info"]
    body = response.content.decode()
    assert "Traceback" not in body and "secret detail" not in body and "RuntimeError" not in body
    # The 500 page may show the id for a citizen to quote.
    assert response.context["request_id"] == request_id


def run_logging(log_format):
    code = (
        "import django, logging; django.setup();"
        "logging.getLogger('eportal.check').info('Đã sao lưu %s tệp', 3)"
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="eportal.settings.test", LOG_LEVEL="INFO")
    if log_format:
        env["LOG_FORMAT"] = log_format
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    return result


def test_log_format_json_writes_one_json_object_a_line():
    result = run_logging("json")
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip())
    assert entry["message"] == "Đã sao lưu 3 tệp"
    assert entry["logger"] == "eportal.check" and entry["level"] == "INFO" and entry["request_id"] == "-"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])


def test_plain_text_logs_stay_the_default():
    result = run_logging("")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("INFO eportal.check [-]: Đã sao lưu 3 tệp")


def test_an_unknown_log_format_stops_the_start():
    assert run_logging("xml").returncode != 0
