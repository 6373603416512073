import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eportal.schedule import demo
from eportal.schedule.models import ScheduleEntry, WorkSchedulePage
from eportal.schedule.weeks import Week

from .conftest import add_entry

pytestmark = pytest.mark.django_db

BUDGET = 14


def queries_for(client, url):
    client.get(url)  # warm the caches a visitor's first request fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill_week(page, count):
    monday = Week(2026, 48).monday
    for i in range(count):
        add_entry(page, monday + datetime.timedelta(days=i % 7), f"{7 + i % 10:02d}:{i % 60:02d}", None,
                  f"Công việc số {i}", presiding="Lãnh đạo UBND huyện", place="Hội trường")


@pytest.mark.parametrize("query", ["?tuan=2026-W48", "?tuan=2026-W48&in=1", "?tuan=khong-hop-le"])
def test_week_view_runs_a_fixed_number_of_queries(client, schedule, query):
    fill_week(schedule, 5)
    small = queries_for(client, schedule.url + query)
    fill_week(schedule, 45)
    large = queries_for(client, schedule.url + query)
    assert small == large, "query count grew with the entries"
    assert large <= BUDGET, large


def test_demo_is_idempotent_and_labelled(client, site, home):
    page = demo.load(site, home)
    entries = ScheduleEntry.objects.count()
    assert entries == 2 * len(demo.WEEK_ITEMS)
    demo.load(site, home)
    assert WorkSchedulePage.objects.count() == 1 and ScheduleEntry.objects.count() == entries
    assert page.slug == "lich-cong-tac" and page.live
    assert all("(Dữ liệu mẫu)" in entry.content for entry in ScheduleEntry.objects.all())

    html = client.get(page.url).content.decode()
    week = Week.containing(timezone.localdate())
    assert week.label in html
    assert "Họp Ban Thường vụ Huyện ủy (Dữ liệu mẫu)" in html and "Tiếp công dân định kỳ" in html
    assert "Lãnh đạo UBND huyện" in html
    next_week = client.get(page.url + f"?tuan={week.next().param}").content.decode()
    assert "Họp Ban Thường vụ Huyện ủy (Dữ liệu mẫu)" in next_week


def test_demo_leaves_a_week_with_editors_entries_alone(site, home):
    page = demo.load(site, home)
    ScheduleEntry.objects.all().delete()
    monday = Week.containing(timezone.localdate()).monday
    add_entry(page, monday, "08:00", None, "Lịch thật của Văn phòng")
    demo.load(site, home)
    this_week = page.entries.filter(date__range=(monday, monday + datetime.timedelta(days=6)))
    assert list(this_week.values_list("content", flat=True)) == ["Lịch thật của Văn phòng"]
