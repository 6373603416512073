"""What a visitor sees and does in a real browser, on a phone and on a desktop."""

import base64
import re

import pytest
from playwright.sync_api import expect

from ..conftest import PERSON_AGENT
from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.server]

TITLE = "Hiệu quả thiết thực sau 04 năm học tập và làm theo Bác ở Đảng bộ huyện Kế Sách"
BYLINE = "Nguyễn Thị Hồng Lê HUV, Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách"
PORTLET_HEADINGS = ["Tin đã đưa", "Liên kết Website", "Lượt truy cập", "Video Clip"]
DVC_LABEL = "Cổng Dịch vụ công quốc gia"
DVC_URL = "https://dichvucong.gov.vn/"


def fake_dichvucong(context):
    """No internet here: answer for the external site instead of the network."""
    context.route("https://dichvucong.gov.vn/**", lambda route: route.fulfill(
        status=200, body="ok", content_type="text/plain"))


def fake_dichvucong_after_redirect(context, page):
    """Like fake_dichvucong, for a request that a server redirect leads to.

    Playwright's route handlers see only the first request of a redirect chain, so the
    browser would resolve the real host and fail (ERR_NAME_NOT_RESOLVED). Chromium's own
    Fetch interception, driven over CDP, sees every hop. Returns the intercepted URLs.
    """
    cdp = context.new_cdp_session(page)
    seen = []

    def answer(event):
        seen.append(event["request"]["url"])
        cdp.send("Fetch.fulfillRequest", {
            "requestId": event["requestId"],
            "responseCode": 200,
            "responseHeaders": [{"name": "Content-Type", "value": "text/plain"}],
            "body": base64.b64encode(b"ok").decode(),
        })

    cdp.on("Fetch.requestPaused", answer)
    cdp.send("Fetch.enable", {"patterns": [
        {"urlPattern": "https://dichvucong.gov.vn/*", "requestStage": "Request"},
    ]})
    return seen


def counter_digits(page):
    """The 8 digits shown by the hit counter frame, as a string."""
    digits = page.frame_locator("iframe.hit-counter-frame").locator("p.digits > span")
    expect(digits).to_have_count(8)
    return "".join(digits.all_inner_texts())


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_seed_article_reads_well(live_site, new_context, article_path, tmp_path, device):
    context = new_context(**(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    response = page.goto(live_site.base_url + article_path)
    assert response.status == 200

    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.locator(".article__date")).to_contain_text("11/11/2015")
    expect(page.locator(".article__byline")).to_have_text(BYLINE)
    for heading in PORTLET_HEADINGS:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()

    digits = counter_digits(page)
    assert re.fullmatch(r"\d{8}", digits), digits
    frame = page.frame_locator("iframe.hit-counter-frame")
    expect(frame.locator("p.online")).to_have_text(re.compile(r"^Đang online: \d+$"))

    width = (PHONE if device == "phone" else DESKTOP)["viewport"]["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"horizontal scrolling at {width} px: {scroll_width} px wide"

    shot = tmp_path / f"article-{device}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0


def test_choosing_a_link_with_the_mouse_goes_there(live_site, new_context, article_path):
    context = new_context()
    fake_dichvucong(context)
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    select = page.get_by_label("Chọn trang liên kết")
    # A mouse user clicks the list open, then picks an option: portal.js goes at once.
    select.dispatch_event("mousedown")
    with page.expect_navigation(url=DVC_URL):
        select.select_option(label=DVC_LABEL)
    assert page.url == DVC_URL
    expect(page.locator("body")).to_have_text("ok")


def test_links_dropdown_works_without_javascript(live_site, new_context, article_path):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    intercepted = fake_dichvucong_after_redirect(context, page)
    page.goto(live_site.base_url + article_path)
    page.get_by_label("Chọn trang liên kết").select_option(label=DVC_LABEL)
    assert page.url == live_site.base_url + article_path  # choosing alone goes nowhere
    with page.expect_request(DVC_URL) as redirected:
        with page.expect_navigation(url=DVC_URL):
            page.get_by_role("button", name="Đi đến").click()
    assert page.url == DVC_URL
    assert DVC_URL in intercepted
    # It got there through the portal's own redirect, not through script.
    hop = redirected.value.redirected_from
    assert hop is not None
    assert hop.url == live_site.base_url + "/lien-ket/?url=https%3A%2F%2Fdichvucong.gov.vn%2F"
    assert hop.response().status == 302


def test_skip_link_is_the_first_tab_stop_and_focuses_main(live_site, new_context, article_path):
    page = new_context().new_page()
    page.goto(live_site.base_url + article_path)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Chuyển đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # it shows itself when focused
    page.keyboard.press("Enter")
    expect(page.locator("main#noi-dung")).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "noi-dung"


def test_counter_counts_each_page_view_once(live_site, new_context, article_path):
    # A person's browser: Playwright's own User-Agent (HeadlessChrome) counts as a bot's.
    page = new_context(user_agent=PERSON_AGENT).new_page()
    page.goto(live_site.base_url + article_path)
    first = int(counter_digits(page))
    page.goto(live_site.base_url + article_path)
    second = int(counter_digits(page))
    assert second == first + 1
