import datetime

import pytest
from django.utils import timezone

from ..factories import ArticleFactory, CategoryFactory


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.EPORTAL_PAGE_CACHE_DIR = str(tmp_path / "pagecache")
    return tmp_path / "pagecache"


def at(day, hour=8):
    return timezone.make_aware(datetime.datetime(2025, 3, day, hour, 0))


@pytest.fixture
def news(home):
    """Two categories (one with a subcategory) and dated articles: older to newer."""
    a = CategoryFactory(parent=home, title="Tin huyện", slug="tin-huyen")
    a_sub = CategoryFactory(parent=a, title="Tin xã", slug="tin-xa")
    b = CategoryFactory(parent=home, title="Giáo dục", slug="giao-duc")
    return {
        "A": a, "A_sub": a_sub, "B": b,
        "a1": ArticleFactory(parent=a, title="Hội nghị một", slug="a1", date=at(1)),
        "a2": ArticleFactory(parent=a, title="Hội nghị hai", slug="a2", date=at(2)),
        "a3": ArticleFactory(parent=a, title="Hội nghị ba", slug="a3", date=at(3)),
        "s1": ArticleFactory(parent=a_sub, title="Tin xã một", slug="s1", date=at(4)),
        "b1": ArticleFactory(parent=b, title="Khai giảng", slug="b1", date=at(5)),
        "b2": ArticleFactory(parent=b, title="Tổng kết năm học", slug="b2", date=at(6)),
    }
