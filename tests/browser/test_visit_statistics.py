"""Báo cáo → Thống kê truy cập in a real browser: the head of the board opens a month with
visits, the charts and tables are there, the page passes axe, and a screenshot is kept in
build/screenshots/visit-statistics.png."""

import pytest
from playwright.sync_api import expect

from .axe import axe_violations, screenshot_path
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.server]

MONTH = "2025-07"  # a past month: the live site's own counting today does not change it

SEED = """
import datetime, json
from django.utils import timezone
from wagtail.models import Site
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.visits.recording import increments, write

site = Site.objects.get(is_default_site=True)
pages = [site.root_page] + list(ArticlePage.objects.live().filter(path__startswith=site.root_page.path)[:4])
pages += list(NewsCategoryPage.objects.live().filter(path__startswith=site.root_page.path)[:2])
referrers = ["", "@", "google.com", "baochinhphu.vn", "facebook.com"]
devices = ["desktop", "mobile", "tablet"]
counts = {}
for day in range(1, 32):
    for n, page in enumerate(pages):
        moment = timezone.make_aware(datetime.datetime(2025, 7, day, 7 + n % 12))
        field = f"{int(moment.timestamp()) // 3600 * 3600}|{page.pk}|{referrers[(day + n) % 5]}|{devices[(day * n) % 3]}"
        counts["p" + field] = counts.get("p" + field, 0) + (day % 7 + 1) * (len(pages) - n) + 3
        if day % 3 == 0:
            counts["b" + field] = counts.get("b" + field, 0) + n + 1
write(site.pk, increments(site.pk, counts))
print(json.dumps(len(pages)))
"""


@pytest.fixture(scope="module")
def visits_of_july(live_site):
    live_site.python(SEED)


def test_head_of_board_reads_the_visit_statistics(live_site, new_context, head_of_board, visits_of_july):
    # Tall enough for the whole report: the admin scrolls its content inside the window.
    page = new_context(viewport={"width": 1366, "height": 3000}).new_page()
    page.set_default_navigation_timeout(30_000)
    log_in(page, live_site, head_of_board("truongban_tk"))

    response = page.goto(f"{live_site.base_url}/admin/thong-ke-truy-cap/?ky={MONTH}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thống kê truy cập")
    expect(page.locator("main h2")).to_contain_text("Tháng 7/2025")
    people = page.locator("[data-total='people']").inner_text()
    assert int(people.replace(".", "")) > 1000 and "." in people  # grouped the Vietnamese way
    # Five charts, each an image with a name, and the tables after them.
    charts = page.get_by_role("img")
    expect(page.locator("svg.visit-chart")).to_have_count(5)
    expect(charts.filter(has=page.locator("title"))).to_have_count(5)
    expect(page.locator("table[data-table='visits-referrers']")).to_contain_text("baochinhphu.vn")
    expect(page.locator("table[data-table='visits-referrers']")).to_contain_text("Vào trực tiếp")
    expect(page.locator("table[data-table='visits-devices']")).to_contain_text("Điện thoại")
    page.screenshot(path=screenshot_path("visit-statistics.png"), full_page=True)

    # The time series table opens from its summary, by keyboard too.
    series = page.locator("table[data-table='series']")
    expect(series).to_be_hidden()
    page.get_by_text("Bảng số liệu theo thời gian").focus()
    page.keyboard.press("Enter")
    expect(series).to_be_visible()
    expect(series.locator("tbody tr")).to_have_count(31)
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)

    # The granularity picker and the CSV export work from the page.
    page.locator("select#theo").select_option("nam")
    with page.expect_navigation():
        page.get_by_role("button", name="Xem thống kê").click()
    expect(page.locator("main h3#visits-series")).to_contain_text("theo năm")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về CSV").click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") and "Thiết bị".encode() in data


def test_a_bad_period_is_explained(live_site, new_context, head_of_board):
    page = new_context().new_page()
    log_in(page, live_site, head_of_board("truongban_tk"))
    response = page.goto(f"{live_site.base_url}/admin/thong-ke-truy-cap/?ky=2025-13")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_have_text("Tháng phải từ 1 đến 12.")
