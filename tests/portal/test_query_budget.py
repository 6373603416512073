"""Every public view runs a fixed number of SQL queries, however much content exists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.images import get_image_model

from eportal.core.models import MainMenu, MainMenuItem, WebsiteLink, WebsiteLinks

from ..factories import ArticleFactory, CategoryFactory, VideoFactory, VideoIndexFactory

pytestmark = pytest.mark.django_db

# The most queries each view may run (cold caches are warmed by one request first);
# measured counts are one lower on SQLite and PostgreSQL (the counter: 9, or 1 with Redis; without
# Redis it also writes the view's statistics at once: the page check and one upsert).
BUDGETS = {
    "home": 12,
    "category": 12,
    "category page 2": 12,
    "subcategory": 14,
    "article": 15,
    "video library": 12,
    "video": 12,
    "rss": 5,
    "category rss": 10,
    "sitemap": 10,
    "counter": 10,
    "link redirect": 3,
}


def add_articles(categories, count, image):
    for i in range(count):
        ArticleFactory(parent=categories[i % len(categories)], featured_image=image if i % 3 == 0 else None,
                       is_featured=i % 7 == 0)


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm the caches a visitor's first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code in (200, 302), (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_content(client, site, home):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    news = CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")
    economy = CategoryFactory(parent=home, title="Kinh tế", slug="kinh-te")
    local = CategoryFactory(parent=news, title="Tin huyện", slug="tin-huyen")
    library = VideoIndexFactory(parent=home)
    video = VideoFactory(parent=library, poster=image)
    menu = MainMenu.for_site(site)
    for order, page in enumerate([home, news, economy, library]):
        MainMenuItem.objects.create(menu=menu, link_page=page, sort_order=order)
    links = WebsiteLinks.for_site(site)
    WebsiteLink.objects.create(owner=links, title="Chính phủ", url="https://chinhphu.vn/")

    add_articles([news, economy, local], 10, image)
    article = ArticleFactory(parent=news, featured_image=image)
    urls = {
        "home": "/",
        "category": news.url,
        "category page 2": news.url + "?trang=2",
        "subcategory": local.url,
        "article": article.url,
        "video library": library.url,
        "video": video.url,
        "rss": "/rss/",
        "category rss": news.url + "rss/",
        "sitemap": "/sitemap.xml",
        "counter": f"/luot-truy-cap/?p={article.pk}",
        "link redirect": "/lien-ket/?url=https://chinhphu.vn/",
    }
    small = measure(client, urls)
    add_articles([news, economy, local], 990, image)
    large = measure(client, urls)

    assert small == large, "query counts grew with content"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
