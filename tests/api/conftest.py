import datetime

import pytest
from django.utils import timezone

from eportal.api.main import api

from ..factories import ArticleFactory, CategoryFactory


def at(y, m, d, h=8):
    return timezone.make_aware(datetime.datetime(y, m, d, h))


@pytest.fixture
def news(home):
    """Two categories (one nested) and articles on known dates."""
    tin_tuc = CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien")
    tin_huyen = CategoryFactory(parent=tin_tuc, title="Tin huyện", slug="tin-huyen")
    kinh_te = CategoryFactory(parent=home, title="Kinh tế", slug="kinh-te")
    return {
        "tin_tuc": tin_tuc,
        "tin_huyen": tin_huyen,
        "kinh_te": kinh_te,
        "chi_thi": ArticleFactory(
            parent=tin_tuc, title="Học tập và làm theo tấm gương đạo đức Hồ Chí Minh", date=at(2015, 11, 11),
            lead="Dữ liệu mẫu: Chỉ thị 03-CT/TW của Bộ Chính trị khóa XI.",
        ),
        "thong_bao": ArticleFactory(
            parent=tin_huyen, title="Thông báo kết luận 83-TB/HU", date=at(2014, 5, 20),
            lead="Dữ liệu mẫu: Ban Thường vụ Huyện ủy Kế Sách.",
        ),
        "nong_thon": ArticleFactory(
            parent=kinh_te, title="Xã Xuân Hòa xây dựng nông thôn mới", date=at(2016, 1, 5),
            lead="Dữ liệu mẫu về xã Xuân Hòa.",
        ),
    }


@pytest.fixture
def no_throttle(monkeypatch):
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 10**9)


@pytest.fixture
def image(db):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(title="Ảnh hội nghị", file=get_test_image_file())
