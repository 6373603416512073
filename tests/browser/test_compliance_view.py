"""Báo cáo → Tuân thủ in a real browser: the head of the board opens it, it passes axe,
and a screenshot is kept in build/screenshots/compliance.png."""

import pytest
from playwright.sync_api import expect

from eportal.compliance.rules import RULES

from .axe import axe_violations, screenshot_path
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_head_of_board_opens_the_compliance_view(live_site, new_context, head_of_board):
    page = new_context().new_page()
    page.set_default_navigation_timeout(30_000)
    log_in(page, live_site, head_of_board("truongban_tt"))

    response = page.goto(live_site.base_url + "/admin/tuan-thu/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tuân thủ")
    rows = page.locator("table.compliance__table tbody tr")
    expect(rows).to_have_count(len(RULES))
    # Every status is written out, not only coloured.
    for text in page.locator("table.compliance__table tbody .compliance-status").all_inner_texts():
        assert text in {"Đạt", "Cần cập nhật", "Chưa đạt"}
    expect(page.locator("tr[data-code='gioi-thieu'] td").first).to_have_text("Đạt")

    violations = axe_violations(page)
    page.screenshot(path=screenshot_path("compliance.png"), full_page=True)
    assert violations == [], "\n".join(violations)
