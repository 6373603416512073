"""The public schedule: one week at a time, navigation, bad parameters, print view."""

import datetime

import pytest
from django.utils import timezone

from eportal.schedule.weeks import Week

from .conftest import add_entry

pytestmark = pytest.mark.django_db


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_week_shows_entries_grouped_by_day(client, schedule):
    add_entry(schedule, datetime.date(2026, 11, 23), "07:30", "11:00", "Họp Ban Thường vụ Huyện ủy",
              presiding="Thường trực Huyện ủy", participants="Ủy viên Ban Thường vụ",
              place="Phòng họp Huyện ủy", notes="Chuẩn bị tài liệu")
    add_entry(schedule, datetime.date(2026, 11, 23), "14:00", None, "Tiếp công dân định kỳ")
    add_entry(schedule, datetime.date(2026, 11, 26), "08:00", "10:00", "Họp UBND huyện thường kỳ")
    add_entry(schedule, datetime.date(2026, 11, 30), "08:00", None, "Việc của tuần sau")
    html = get(client, schedule, "?tuan=2026-W48")

    assert "Tuần 48 năm 2026 (từ 23/11/2026 đến 29/11/2026)" in html
    monday = html.index("Thứ Hai 23/11/2026")
    thursday = html.index("Thứ Năm 26/11/2026")
    assert monday < html.index("07:30 – 11:00") < html.index("Họp Ban Thường vụ Huyện ủy") < thursday
    assert monday < html.index("Tiếp công dân định kỳ") < thursday
    assert thursday < html.index("Họp UBND huyện thường kỳ")
    for text in ["Thường trực Huyện ủy", "Ủy viên Ban Thường vụ", "Phòng họp Huyện ủy", "Chuẩn bị tài liệu",
                 "Chủ trì", "Thành phần", "Địa điểm", "Ghi chú"]:
        assert text in html
    assert "Việc của tuần sau" not in html
    # Weekdays without entries say so; an empty weekend is left out.
    assert "Thứ Ba 24/11/2026" in html and "Không có lịch công tác." in html
    assert "Thứ Bảy 28/11/2026" not in html and "Chủ nhật 29/11/2026" not in html


def test_weekend_days_appear_when_they_have_entries(client, schedule):
    add_entry(schedule, datetime.date(2026, 11, 29), "07:00", None, "Ra quân ngày Chủ nhật xanh")
    html = get(client, schedule, "?tuan=2026-W48")
    assert "Chủ nhật 29/11/2026" in html and "Ra quân ngày Chủ nhật xanh" in html


def test_default_is_the_current_week_in_vietnam(client, schedule):
    today = timezone.localdate()
    add_entry(schedule, today, "09:00", None, "Việc hôm nay")
    html = get(client, schedule)
    assert Week.containing(today).label in html
    assert "Việc hôm nay" in html
    assert "(hôm nay)" in html
    assert "Tuần hiện tại" not in html  # no link to where we are


def test_previous_and_next_links_and_week_picker(client, schedule):
    html = get(client, schedule, "?tuan=2026-W48")
    assert f'href="{schedule.url}?tuan=2026-W47" rel="prev"' in html
    assert f'href="{schedule.url}?tuan=2026-W49" rel="next"' in html
    assert 'type="week"' in html and 'name="tuan"' in html and 'value="2026-W48"' in html
    assert f'href="{schedule.url}?tuan=2026-W48&amp;in=1"' in html


def test_year_boundary_2026_w53_and_2027_w01(client, schedule):
    add_entry(schedule, datetime.date(2027, 1, 1), "08:00", None, "Trực Tết Dương lịch")
    add_entry(schedule, datetime.date(2027, 1, 4), "07:30", None, "Họp đầu năm 2027")

    html = get(client, schedule, "?tuan=2026-W53")
    assert "Tuần 53 năm 2026 (từ 28/12/2026 đến 03/01/2027)" in html
    assert "Thứ Sáu 01/01/2027" in html and "Trực Tết Dương lịch" in html
    assert "Họp đầu năm 2027" not in html
    assert f'href="{schedule.url}?tuan=2027-W01" rel="next"' in html

    html = get(client, schedule, "?tuan=2027-W01")
    assert "Tuần 1 năm 2027 (từ 04/01/2027 đến 10/01/2027)" in html
    assert "Họp đầu năm 2027" in html and "Trực Tết Dương lịch" not in html
    assert f'href="{schedule.url}?tuan=2026-W53" rel="prev"' in html


@pytest.mark.parametrize("value", ["2027-W53", "2026-W00", "2026-W99", "abc", "<script>", "9" * 400,
                                   "1900-W01", "2026-W48'--", "%00"])
def test_bad_week_shows_the_current_week_with_a_note(client, schedule, value):
    response = client.get(schedule.url, {"tuan": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "không hợp lệ" in html and "Đang hiển thị lịch tuần hiện tại." in html
    assert Week.containing(timezone.localdate()).label in html
    assert "<script>" not in html


def test_other_parameters_are_ignored(client, schedule):
    html = get(client, schedule, "?tuan=2026-W48&in=abc&trang=x")
    assert "Tuần 48 năm 2026" in html and "Chọn tuần" in html


def test_print_view(client, schedule, site):
    add_entry(schedule, datetime.date(2026, 11, 24), "08:00", "11:00", "Hội nghị sơ kết Chỉ thị 03-CT/TW",
              presiding="Thường trực Huyện ủy", place="Hội trường Huyện ủy")
    html = get(client, schedule, "?tuan=2026-W48&in=1")
    assert '<body class="schedule-print">' in html
    assert "Tuần 48 năm 2026 (từ 23/11/2026 đến 29/11/2026)" in html
    assert "Hội nghị sơ kết Chỉ thị 03-CT/TW" in html and "Hội trường Huyện ủy" in html
    assert f'href="{schedule.url}?tuan=2026-W48"' in html  # back to the normal view
    assert 'name="robots" content="noindex"' in html
    # No site chrome, no scripts, nothing third-party.
    assert "site-header" not in html and "<script" not in html and "<iframe" not in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_print_view_of_a_bad_week_keeps_the_note(client, schedule):
    html = get(client, schedule, "?tuan=2026-W60&in=1")
    assert "Đang hiển thị lịch tuần hiện tại." in html and "schedule-print" in html


def test_page_loads_its_css_and_print_styles(client, schedule):
    html = get(client, schedule)
    assert "css/schedule.css" in html


def test_entries_of_another_schedule_page_are_not_shown(client, schedule, home):
    from eportal.core.pages import publish_child
    from eportal.schedule.models import WorkSchedulePage

    other = publish_child(home, WorkSchedulePage(title="Lịch công tác Đảng ủy", slug="lich-dang-uy"))
    add_entry(other, datetime.date(2026, 11, 23), "07:00", None, "Việc của lịch khác")
    assert "Việc của lịch khác" not in get(client, schedule, "?tuan=2026-W48")
    assert "Việc của lịch khác" in get(client, other, "?tuan=2026-W48")
