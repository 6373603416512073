"""Parsing saved Liferay pages and RSS feeds (no database)."""

import datetime
from pathlib import Path

import pytest

from eportal.legacy.html_parser import DEFAULT_CATEGORY, parse_date_text, parse_html
from eportal.legacy.parser import LegacyParseError
from eportal.legacy.rss import parse_feed

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "liferay" / "hoi-nghi-tong-ket.html"
NOTICE = FIXTURES / "liferay" / "thong-bao-lich-tiep-dan.htm"
FEED = FIXTURES / "tin-tuc.rss"


def paragraphs_html(parsed):
    return "".join(block["value"] for block in parsed.blocks if block["type"] == "paragraph")


@pytest.fixture(autouse=True)
def _time_zone(settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"


def test_liferay_6_asset_publisher_page():
    parsed = parse_html(PAGE.read_text(encoding="utf-8"))
    article = parsed.article
    assert article.title == "Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024"
    # The date line of the article, not "04/01/2024" in the first sentence.
    assert article.published == datetime.datetime(2024, 1, 5, 14, 30)
    assert article.category == "Kinh tế - Xã hội"  # the breadcrumb's last entry before the title
    assert (article.author_name, article.author_position) == ("Trần Văn Bình", "Văn phòng HĐND và UBND huyện")
    assert parsed.original_urls == [
        "https://kesach.soctrang.gov.vn/web/ubnd-ke-sach/tin-tuc/-/asset_publisher/Xk7dQ2pLmN9a/content/"
        "hoi-nghi-tong-ket-cong-tac-nam-2023-va-trien-khai-nhiem-vu-nam-2024"
    ]
    html = paragraphs_html(parsed)
    assert html.startswith("<p")
    assert "<strong>Hội nghị tổng kết công tác năm 2023</strong>" in html
    assert "<h2>Kết quả nổi bật</h2>" in html and "<li>Tỷ lệ hộ nghèo giảm còn 2,1%;</li>" in html
    assert 'src="./hoi-nghi-tong-ket_files/hoi-nghi-tong-ket-2023.jpg"' in html
    for junk in ("Chia sẻ Facebook", "Tweet", "In bài viết", "Đánh giá", "Tin đã đưa", "Lượt truy cập",
                 "Trở lại", "Bỏ qua nội dung", "Liferay", "themeDisplay", "Văn bản", "Tin liên quan khác",
                 "Địa chỉ: số 1", "(05/01/2024 14:30)", "Trần Văn Bình"):
        assert junk not in html, junk
    tables = [block["value"] for block in parsed.blocks if block["type"] == "table"]
    assert len(tables) == 1
    assert tables[0]["table"]["data"][0] == ["Chỉ tiêu", "Kế hoạch", "Thực hiện"]
    assert tables[0]["table"]["data"][2] == ["Giải quyết việc làm (lao động)", "2.500", "2.731"]
    assert tables[0]["table"]["first_row_is_table_header"] is True


def test_page_with_meta_time_author_element_and_article_id_url():
    parsed = parse_html(NOTICE.read_text(encoding="utf-8"))
    article = parsed.article
    assert article.title == "Thông báo lịch tiếp công dân định kỳ tháng 3 năm 2024"
    assert article.category == "Thông báo"
    # 01:15 UTC is 08:15 in Vietnam.
    assert article.published == datetime.datetime(2024, 2, 28, 8, 15)
    assert (article.author_name, article.author_position) == ("Nguyễn Thị Mai", "Ban Tiếp công dân huyện")
    assert len(parsed.original_urls) == 2
    assert any("_101_INSTANCE_q9Wz_articleId=48213" in url for url in parsed.original_urls)
    html = paragraphs_html(parsed)
    assert "Chia sẻ Zalo" not in html and "Sao chép" not in html and "Tác giả" not in html
    assert "<i>căn cước công dân</i>" in html
    table = next(block["value"] for block in parsed.blocks if block["type"] == "table")
    assert table["caption"] == "Lịch tiếp công dân"


def test_title_from_the_html_title_and_default_category():
    html = """<html><head><title>Tin ngắn - Cổng TTĐT xã An Lạc Thôn</title></head><body>
    <div id="content"><p>Ngày đăng: 02/09/2023 07h05</p><p>Xã An Lạc Thôn tổ chức lễ mừng Quốc khánh 2/9.</p>
    <p>Hoạt động thu hút đông đảo bà con tham gia.</p></div></body></html>"""
    parsed = parse_html(html)
    assert parsed.article.title == "Tin ngắn"
    assert parsed.article.category == DEFAULT_CATEGORY
    assert parsed.article.published == datetime.datetime(2023, 9, 2, 7, 5)
    assert parsed.original_urls == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(11/11/2015)", datetime.date(2015, 11, 11)),
        ("Cập nhật: 5/3/2024 lúc 9:07", datetime.datetime(2024, 3, 5, 9, 7)),
        ("08:30 20/10/2022", datetime.datetime(2022, 10, 20, 8, 30)),
        ("không có ngày", None),
    ],
)
def test_dates(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("Chỉ là văn bản thường.", "not an HTML page"),
        ("<html><body><h1>Tiêu đề</h1><p>Không có ngày tháng nào ở đây cả, chỉ có chữ.</p></body></html>",
         "no publication date"),
        ("<html><body><h1>Tiêu đề</h1><p>(31/02/2024)</p><p>Nội dung bài viết đủ dài để là thân bài.</p></body></html>",
         "invalid date 31/02/2024"),
    ],
)
def test_bad_pages(html, message):
    with pytest.raises(LegacyParseError, match=message):
        parse_html(html)


def test_rss_feed():
    items = parse_feed(FEED.read_bytes())
    assert len(items) == 2
    first, second = items
    assert first.article.title == "Kế Sách ra quân chiến dịch Thanh niên tình nguyện hè 2024"
    assert first.article.category == "Đoàn thể"
    assert first.article.published == datetime.datetime(2024, 6, 15, 8, 30)  # 01:30 GMT
    assert first.article.author_name == "Lê Hoàng Nam"
    assert first.article.lead.startswith("Sáng 15/6, Huyện đoàn Kế Sách")
    assert first.original_urls[0].endswith("/content/ke-sach-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he-2024")
    body = paragraphs_html(first)
    assert "<strong>chiến dịch Thanh niên tình nguyện hè năm 2024</strong>" in body and "alert" not in body
    assert second.article.category == DEFAULT_CATEGORY
    assert second.article.published == datetime.datetime(2024, 7, 1, 8, 0)
    assert second.article.author_name == "Văn phòng HĐND và UBND huyện"  # from "email (Name)"
    assert "Hồ sơ nộp tại Phòng Nội vụ huyện." in paragraphs_html(second)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<rss><channel><item><title>x</title>", "not well-formed XML"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "not an RSS 2.0 feed"),
        (b"<rss version='2.0'><channel><item><title>Tin</title><description>x</description></item></channel></rss>",
         "item 1: no <pubDate>"),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel/></rss>', "forbidden XML"),
    ],
)
def test_bad_feeds(data, message):
    with pytest.raises(LegacyParseError, match=message):
        parse_feed(data)
