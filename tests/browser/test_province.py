"""The province installation in a real browser: the province portal, a commune component
site and the archived Kế Sách district portal, all served by one process."""

import re

import pytest

from .axe import axe_violations, screenshot_path
from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.server]

SEED_TITLE = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
BANNER = "Trang lưu trữ của Cổng thông tin điện tử UBND Huyện Kế Sách, hoạt động đến 30/06/2025"


def test_the_three_sites_of_the_province_demo(province_live_site, new_context):
    base = province_live_site.base_url
    page = new_context().new_page()

    page.goto(base + "/")
    header = page.locator("header").text_content()
    assert "Cổng thông tin điện tử thành phố Cần Thơ (dữ liệu mẫu)" in header
    assert "tỉnh Cần Thơ" not in header  # a province-level city is not a "tỉnh"
    assert not axe_violations(page)
    page.screenshot(path=screenshot_path("province-home.png"), full_page=True)

    page.goto(base + "/xa-ke-sach/")
    header = page.locator("header").text_content()
    assert "xã Kế Sách (dữ liệu mẫu)" in header
    assert page.locator("a.site-brand").get_attribute("href") == "/xa-ke-sach/"
    page.get_by_role("link", name="Xã Kế Sách ra quân làm đường giao thông nông thôn").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(base + "/xa-ke-sach/")
    assert "Dữ liệu mẫu" in page.content()
    assert not axe_violations(page)
    page.screenshot(path=screenshot_path("province-commune-article.png"), full_page=True)

    page.goto(base + "/huyen-ke-sach/")
    assert BANNER in page.locator("header").text_content()
    page.get_by_role("link", name=re.compile(SEED_TITLE)).first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(base + "/huyen-ke-sach/")
    assert BANNER in page.locator("header").text_content()
    assert "(11/11/2015)" in page.content() or "11/11/2015" in page.content()
    assert not axe_violations(page)
    page.screenshot(path=screenshot_path("province-archive-article.png"), full_page=True)


def test_the_province_search_finds_the_commune_and_the_archive(province_live_site, new_context):
    page = new_context(**PHONE).new_page()
    page.goto(province_live_site.base_url + "/tim-kiem/?q=lam+duong+giao+thong")
    result = page.locator(".search-result").first
    assert "xã Kế Sách (dữ liệu mẫu)" in result.text_content()
    assert result.locator("a").first.get_attribute("href").startswith("/xa-ke-sach/")
    page.locator("#tim-don-vi").select_option(label="Cổng thông tin điện tử thành phố Cần Thơ (dữ liệu mẫu)")
    page.get_by_role("button", name="Tìm kiếm").last.click()
    page.wait_for_load_state("load")
    assert "don-vi=" in page.url
    assert page.locator(".search-result").count() == 0
    assert not axe_violations(page)
