"""The search page as a visitor uses it: box on every page, filters, excerpts, bad input."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.core.pages import publish_child
from eportal.news.models import NewsCategoryPage

from .conftest import day, publish_article

pytestmark = pytest.mark.django_db


def titles(response):
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'class="search-result__title"><a [^>]*>(.*?)</a>', response.content.decode())]


def status(response):
    return " ".join(re.findall(r'role="(?:status|alert)"[^>]*>([^<]*)', response.content.decode()))


def test_every_page_has_a_search_box(client, news):
    page = publish_article(news, "Tin bất kỳ")
    for url in ["/", news.url, page.url]:
        html = client.get(url).content.decode()
        assert 'action="/tim-kiem/"' in html and 'name="q"' in html, url


def test_results_show_highlighted_title_and_excerpt(client, news):
    publish_article(
        news, "Đảng bộ huyện Kế Sách tổng kết năm",
        body="Sáng ngày 12/3, " + "Hội nghị diễn ra trang trọng. " * 20 + "Đảng bộ huyện Kế Sách đã lãnh đạo hoàn thành.",
    )

    response = client.get("/tim-kiem/", {"q": "dang bo huyen ke sach"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tìm thấy 1 kết quả" in status(response)
    assert "<mark>Đảng bộ huyện Kế Sách</mark> tổng kết năm" in html
    excerpt = re.search(r'search-result__excerpt">(.*?)</p>', html).group(1)
    assert excerpt.startswith("… ") and "<mark>Đảng bộ huyện Kế Sách</mark> đã lãnh đạo" in excerpt
    assert len(re.sub(r"<[^>]+>", "", excerpt)) < 300


def test_highlight_escapes_the_text(client, news):
    publish_article(news, "Kết quả <b>thi</b> tuyển", body="Xem kết quả thi tại <script>alert(1)</script> bảng tin.")

    html = client.get("/tim-kiem/", {"q": "ket qua thi"}).content.decode()

    assert "<script>alert(1)" not in html and "<b>thi</b>" not in html


def test_filters_by_type_category_and_dates(client, news, home):
    other = publish_child(home, NewsCategoryPage(title="Tin xã", slug="tin-xa"))
    publish_article(news, "Phòng chống bão số 3", date=day(2024, 9, 10), slug="a")
    publish_article(other, "Phòng chống bão số 4", date=day(2023, 9, 10), slug="b")

    assert titles(client.get("/tim-kiem/", {"q": "phong chong bao", "chuyen-muc": other.pk})) == ["Phòng chống bão số 4"]
    assert titles(client.get("/tim-kiem/", {"q": "phong chong bao", "tu-ngay": "2024-01-01"})) == ["Phòng chống bão số 3"]
    assert titles(client.get("/tim-kiem/", {"q": "phong chong bao", "den-ngay": "31/12/2023"})) == ["Phòng chống bão số 4"]
    assert titles(client.get("/tim-kiem/", {"q": "phong chong bao", "loai": "van-ban"})) == []
    assert len(titles(client.get("/tim-kiem/", {"q": "phong chong bao", "loai": "tin-tuc"}))) == 2


def test_results_are_paginated(client, news):
    for n in range(13):
        publish_article(news, f"Tin nông thôn mới số {n}", date=day(2024, 1, 1) + datetime.timedelta(days=n), slug=f"t{n}")

    first = client.get("/tim-kiem/", {"q": "nong thon moi"})
    second = client.get("/tim-kiem/", {"q": "nong thon moi", "trang": 2})

    assert "Tìm thấy 13 kết quả" in status(first)
    assert titles(first)[0] == "Tin nông thôn mới số 12" and len(titles(first)) == 10
    assert titles(second) == ["Tin nông thôn mới số 2", "Tin nông thôn mới số 1", "Tin nông thôn mới số 0"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, None),
        ({"q": '"*()'}, "không có chữ hoặc số"),
        ({"q": "x" * 10_000}, "Từ khóa quá dài"),
        ({"q": "lũ " * 5000}, "Từ khóa quá dài"),
        # Control characters and a lone surrogate, as a browser would send them.
        ("q=a%00b%07c%ED%A0%80", "Không tìm thấy"),
        ({"q": "' OR 1=1; DROP TABLE portal_search_searchentry; --"}, "Không tìm thấy"),
        ({"q": 'NEAR("ke" "sach") OR ke* AND -sach'}, "Không tìm thấy"),
        ({"q": "ke sach", "tu-ngay": "32/13/2024"}, "hãy sửa các ô"),
        ({"q": "ke sach", "tu-ngay": "2024-05-01", "den-ngay": "2024-01-01"}, "hãy sửa các ô"),
        ({"q": "ke sach", "loai": "khong-co"}, "hãy sửa các ô"),
        ({"q": "ke sach", "chuyen-muc": "abc"}, "hãy sửa các ô"),
    ],
)
def test_bad_input_gets_a_normal_page_with_a_message(client, news, params, message):
    publish_article(news, "Kế Sách")

    response = client.get("/tim-kiem/?" + params) if isinstance(params, str) else client.get("/tim-kiem/", params)

    assert response.status_code == 200
    if message:
        assert message in status(response)
    else:
        assert "Hãy nhập từ khóa" in response.content.decode()


def test_date_error_is_tied_to_its_field(client, news):
    html = client.get("/tim-kiem/", {"q": "ke sach", "tu-ngay": "hôm qua"}).content.decode()

    assert 'aria-describedby="tim-tu-ngay-loi"' in html and 'id="tim-tu-ngay-loi"' in html
    assert "Ngày không hợp lệ" in html


def test_query_budget_does_not_grow_with_results(client, news):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/tim-kiem/", {"q": "lua mua"}).status_code == 200
        return len(context)

    for n in range(2):
        publish_article(news, f"Lúa mùa {n}", slug=f"a{n}")
    client.get("/tim-kiem/", {"q": "lua mua"})  # warm the fragment caches
    few = queries()
    for n in range(2, 25):
        publish_article(news, f"Lúa mùa {n}", slug=f"a{n}")
    client.get("/tim-kiem/", {"q": "lua mua"})
    assert queries() == few <= 8


def test_pages_continue_the_ranking_across_tiers(client, news):
    """Page 2 goes on where page 1 stopped, through items of different rank."""
    for n in range(6):
        publish_article(news, f"Bản tin nông thôn mới {n}", date=day(2020, 1, 1 + n), slug=f"t{n}")
        publish_article(news, f"Bản tin {n}", body="Xây dựng nông thôn mới.", date=day(2024, 1, 1 + n), slug=f"b{n}")
        publish_article(news, f"Mới: bản tin {n} về thôn Nông", date=day(2025, 1, 1 + n), slug=f"w{n}")

    pages = [titles(client.get("/tim-kiem/", {"q": "nong thon moi", "trang": n})) for n in (1, 2)]

    assert pages[0] == [f"Bản tin nông thôn mới {n}" for n in range(5, -1, -1)] + [
        f"Bản tin {n}" for n in range(5, 1, -1)
    ]
    assert pages[1] == [f"Bản tin {n}" for n in (1, 0)] + [f"Mới: bản tin {n} về thôn Nông" for n in range(5, -1, -1)]


def test_counts_stop_at_the_cap(client, news, monkeypatch):
    monkeypatch.setattr("eportal.search.query.MAX_RESULTS", 3)
    monkeypatch.setattr("eportal.search.views.MAX_RESULTS", 3)
    for n in range(5):
        publish_article(news, f"Lũ lụt số {n}", slug=f"l{n}")

    response = client.get("/tim-kiem/", {"q": "lu lut"})

    assert "Tìm thấy hơn 3 kết quả" in status(response)
    assert len(titles(response)) == 3


def test_a_small_window_of_newest_rows_gives_the_same_pages(client, news, monkeypatch):
    """PostgreSQL first reads a tier among the newest rows; when they do not hold the
    page it asks the indexes. Both ways give the same pages."""
    for n in range(13):
        publish_article(news, f"Bản tin nông thôn mới {n}", date=day(2020, 1, 1 + n), slug=f"t{n}")
        publish_article(news, f"Tin khác {n}", date=day(2024, 1, 1 + n), slug=f"k{n}")
    wide = [titles(client.get("/tim-kiem/", {"q": "nong thon moi", "trang": n})) for n in (1, 2)]

    monkeypatch.setattr("eportal.search.backends.PostgreSQL.WINDOW", 3)

    assert [titles(client.get("/tim-kiem/", {"q": "nong thon moi", "trang": n})) for n in (1, 2)] == wide
    assert wide[0][0] == "Bản tin nông thôn mới 12" and [len(page) for page in wide] == [10, 3]
