"""Hỏi đáp in a real browser: a visitor asks, the head of the board answers and publishes
in the admin, and the visitor reads the answer by tracking code and on the public list.

tests/questions/ checks the same rules with the Django test client.
"""

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.server]

NAVIGATION_TIMEOUT = 30_000
ANSWER = "Mang theo tờ khai và giấy chứng sinh đến Ủy ban nhân dân xã nơi cư trú."
ANSWERED_BY = "Phòng Tư pháp huyện Kế Sách"


@pytest.fixture
def questions_page(live_site):
    """The URL of the Hỏi đáp page (created if the demo does not have it yet) and a sector."""
    out = live_site.python("""
import json
from wagtail.models import Site
from eportal.core.models import Sector
from eportal.questions.demo import ensure_index_page
site = Site.objects.get(is_default_site=True)
page = ensure_index_page(site.root_page.specific)
sector = Sector.objects.filter(slug="ho-tich").first() or Sector.objects.filter(name="Hộ tịch").first()
if sector is None:
    sector = Sector.objects.create(slug="ho-tich", name="Hộ tịch")
print(json.dumps({"url": page.url, "sector": sector.name}))
""")
    return json.loads(out)


def question_id(live_site, code):
    return int(live_site.python(f"""
from eportal.questions.models import Question
print(Question.objects.get(tracking_code={code!r}).pk)
"""))


def test_visitor_asks_board_answers_visitor_reads(live_site, new_context, questions_page, head_of_board, tmp_path):
    base = live_site.base_url + questions_page["url"]
    title = f"Đăng ký khai sinh cho con ({uuid.uuid4().hex[:6]})"

    # 1. A visitor on a phone fills in the form, without hurrying, and sends it.
    visitor = new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).new_page()
    visitor.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
    assert visitor.goto(base + "gui-cau-hoi/").status == 200
    visitor.locator("input[name='asker_name']").fill("Người thử nghiệm")
    visitor.locator("input[name='email']").fill("nguoi-thu@example.com")
    visitor.locator("input[name='phone']").fill("0912 345 678")
    visitor.locator("select[name='sector']").select_option(label=questions_page["sector"])
    visitor.locator("input[name='title']").fill(title)
    visitor.locator("textarea[name='question']").fill("Con tôi mới sinh, xin hỏi cần giấy tờ gì để đăng ký khai sinh?")
    honeypot = visitor.locator("input[name='website']").bounding_box()
    assert honeypot is None or honeypot["x"] + honeypot["width"] <= 0  # out of sight
    visitor.wait_for_timeout(3200)  # the form refuses answers sent within 3 s of opening it
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Gửi câu hỏi").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Đã nhận câu hỏi của bạn")
    code = visitor.locator("#ma-tra-cuu").inner_text().strip()
    assert re.fullmatch(r"HD-\d{4}-[A-Z2-9]{8}", code), code
    visitor.screenshot(path=tmp_path / "1-submitted.png")

    # Not answered yet: the look-up says so, and the public list does not show it.
    visitor.goto(base + "tra-cuu/")
    visitor.locator("input[name='ma']").fill(code.lower())
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Tra cứu").click()
    expect(visitor.locator(".qa-status")).to_have_text("Mới nhận")
    visitor.goto(base)
    expect(visitor.locator("main")).not_to_contain_text(title)

    # 2. The head of the board answers and publishes it in the admin.
    admin = new_context().new_page()
    admin.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
    log_in(admin, live_site, head_of_board("truongban_hd"))
    admin.goto(live_site.base_url + "/admin/hoi-dap/")
    expect(admin.locator("main")).to_contain_text(code)
    admin.goto(f"{live_site.base_url}/admin/hoi-dap/edit/{question_id(live_site, code)}/")
    expect(admin.locator("input[name='email']")).to_have_value("nguoi-thu@example.com")
    admin.locator("select[name='status']").select_option(value="answered")
    editor = admin.locator("[data-field-input] [contenteditable='true']").first
    editor.click()
    editor.press_sequentially(ANSWER)
    # Draftail writes its hidden input a moment after the last keystroke.
    expect(admin.locator("input[name='answer']")).to_have_value(re.compile("giấy chứng sinh"))
    admin.locator("input[name='answered_by']").fill(ANSWERED_BY)
    admin.locator("input[name='is_public']").check()
    with admin.expect_navigation():
        admin.locator("footer button[type='submit']").first.click()
    assert admin.locator(".w-field__errors .error-message, .messages .error").count() == 0
    expect(admin.locator(".messages .success")).to_be_visible()
    admin.screenshot(path=tmp_path / "2-answered.png")

    # 3. The visitor looks the code up and reads the answer...
    visitor.goto(base + "tra-cuu/")
    visitor.locator("input[name='ma']").fill(code)
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Tra cứu").click()
    expect(visitor.locator(".qa-status")).to_have_text("Đã trả lời")
    expect(visitor.locator(".qa-answer")).to_contain_text(ANSWER)
    expect(visitor.locator(".qa-answer")).to_contain_text(ANSWERED_BY)
    visitor.screenshot(path=tmp_path / "3-lookup.png")

    # ...and finds it on the public list, without any contact data.
    visitor.goto(base)
    link = visitor.get_by_role("link", name=title)
    expect(link).to_be_visible()
    with visitor.expect_navigation():
        link.click()
    main = visitor.locator("main")
    expect(main).to_contain_text(ANSWER)
    expect(main).to_contain_text("Người thử nghiệm")
    for private in ("nguoi-thu@example.com", "0912345678", code):
        expect(main).not_to_contain_text(private)
    visitor.screenshot(path=tmp_path / "4-public.png")

    # An unknown code is "Không tìm thấy".
    visitor.goto(base + "tra-cuu/")
    visitor.locator("input[name='ma']").fill("HD-2026-ZZZZZZZZ")
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Tra cứu").click()
    expect(visitor.locator("main")).to_contain_text("Không tìm thấy")

    live_site.python(f"""
from eportal.questions.models import Question
Question.objects.filter(tracking_code={code!r}).delete()
""")
