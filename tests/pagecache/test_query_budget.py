"""Cold renders (page cache off, fragment caches warm) cost a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from ..factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

ARTICLE_BUDGET = 12
LISTING_BUDGET = 10


def count_queries(client, url):
    client.get(url)  # the fragment caches fill on a first visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_category_and_home_queries_do_not_grow_with_content(client, home):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    news = CategoryFactory(parent=home, title="Tin tức", slug="tin-tuc")
    local = CategoryFactory(parent=news, title="Tin xã", slug="tin-xa")

    def add(count):
        for i in range(count):
            ArticleFactory(parent=(news, local)[i % 2], featured_image=image if i % 3 == 0 else None, is_featured=i % 7 == 0)

    add(4)
    article = ArticleFactory(parent=news, featured_image=image)
    urls = {"article": article.url, "category": news.url, "home": "/"}
    small = {name: count_queries(client, url) for name, url in urls.items()}
    add(45)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert small == large, "query counts grew with content"
    assert large["article"] <= ARTICLE_BUDGET, large
    assert large["category"] <= LISTING_BUDGET and large["home"] <= LISTING_BUDGET, large
