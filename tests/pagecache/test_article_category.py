"""Listings and "Tin đã đưa" read articles by their category: moves and new articles show at once."""

import pytest

from eportal.news.models import ArticlePage

from ..factories import ArticleFactory
from .conftest import at

pytestmark = pytest.mark.django_db


def test_an_article_knows_its_category_after_creation_and_moves(client, news, django_capture_on_commit_callbacks):
    moved = news["b1"]
    assert ArticlePage.objects.get(pk=moved.pk).category_id == news["B"].pk
    client.get(news["a3"].url)  # fill the fragment caches
    with django_capture_on_commit_callbacks(execute=True):
        moved.move(news["A"], pos="last-child")
    assert ArticlePage.objects.get(pk=moved.pk).category_id == news["A"].pk
    html = client.get(ArticlePage.objects.get(pk=moved.pk).url).content.decode()
    earlier = html.split('id="tin-da-dua"')[1]
    assert "Hội nghị ba" in earlier and "Tổng kết năm học" not in earlier
    assert "Khai giảng" in client.get(news["A"].url).content.decode()
    assert "Khai giảng" not in client.get(news["B"].url).content.decode()


def test_parent_listing_includes_subcategories_and_its_page_count_follows_publishing(
    client, news, django_capture_on_commit_callbacks
):
    assert "Tin xã một" in client.get(news["A"].url).content.decode()
    assert "Trang 1 /" not in client.get(news["A"].url).content.decode()  # 4 articles: one page
    with django_capture_on_commit_callbacks(execute=True):  # a new content version, as on commit
        for day in range(7, 14):
            ArticleFactory(parent=news["A_sub"], date=at(day))
    assert "Trang 1 / 2" in client.get(news["A"].url).content.decode()
    assert "Trang 2 / 2" in client.get(news["A"].url + "?trang=2").content.decode()
