import datetime
import re

import pytest

from eportal.legacy.parser import LegacyParseError, legacy_key, parse_dump

from .conftest import BYLINE, CATEGORY, TITLE

CHROME = [
    "Tin đã đưa", "Lượt truy cập", "Skip portlet", "Video Clip", "Liên kết Website", "Hit counter", "Cổng thông tin",
]


def test_seed_file(seed_text):
    article = parse_dump(seed_text)
    assert article.category == CATEGORY
    assert article.title == TITLE
    assert article.published == datetime.date(2015, 11, 11)
    assert not article.has_time
    assert article.paragraphs[0].startswith("Xác định việc thực hiện Chỉ thị số 03-CT/TW")
    assert article.paragraphs[0].endswith("những kết quả quan trọng sau:")
    assert article.paragraphs[-1].startswith("Việc học tập và làm theo Bác của từng tập thể")
    assert article.paragraphs[-1].endswith("trong giai đoạn tới.")
    assert article.author_name == "Nguyễn Thị Hồng Lê HUV"
    assert article.author_position == "Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách"
    assert article.hit_count == 528527


def test_seed_paragraphs_are_clean(seed_text):
    paragraphs = parse_dump(seed_text).paragraphs
    assert len(paragraphs) == 13
    for paragraph in paragraphs:
        assert paragraph == paragraph.strip() and "\xa0" not in paragraph and "  " not in paragraph
        assert not any(chrome in paragraph for chrome in CHROME)
        assert BYLINE not in paragraph
    # List items stay separate paragraphs, as written.
    assert sum(p.startswith("- ") for p in paragraphs) == 5
    assert [p[:2] for p in paragraphs if p[0].isdigit()] == ["1.", "2.", "3.", "4."]


def test_no_byline(seed_text):
    article = parse_dump(seed_text.replace(BYLINE, ""))
    assert (article.author_name, article.author_position) == ("", "")
    assert article.paragraphs[-1].endswith("trong giai đoạn tới.")


def test_short_last_sentence_is_body_not_byline(seed_text):
    article = parse_dump(seed_text.replace(BYLINE, "Đây là kết quả đáng ghi nhận."))
    assert article.author_name == ""
    assert article.paragraphs[-1] == "Đây là kết quả đáng ghi nhận."


@pytest.mark.parametrize(
    "byline, name, position",
    [
        ("Minh Tuấn", "Minh Tuấn", ""),
        ("ThS. Trần Văn Bình, Phòng Văn hóa và Thông tin", "ThS. Trần Văn Bình", "Phòng Văn hóa và Thông tin"),
    ],
)
def test_byline_forms(seed_text, byline, name, position):
    article = parse_dump(seed_text.replace(BYLINE, byline))
    assert (article.author_name, article.author_position) == (name, position)


def test_lowercase_last_line_is_body(seed_text):
    article = parse_dump(seed_text.replace(BYLINE, "theo báo Sóc Trăng"))
    assert article.author_name == ""
    assert article.paragraphs[-1] == "theo báo Sóc Trăng"


def test_date_on_the_title_line(seed_text):
    article = parse_dump(seed_text.replace(f"{TITLE}\n(11/11/2015)", f"{TITLE} (11/11/2015)"))
    assert (article.category, article.title) == (CATEGORY, TITLE)
    assert article.published == datetime.date(2015, 11, 11)
    assert article.paragraphs == parse_dump(seed_text).paragraphs


def test_date_before_the_title(seed_text):
    article = parse_dump(seed_text.replace(f"{TITLE}\n(11/11/2015)", f"(11/11/2015)\n{TITLE}"))
    assert (article.category, article.title) == (CATEGORY, TITLE)
    assert article.published == datetime.date(2015, 11, 11)
    assert article.paragraphs == parse_dump(seed_text).paragraphs


def test_time_of_day(seed_text):
    article = parse_dump(seed_text.replace("(11/11/2015)", "(11/11/2015 08:30)"))
    assert article.published == datetime.datetime(2015, 11, 11, 8, 30)
    assert article.has_time


def test_crlf_and_bom(seed_text):
    article = parse_dump("\ufeff" + seed_text.replace("\n", "\r\n"))
    assert article == parse_dump(seed_text)
    assert legacy_key(article) == legacy_key(parse_dump(seed_text))


def test_wrapped_lines_are_joined(seed_text):
    text = seed_text.replace("Tuy nhiên, quá trình", "Tuy nhiên,\n   quá   trình")
    assert parse_dump(text).paragraphs == parse_dump(seed_text).paragraphs


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "empty"),
        ("\xa0\n\n  \n", "empty"),
        ("Lorem ipsum dolor sit amet.\n\nConsectetur elit.\n", "no date line of the form (dd/mm/yyyy) found"),
        ("<!DOCTYPE html><html><body><p>Xin chào (11/11/2015)</p></body></html>", "HTML"),
        ("\x00\x01\x02PK\x03\x04\x89PNG\x00\x00" * 20, "binary"),
        ("(11/11/2015)\n\nMột đoạn văn.\n", "no title before the date"),
        ("Tiêu đề (11/11/2015)\n\nMột đoạn văn.\n", "no category line before the title"),
        ("Chuyên mục\nTiêu đề\n(11/11/2015)\n\nTin đã đưa\n", "no body paragraphs"),
    ],
)
def test_not_a_portal_page(text, reason):
    with pytest.raises(LegacyParseError, match=re.escape(reason)):
        parse_dump(text)


@pytest.mark.parametrize("date", ["31/02/2015", "11/13/2015"])
def test_invalid_date(seed_text, date):
    with pytest.raises(LegacyParseError, match=f"invalid date {date}"):
        parse_dump(seed_text.replace("(11/11/2015)", f"({date})"))


def test_invalid_time(seed_text):
    with pytest.raises(LegacyParseError, match="invalid time 25:00"):
        parse_dump(seed_text.replace("(11/11/2015)", "(11/11/2015 25:00)"))


def test_legacy_key(seed_text):
    article = parse_dump(seed_text)
    key = legacy_key(article)
    assert len(key) == 40 and int(key, 16)
    # Case, spacing and the time of day do not change the identity; the title does.
    assert legacy_key(parse_dump(seed_text.replace(TITLE, "  " + TITLE.upper()))) == key
    assert legacy_key(parse_dump(seed_text.replace("(11/11/2015)", "(11/11/2015 08:30)"))) == key
    assert legacy_key(parse_dump(seed_text.replace(TITLE, TITLE + " (tiếp theo)"))) != key
