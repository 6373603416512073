import json
import socket
import time

import pytest
from django.db import connections

from eportal.operations import probes
from eportal.wsgi import application

from .wsgi import call


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def no_redis(settings):
    settings.REDIS_URL = ""


def test_healthz_answers_without_touching_the_database(monkeypatch):
    monkeypatch.setattr(probes, "check_database", lambda: pytest.fail("/healthz must not use the database"))
    status, headers, body = call(application, "/healthz")
    assert status == "200 OK"
    assert body == b"ok\n"
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_reports_database_and_missing_redis(no_redis):
    status, headers, body = call(application, "/readyz")
    assert status == "200 OK"
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"
    assert json.loads(body) == {"database": "ok", "redis": "not configured"}


@pytest.mark.django_db
def test_readyz_pings_the_configured_redis(settings):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: no Redis to ping")
    status, _, body = call(application, "/readyz")
    assert (status, json.loads(body)) == ("200 OK", {"database": "ok", "redis": "ok"})


@pytest.mark.django_db
def test_load_balancer_may_probe_by_address(no_redis):
    """The probes come before the ALLOWED_HOSTS check: a balancer knows servers by IP."""
    status, _, body = call(application, "/readyz", HTTP_HOST="10.20.30.40")
    assert status == "200 OK"


@pytest.mark.django_db
def test_readyz_fails_when_the_database_is_unreachable(monkeypatch, no_redis, tmp_path):
    config = connections["default"].settings_dict
    if connections["default"].vendor == "sqlite":
        monkeypatch.setitem(config, "NAME", str(tmp_path / "no-such-folder" / "db.sqlite3"))
    else:
        monkeypatch.setitem(config, "PORT", str(free_port()))
        monkeypatch.setitem(config, "HOST", "127.0.0.1")
    status, headers, body = call(application, "/readyz")
    assert status == "503 Service Unavailable"
    assert json.loads(body) == {"database": "error", "redis": "not configured"}
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_fails_fast_when_redis_is_unreachable(settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    started = time.monotonic()
    status, _, body = call(application, "/readyz")
    assert time.monotonic() - started < 3
    assert status == "503 Service Unavailable"
    assert json.loads(body) == {"database": "ok", "redis": "error"}
    assert b"Traceback" not in body and b"Error" not in body


@pytest.mark.django_db
def test_probes_are_never_written_to_the_page_cache(settings, tmp_path, no_redis):
    settings.EPORTAL_PAGE_CACHE_DIR = str(tmp_path)
    for path in ("/healthz", "/readyz"):
        status, _, _ = call(application, path, HTTP_HOST="127.0.0.1")
        assert status == "200 OK"
    assert list(tmp_path.rglob("*")) == []


@pytest.mark.django_db
def test_head_has_no_body_and_other_methods_go_to_django(no_redis):
    status, _, body = call(application, "/readyz", method="HEAD")
    assert (status, body) == ("200 OK", b"")
    status, _, body = call(application, "/healthz", method="POST", HTTP_HOST="127.0.0.1")
    assert body != b"ok\n"
