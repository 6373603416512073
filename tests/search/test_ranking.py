"""Matching and ranking on a small fixture corpus; runs on SQLite and on PostgreSQL."""

import pytest

from eportal.core.pages import publish_child
from eportal.news.models import NewsCategoryPage

from .conftest import day, found, publish_article

pytestmark = pytest.mark.django_db


def test_query_without_diacritics_finds_text_with_them(news):
    publish_article(news, "Đảng bộ huyện Kế Sách tổng kết năm 2024")
    publish_article(news, "Hội nghị nông dân xã Nhơn Mỹ")

    assert found("dang bo huyen ke sach") == ["Đảng bộ huyện Kế Sách tổng kết năm 2024"]
    assert found("DANG BO") == ["Đảng bộ huyện Kế Sách tổng kết năm 2024"]


def test_wrong_diacritics_still_find(news):
    publish_article(news, "Đảng bộ huyện Kế Sách tổng kết năm 2024")

    assert found("đang bô huyên kê sach") == ["Đảng bộ huyện Kế Sách tổng kết năm 2024"]


def test_exact_diacritics_rank_above_folded_ones(news):
    publish_article(news, "Trao tặng kê sách cho thư viện trường", date=day(2024, 5, 1))
    publish_article(news, "Kế Sách ra quân làm thủy lợi", date=day(2020, 5, 1))

    assert found("Kế Sách") == ["Kế Sách ra quân làm thủy lợi", "Trao tặng kê sách cho thư viện trường"]
    # Without diacritics both are equal and the newer comes first.
    assert found("ke sach") == ["Trao tặng kê sách cho thư viện trường", "Kế Sách ra quân làm thủy lợi"]


def test_adjacent_syllables_in_order_rank_first(news):
    publish_article(news, "Mới: thôn Nông tổ chức lễ", date=day(2024, 6, 1))
    publish_article(news, "Hội nghị", body="Xã Đại Hải đạt chuẩn nông thôn mới nâng cao.", date=day(2019, 6, 1))

    assert found("nong thon moi") == ["Hội nghị", "Mới: thôn Nông tổ chức lễ"]


def test_titles_rank_above_bodies(news):
    publish_article(news, "Thông báo", body="Lịch tiếp công dân định kỳ của huyện.", date=day(2024, 1, 1))
    publish_article(news, "Lịch tiếp công dân tháng 3", date=day(2018, 1, 1))

    assert found("tiep cong dan") == ["Lịch tiếp công dân tháng 3", "Thông báo"]


def test_newer_rank_above_older_when_otherwise_equal(news):
    for year in (2019, 2023, 2021):
        publish_article(news, f"Phòng chống dịch năm {year}", date=day(year, 3, 1))

    assert found("phong chong dich") == [
        "Phòng chống dịch năm 2023", "Phòng chống dịch năm 2021", "Phòng chống dịch năm 2019",
    ]


def test_document_numbers_are_found_exactly(news):
    publish_article(news, "Học tập và làm theo Bác", body="Thực hiện Chỉ thị 03-CT/TW của Bộ Chính trị.")
    publish_article(news, "Thông báo kết luận", body="Theo Thông báo số 83-TB/HU ngày 03/5 của Huyện ủy.")
    publish_article(news, "Ngày 03 tháng 5", body="Trung ương (TW) chỉ đạo; CT xã 03 ấp.")

    assert found("03-CT/TW") == ["Học tập và làm theo Bác"]
    assert found("83-TB/HU") == ["Thông báo kết luận"]
    assert found("83-tb/hu") == ["Thông báo kết luận"]


def test_every_syllable_must_be_there(news):
    publish_article(news, "Cấp giấy khai sinh cho trẻ em")
    publish_article(news, "Cấp giấy phép xây dựng")

    assert found("thu tuc cap giay khai sinh") == []
    assert found("cap giay khai sinh") == ["Cấp giấy khai sinh cho trẻ em"]


def test_category_filter_takes_subcategories(news, home):
    sub = publish_child(news, NewsCategoryPage(title="Tin xã", slug="tin-xa"))
    other = publish_child(home, NewsCategoryPage(title="Tin khác", slug="tin-khac"))
    publish_article(news, "Lúa mùa thắng lớn ở huyện", slug="a")
    publish_article(sub, "Lúa mùa thắng lớn ở xã", slug="b")
    publish_article(other, "Lúa mùa thắng lớn nơi khác", slug="c")

    assert set(found("lua mua", category_path=news.path)) == {
        "Lúa mùa thắng lớn ở huyện", "Lúa mùa thắng lớn ở xã",
    }
