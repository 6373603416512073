"""The API as a whole: OpenAPI document, docs page, throttling, routers of other apps, query budget."""

import sys
import types

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from ninja import Router

from eportal.api import routers
from eportal.api.main import api, build_api

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_openapi_document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "eportal API" and schema["info"]["version"] == "1"
    assert "tin bài" in schema["info"]["description"] and "articles" in schema["info"]["description"]
    assert {"/api/v1/articles/", "/api/v1/articles/{article_id}/"} <= set(schema["paths"])
    for path in schema["paths"].values():
        assert set(path) == {"get"}, "the API is read-only"


def test_docs_page_loads_nothing_from_elsewhere(client, site):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "GET /api/v1/articles/" in html and 'href="/api/v1/openapi.json"' in html
    assert "cdn" not in html.lower() and "swagger-ui" not in html
    assert client.get("/api/v1/").status_code == 302


def test_open_data_page_and_footer_link(client, site):
    home = client.get("/").content.decode()
    assert '<a href="/du-lieu-mo/">Dữ liệu mở (API)</a>' in home
    response = client.get("/du-lieu-mo/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1 class=\"page-title\">Dữ liệu mở (API)</h1>" in html
    assert 'href="http://testserver/api/v1/openapi.json"' in html
    assert "http://testserver/api/v1/articles/" in html
    assert client.get("/api/").url == "/du-lieu-mo/"


def test_anonymous_use_is_throttled_without_keeping_addresses(client, news, monkeypatch):
    [throttle] = api.throttle
    assert (throttle.num_requests, throttle.duration) == (60, 60)
    monkeypatch.setattr(throttle, "num_requests", 3)
    for _ in range(3):
        assert client.get("/api/v1/articles/", REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = client.get("/api/v1/articles/", REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert refused.json()["detail"] == "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."
    assert int(refused["Retry-After"]) >= 1 and "no-store" in refused["Cache-Control"]
    # Another address, or a forged X-Forwarded-For from the same one.
    assert client.get("/api/v1/articles/", REMOTE_ADDR="203.0.113.8").status_code == 200
    assert client.get(
        "/api/v1/articles/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1"
    ).status_code == 429
    stored = cache.keys("*") if settings.REDIS_URL else cache._cache  # Redis, or locmem in tests
    keys = " ".join(str(key) for key in stored)
    assert "throttle_anon_" in keys and "203.0.113" not in keys


@pytest.fixture
def fake_module():
    created = []

    def make(name, **attrs):
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        sys.modules[name] = module
        created.append(name)
        return module

    yield make
    for name in created:
        sys.modules.pop(name, None)


def test_routers_of_other_apps_are_mounted_when_they_exist(client, fake_module, caplog):
    router = Router(tags=["Văn bản"])

    @router.get("/", response=list[str])
    def list_documents(request):
        return ["Quyết định 704-QĐ/TU"]

    fake_module("tests_fake_documents_api", router=router)
    fake_module("tests_fake_no_router", something=1)
    entries = [
        ("/articles", "eportal.api.articles"),
        ("/documents", "tests_fake_documents_api"),
        ("/procedures", "eportal.khong_co_ung_dung_nay.api"),
        ("/broken", "tests_fake_no_router"),
    ]
    mounted = routers.available_routers(entries)
    assert [prefix for prefix, _ in mounted] == ["/articles", "/documents"]
    assert "tests_fake_no_router" in caplog.text and "khong_co" not in caplog.text

    test_api = build_api(entries, urls_namespace="api-test")
    schema = test_api.get_openapi_schema(path_prefix="/api/v1/")
    assert {"/api/v1/articles/", "/api/v1/documents/"} <= set(schema["paths"])
    assert test_api.section_prefixes == ["/articles", "/documents"]


def test_a_router_that_fails_to_import_is_logged_and_skipped(caplog):
    name = "tests_fake_failing_api"
    sys.modules.pop(name, None)

    class Finder:
        @staticmethod
        def find_spec(fullname, path=None, target=None):
            if fullname == name:
                raise RuntimeError("nửa chừng")
            return None

    sys.meta_path.insert(0, Finder)
    try:
        assert routers.available_routers([("/x", name), ("/articles", "eportal.api.articles")])[0][0] == "/articles"
    finally:
        sys.meta_path.remove(Finder)
    assert name in caplog.text


def test_a_missing_router_is_told_apart_from_a_missing_dependency(caplog):
    # The router module exists but imports something that does not: that is a bug to see.
    assert routers.available_routers([("/x", "eportal.api.khong_co_module")]) == []
    assert "khong_co_module" not in caplog.text
    error = ModuleNotFoundError("No module named 'thu_vien_thieu'", name="thu_vien_thieu")
    assert not routers._missing(error, "eportal.documents.api")
    assert routers._missing(ModuleNotFoundError(name="eportal.documents.api"), "eportal.documents.api")
    assert routers._missing(ModuleNotFoundError(name="eportal.documents"), "eportal.documents.api")


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm what a first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.content[:300])
        counts[name] = len(queries)
    return counts


# The most queries each API call may run.
BUDGETS = {"list": 6, "list by category": 8, "list filtered": 6, "page 2": 6, "detail": 6}


def test_query_counts_do_not_grow_with_content(client, news, image, no_throttle):
    def add(count):
        for i in range(count):
            ArticleFactory(parent=[news["tin_tuc"], news["tin_huyen"], news["kinh_te"]][i % 3],
                           featured_image=image if i % 2 else None)

    add(2)
    target = ArticleFactory(parent=news["tin_huyen"], featured_image=image)
    target.tags.add("Nghị quyết 33-NQ/TW")
    urls = {
        "list": "/api/v1/articles/?page_size=100",
        "list by category": "/api/v1/articles/?category=tin-tuc-su-kien&page_size=100",
        "list filtered": "/api/v1/articles/?q=huyện&date_from=2000-01-01&page_size=100",
        "page 2": "/api/v1/articles/?page_size=2&page=2",
        "detail": f"/api/v1/articles/{target.pk}/",
    }
    small = measure(client, urls)  # 5 articles
    add(45)
    large = measure(client, urls)  # 50 articles
    assert small == large, "query counts grew with content"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
