"""Metadata, JSON-LD, share links and the sitemap page add no query that grows with content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.core.models import MainMenu, MainMenuItem
from eportal.core.sitemap_demo import load as load_sitemap_page

from ..factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

# The budgets of tests/portal/test_query_budget.py for the same views, and ours.
BUDGETS = {
    "home": 16,
    "category": 16,
    "article": 18,
    "article print view": 18,
    "sitemap page": 16,
    "open data page": 12,
    "api docs": 12,
    "404": 14,
}


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm the caches a visitor's first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), name
        counts[name] = len(queries)
    return counts


def test_query_counts_are_flat_from_5_to_50_articles(client, site, home, identity, image):
    identity.logo = image
    identity.save()
    news = CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")
    local = CategoryFactory(parent=news, title="Tin huyện", slug="tin-huyen")
    sitemap = load_sitemap_page(site, home)
    MainMenuItem.objects.create(menu=MainMenu.for_site(site), link_page=news, sort_order=0)

    def add(count):
        for i in range(count):
            ArticleFactory(parent=(news, local)[i % 2], featured_image=image if i % 3 == 0 else None)

    add(4)
    article = ArticleFactory(parent=news, featured_image=image, author_name="Ban Tuyên giáo Huyện ủy")
    urls = {
        "home": "/",
        "category": news.url,
        "article": article.url,
        "article print view": article.url + "?in=1",
        "sitemap page": sitemap.url,
        "open data page": "/du-lieu-mo/",
        "api docs": "/api/v1/docs",
        "404": "/khong-co-trang-nay/",
    }
    small = measure(client, urls)
    add(45)
    for i in range(5):
        CategoryFactory(parent=local)
    large = measure(client, urls)
    assert small == large, "query counts grew with content"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
    assert large["article print view"] <= large["article"]
