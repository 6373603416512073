"""The index page: browse by sector, life event and level; search; defensive parameters."""

import pytest

from eportal.procedures.models import LifeEvent

from .factories import ProcedureFactory, SectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(index, civil_status, construction):
    birth = LifeEvent.objects.get(slug="khai-sinh")
    marriage = LifeEvent.objects.get(slug="ket-hon")
    house = LifeEvent.objects.get(slug="xay-dung-nha-o")
    pages = {
        "birth": ProcedureFactory(parent=index, title="Đăng ký khai sinh", code="1.001193", sector=civil_status,
                                  level="xa", life_events=[birth], summary="Khai sinh cho trẻ em mới sinh."),
        "marriage": ProcedureFactory(parent=index, title="Đăng ký kết hôn", sector=civil_status, level="xa",
                                     life_events=[marriage], summary="Kết hôn giữa công dân Việt Nam."),
        "permit": ProcedureFactory(parent=index, title="Cấp giấy phép xây dựng nhà ở riêng lẻ", sector=construction,
                                   level="huyen", life_events=[house], summary="Giấy phép xây dựng nhà ở."),
        "draft": ProcedureFactory(parent=index, title="Đăng ký khai tử (bản nháp)", sector=civil_status, live=False),
    }
    return pages


def titles(response):
    assert response.status_code == 200
    return [p.title for p in response.context["procedures"]]


def test_the_index_lists_live_procedures_and_the_ways_to_browse(client, index, catalogue):
    response = client.get(index.url)
    html = response.content.decode()
    assert titles(response) == ["Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert "bản nháp" not in html
    for text in ["Theo sự kiện cuộc sống", "Theo lĩnh vực", "Theo cấp thực hiện", "Hộ tịch", "Xây dựng",
                 "Cấp xã", "Cấp huyện", "?su-kien=khai-sinh", "?linh-vuc=ho-tich", "?cap=huyen"]:
        assert text in html, text
    # The life events with no published procedure are not offered.
    assert "?su-kien=huu-tri" not in html
    assert 'href="/static/css/procedures.css"' in html


def test_browse_by_sector(client, index, catalogue):
    response = client.get(index.url, {"linh-vuc": "ho-tich"})
    assert titles(response) == ["Đăng ký khai sinh", "Đăng ký kết hôn"]
    assert "Tìm thấy 2 thủ tục, lĩnh vực Hộ tịch." in response.content.decode()
    assert titles(client.get(index.url, {"linh-vuc": str(catalogue["permit"].sector_id)})) == [
        "Cấp giấy phép xây dựng nhà ở riêng lẻ"
    ]


def test_browse_by_life_event(client, index, catalogue):
    assert titles(client.get(index.url, {"su-kien": "ket-hon"})) == ["Đăng ký kết hôn"]
    assert titles(client.get(index.url, {"su-kien": "huu-tri"})) == []


def test_browse_by_level(client, index, catalogue):
    assert titles(client.get(index.url, {"cap": "huyen"})) == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert titles(client.get(index.url, {"cap": "xa", "linh-vuc": "ho-tich", "su-kien": "khai-sinh"})) == [
        "Đăng ký khai sinh"
    ]


@pytest.mark.parametrize("params, message", [
    ({"linh-vuc": "khong-co"}, "Không có lĩnh vực đã chọn."),
    ({"linh-vuc": "9" * 40}, "Không có lĩnh vực đã chọn."),
    ({"linh-vuc": "99999999999999999"}, "Không có lĩnh vực đã chọn."),
    ({"su-kien": "<script>"}, "Không có sự kiện cuộc sống đã chọn."),
    ({"su-kien": "x" * 5000}, "Không có sự kiện cuộc sống đã chọn."),
    ({"cap": "quoc-te"}, "Không có cấp thực hiện đã chọn."),
    ({"cap": "1"}, "Không có cấp thực hiện đã chọn."),
])
def test_bad_filter_values_are_ignored_with_a_message(client, index, catalogue, params, message):
    response = client.get(index.url, params)
    html = response.content.decode()
    assert message in html and "Đã bỏ qua điều kiện này." in html
    assert len(titles(response)) == 3
    assert "<script>" not in html


def test_unknown_parameters_and_bad_pages_do_not_fail(client, index, catalogue):
    for params in [{"trang": "abc"}, {"trang": "-1"}, {"trang": "9" * 30}, {"foo": "bar"}, {"q": "\x00\x01"}]:
        assert client.get(index.url, params).status_code == 200


def test_search_finds_procedures_by_words_of_their_title_and_summary(client, index, catalogue):
    assert titles(client.get(index.url, {"q": "kết hôn"})) == ["Đăng ký kết hôn"]
    assert titles(client.get(index.url, {"q": "giấy phép"})) == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert titles(client.get(index.url, {"q": "trẻ em"})) == ["Đăng ký khai sinh"]
    response = client.get(index.url, {"q": "kết hôn"})
    assert "Tìm thấy 1 thủ tục cho từ khóa “kết hôn”." in response.content.decode()


def test_search_combines_with_filters(client, index, catalogue):
    assert sorted(titles(client.get(index.url, {"q": "đăng ký", "linh-vuc": "ho-tich", "cap": "xa"}))) == [
        "Đăng ký khai sinh", "Đăng ký kết hôn"
    ]
    assert titles(client.get(index.url, {"q": "đăng ký", "su-kien": "ket-hon"})) == ["Đăng ký kết hôn"]
    assert titles(client.get(index.url, {"q": "đăng ký", "cap": "huyen"})) == []


def test_search_does_not_show_drafts_or_other_indexes(client, home, index, catalogue):
    from .factories import ProcedureIndexFactory

    other = ProcedureIndexFactory(parent=home, title="Thủ tục cấp tỉnh", slug="thu-tuc-cap-tinh")
    ProcedureFactory(parent=other, title="Đăng ký khai tử cấp tỉnh")
    assert titles(client.get(index.url, {"q": "khai tử"})) == []
    assert titles(client.get(other.url, {"q": "khai tử"})) == ["Đăng ký khai tử cấp tỉnh"]


def test_search_by_procedure_code(client, index, catalogue):
    response = client.get(index.url, {"q": " 1.001193 "})
    assert titles(response) == ["Đăng ký khai sinh"]
    assert titles(client.get(index.url, {"q": "9.999999"})) == []


def test_an_empty_query_asks_for_a_keyword(client, index, catalogue):
    response = client.get(index.url, {"q": "   "})
    assert "Bạn chưa nhập từ khóa." in response.content.decode()
    assert len(titles(response)) == 3
    # A blank box submitted with a chosen filter is no mistake.
    response = client.get(index.url, {"q": "", "linh-vuc": "xay-dung"})
    assert "Bạn chưa nhập từ khóa." not in response.content.decode()
    assert titles(response) == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]


@pytest.mark.parametrize("garbage", ['"', "'", "*", "(", ")", "AND", "OR NOT", "NEAR(", "^", "-", '"a" OR', "%",
                                     "\\", "'; DROP TABLE x; --", "~!@#$%^&*()_+", "💥🔥", "title:x", "a*b?c"])
def test_garbage_queries_never_fail(client, index, catalogue, garbage):
    response = client.get(index.url, {"q": garbage})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tìm thấy" in html or "không có chữ hoặc số" in html


def test_a_query_without_letters_or_digits_gets_a_message(client, index, catalogue):
    response = client.get(index.url, {"q": "?!...---"})
    assert "không có chữ hoặc số nên không tìm được" in response.content.decode()


def test_a_very_long_query_is_cut_with_a_message(client, index, catalogue):
    response = client.get(index.url, {"q": "kết hôn " + "rất dài " * 2000})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Từ khóa quá dài nên chỉ tìm theo 100 ký tự đầu." in html
    assert len(response.context["filters"].query) <= 100
    response = client.get(index.url, {"q": "x" * 100_000})
    assert response.status_code == 200


def test_pagination_keeps_the_filters(client, index, civil_status):
    for n in range(25):
        ProcedureFactory(parent=index, sector=civil_status, title=f"Thủ tục hộ tịch {n:02d}")
    response = client.get(index.url, {"linh-vuc": "ho-tich"})
    html = response.content.decode()
    assert len(titles(response)) == 20
    assert "?linh-vuc=ho-tich&amp;trang=2" in html
    response = client.get(index.url, {"linh-vuc": "ho-tich", "trang": "2"})
    assert len(titles(response)) == 5
    assert client.get(index.url, {"linh-vuc": "ho-tich", "trang": "99"}).context["procedures"].number == 2


def test_a_sector_from_another_app_without_procedures_is_not_offered(client, index, catalogue):
    SectorFactory(name="Giáo dục", slug="giao-duc")
    html = client.get(index.url).content.decode()
    assert "?linh-vuc=giao-duc" not in html
