"""The visit figures of a site for a period (eportal.visits.figures) and their charts."""

import datetime
import re

import pytest

from eportal.reports import periods
from eportal.visits import charts, figures
from eportal.visits.recording import prune

from ..factories import ArticleFactory
from .seeding import at, figures_reads, seed_quarter, visit

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 28)
Q3 = periods.quarter(2025, 3)


def table(rows):
    return [(row.label, row.people, row.bots) for row in rows]


@pytest.fixture
def seeded(site, home, settings):
    settings.EPORTAL_VISIT_DAYS_KEPT = 400
    return seed_quarter(site, home)


def test_the_quarter(site, seeded):
    result = figures.compute(site, Q3, "thang", today=TODAY)
    assert (result.people, result.bots) == (10, 6)
    assert table(result.series) == [("07/2025", 5, 1), ("08/2025", 4, 5), ("09/2025", 1, 0)]
    assert table(result.pages) == [
        ("Khai mạc hội chợ", 4, 5), ("Mùa lúa bội thu", 3, 1), (seeded["home"].title, 2, 0),
        (f"Trang đã xoá (#{seeded['c_id']})", 1, 0),
    ]
    assert result.pages[0].url == seeded["b"].url and result.pages[-1].url == ""
    # Each page counts for its nearest category; the home page and the deleted page for none.
    assert table(result.categories) == [("Tin hoạt động", 4, 5), ("Nông nghiệp", 3, 1), ("(Ngoài chuyên mục)", 3, 0)]
    assert result.categories[1].url == seeded["farming"].url
    assert table(result.referrers) == [("Trong cổng", 4, 5), ("google.com", 3, 1), ("Vào trực tiếp", 2, 0), ("facebook.com", 1, 0)]
    assert table(result.devices) == [("Máy tính bảng", 4, 5), ("Điện thoại", 3, 1), ("Máy tính", 3, 0)]
    assert result.breakdown_note == ""


def test_default_granularity_follows_the_length_of_the_period():
    assert figures.default_granularity(periods.custom(datetime.date(2025, 7, 5), datetime.date(2025, 7, 6))) == "gio"
    assert figures.default_granularity(periods.custom(datetime.date(2025, 7, 5), datetime.date(2025, 7, 7))) == "ngay"
    assert figures.default_granularity(Q3) == "ngay"  # 92 days
    assert figures.default_granularity(periods.quarter(2025, 4)) == "ngay"
    assert figures.default_granularity(periods.custom(datetime.date(2025, 1, 1), datetime.date(2025, 4, 30))) == "thang"


def test_hours_of_one_day(site, seeded):
    day = periods.custom(datetime.date(2025, 7, 5), datetime.date(2025, 7, 5))
    result = figures.compute(site, day, figures.parse_granularity({}, day), today=TODAY)
    assert len(result.series) == 24
    busy = [(p.label, p.people, p.bots) for p in result.series if p.people or p.bots]
    assert busy == [("09:00 05/07/2025", 3, 1), ("10:00 05/07/2025", 2, 0)]


def test_days_of_a_range_and_years(site, seeded):
    span = periods.custom(datetime.date(2025, 7, 5), datetime.date(2025, 8, 10))
    result = figures.compute(site, span, "ngay", today=datetime.date(2025, 12, 1))
    assert len(result.series) == 37 and result.series[0].label == "05/07/2025"
    assert (result.people, result.bots) == (9, 6)
    assert table(result.pages)[:2] == [("Khai mạc hội chợ", 4, 5), ("Mùa lúa bội thu", 3, 1)]
    assert result.breakdown_note == ""

    years = figures.compute(site, periods.custom(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)), "nam", today=TODAY)
    assert table(years.series) == [("2024", 0, 0), ("2025", 160, 6)]


def test_an_old_period_reads_whole_months_and_says_so(site, seeded, settings):
    """Day rows of pages, referrers and devices are pruned after EPORTAL_VISIT_DAYS_KEPT days."""
    visit(site, at(2025, 7, 2), seeded["a"], "google.com", "mobile", people=7)  # July, before the range
    settings.EPORTAL_VISIT_DAYS_KEPT = 30
    assert prune(TODAY) > 0
    span = periods.custom(datetime.date(2025, 7, 5), datetime.date(2025, 8, 10))
    result = figures.compute(site, span, "ngay", today=TODAY)
    # The totals and the series come from the site's own rows, kept for ever: exact.
    assert (result.people, result.bots) == (9, 6)
    # The breakdowns cover July and August entirely, and the page says so.
    assert ("Mùa lúa bội thu", 10, 1) in table(result.pages)
    assert (result.breakdown_start, result.breakdown_end) == (datetime.date(2025, 7, 1), datetime.date(2025, 8, 31))
    assert result.breakdown_note == (
        "Số liệu theo trang, chuyên mục, nguồn truy cập và thiết bị được tính theo cả tháng, "
        "từ 01/07/2025 đến 31/08/2025: số liệu theo ngày chỉ được giữ 30 ngày."
    )


@pytest.mark.parametrize(("value", "message"), [
    ("tuan", "Cách chia thời gian “tuan” không hợp lệ"),
    ("gio", "Theo giờ chỉ xem được cho khoảng tối đa 31 ngày; kỳ này có 92 ngày."),
])
def test_a_bad_granularity_is_refused(value, message):
    with pytest.raises(periods.PeriodError, match=re.escape(message)):
        figures.parse_granularity({"theo": value}, Q3)


def test_the_number_of_queries_does_not_grow_with_the_data(site, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    category = seed_quarter(site, home)["news"]
    figures.compute(site, Q3, today=TODAY)  # warm the site-root cache that page links use
    for n in range(30):
        page = ArticleFactory(parent=category)
        visit(site, at(2025, 7, 1 + n, n % 24), page, f"nguon-{n}.vn", "mobile", people=n + 1)
    with CaptureQueriesContext(connection) as queries:
        result = figures.compute(site, Q3, "ngay", today=TODAY)
    data = figures_reads(queries.captured_queries)
    assert len(data) <= 4, [q["sql"][:120] for q in data]
    assert len(result.pages) == 34 and len(result.series) == 92


def test_numbers_are_written_the_vietnamese_way():
    assert figures.vn_number(1234567) == "1.234.567"
    assert figures.vn_number(999) == "999"


def test_charts_are_accessible_images_in_two_styles(site, seeded):
    result = figures.compute(site, Q3, "thang", today=TODAY)
    svg = str(charts.time_series("c1", result.series, "Lượt xem theo tháng"))
    assert svg.startswith('<svg class="visit-chart" id="c1" role="img" aria-labelledby="c1-title c1-desc"')
    assert '<title id="c1-title">Lượt xem theo tháng</title>' in svg
    assert "Tổng 10 lượt xem của người truy cập và 6 lượt của máy tự động (bot); cao nhất 5 lượt (07/2025)" in svg
    # People solid, bots dashed, with a legend in words.
    assert 'class="visit-chart__people"' in svg and re.search(r'class="visit-chart__bots"[^>]*stroke-dasharray', svg)
    assert "Người truy cập</text>" in svg and "Máy tự động (bot)</text>" in svg
    assert "<script" not in svg and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")

    bar_svg = str(charts.bars("c2", result.pages, "Trang được xem nhiều nhất"))
    assert bar_svg.count('class="visit-chart__people"') == 4
    assert bar_svg.count('fill="url(#c2-hatch)"') == 5  # four bars and the legend
    assert ">Khai mạc hội chợ</text>" in bar_svg


def test_chart_text_is_escaped_and_big_numbers_formatted(site):
    from eportal.visits.figures import Row

    svg = str(charts.bars("c3", [Row("<b>Trang & tin</b>", 1234567, 0)], "Trang"))
    assert "&lt;b&gt;Trang &amp; tin&lt;/b&gt;" in svg and "<b>" not in svg
    assert ">1.234.567</text>" in svg
    assert charts.nice_ceiling(1234567) == 2000000 and charts.nice_ceiling(0) == 4
