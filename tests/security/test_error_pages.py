"""Errors are explained in Vietnamese and never show a stack trace or echo the request."""

import pytest

from eportal.core.security_headers import PUBLIC_CSP

from .error_urls import SECRET_DETAIL

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.error_urls")]


@pytest.fixture
def visitor(client, site, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def assert_no_leak(html):
    assert SECRET_DETAIL not in html
    for word in ["Traceback", "RuntimeError", "PermissionDenied", "SuspiciousOperation", "mat-khau", "/srv/"]:
        assert word not in html, word


def test_a_crash_shows_the_vietnamese_page_without_the_exception(visitor):
    response = visitor.get("/loi/500/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Cổng thông tin đang gặp sự cố" in html
    assert_no_leak(html)
    assert response["Content-Security-Policy"] == PUBLIC_CSP


def test_forbidden_shows_the_vietnamese_page_without_the_reason(visitor):
    response = visitor.get("/loi/403/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không có quyền truy cập" in html
    assert_no_leak(html)


def test_a_bad_request_shows_the_vietnamese_page(visitor):
    response = visitor.get("/loi/400/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html
    assert_no_leak(html)


def test_an_unknown_host_gets_the_bad_request_page(visitor):
    response = visitor.get("/", HTTP_HOST="tan-cong.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html
    assert "tan-cong.example" not in html


@pytest.mark.parametrize("path", [
    "/khong-co/<script>alert(1)</script>/",
    "/khong-co/%3Cscript%3Ealert(1)%3C/script%3E/",
    "/khong-co/\"><img src=x>/?in=1",
])
def test_not_found_never_echoes_markup_from_the_path(visitor, path):
    response = visitor.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "<script>alert" not in html and "<img src=x>" not in html
    assert response["Content-Security-Policy"] == PUBLIC_CSP
