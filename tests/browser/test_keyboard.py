"""Keyboard only: every control can be reached with Tab, shows where the focus is, does
its job with Enter, Space and Escape, and lets the focus go on (no trap)."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .test_public_site import DVC_LABEL, DVC_URL, fake_dichvucong

pytestmark = [pytest.mark.browser, pytest.mark.server]

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# Numbers every control a visitor can see and Tab to, in document order.
MARK_FOCUSABLE = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]),'
    + ' textarea:not([disabled]), summary, video[controls], iframe, [tabindex]:not([tabindex="-1"])';
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    const shown = el.getClientRects().length > 0 && style.visibility !== 'hidden';
    // Controls hidden by design until focused (skip links) count; those in a closed <details> do not.
    const folded = el.closest('details:not([open])') && el.tagName !== 'SUMMARY';
    if (shown && !folded && !el.closest('[inert]')) { el.dataset.kbd = String(n++); }
  }
  return n;
}"""

# What has the focus now, and whether a sighted keyboard user can see it.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) { return null; }
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const ring = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
    && box.top < innerHeight && box.left < innerWidth;
  return {id: el.dataset.kbd ?? null, tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || el.name || '').slice(0, 40),
          visibleFocus: outline || ring || el.tagName === 'IFRAME', onScreen};
}"""


def tab_through(page, limit=400):
    """Presses Tab until the focus leaves the page or comes back to where it started."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["id"] is not None and focused["id"] == stops[0]["id"]):
            return stops
        stops.append(focused)
    raise AssertionError(f"still tabbing after {limit} stops: a keyboard trap? last: {stops[-5:]}")


def tab_until_focused(page, target, limit=200):
    """Presses Tab until target has the focus, as a keyboard user gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def choose_with_arrow_keys(page, select, label):
    """Moves a focused <select> to the option called label with ArrowDown."""
    target = select.locator("option").all_inner_texts().index(label)
    for _ in range(target - select.evaluate("el => el.selectedIndex")):
        page.keyboard.press("ArrowDown")


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("which", ["home", "article"])
def test_tab_reaches_every_control_with_a_visible_focus(live_site, new_context, article_path, which, device):
    page = new_context(**VIEWPORTS[device]).new_page()
    page.goto(live_site.base_url + ("/" if which == "home" else article_path))
    page.wait_for_load_state("load")
    expected = page.evaluate(MARK_FOCUSABLE)
    assert expected > 20, expected

    stops = tab_through(page)
    assert stops[0]["text"] == "Chuyển đến nội dung chính", stops[0]
    hidden = [s for s in stops if not s["visibleFocus"] or not s["onScreen"]]
    assert not hidden, f"focus not visible on: {hidden}"
    reached = {s["id"] for s in stops if s["id"] is not None}
    missed = page.evaluate(
        "(reached) => [...document.querySelectorAll('[data-kbd]')].filter(el => !reached.includes(el.dataset.kbd))"
        ".map(el => el.outerHTML.slice(0, 120))", sorted(reached))
    assert not missed, f"never reached with Tab: {missed}"


def test_website_links_dropdown_by_keyboard(live_site, new_context, article_path):
    context = new_context()
    fake_dichvucong(context)
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    select = page.get_by_label("Chọn trang liên kết")
    tab_until_focused(page, select)
    # Arrow keys move through the options without leaving the page (WCAG 3.2.2) ...
    choose_with_arrow_keys(page, select, DVC_LABEL)
    assert page.url == live_site.base_url + article_path
    expect(select).to_have_value(DVC_URL)
    # ... Enter goes there.
    with page.expect_navigation(url=DVC_URL):
        page.keyboard.press("Enter")


def test_website_links_button_works_with_space(live_site, new_context, article_path):
    context = new_context()
    fake_dichvucong(context)
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    select = page.get_by_label("Chọn trang liên kết")
    select.focus()
    choose_with_arrow_keys(page, select, DVC_LABEL)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Đi đến")).to_be_focused()
    with page.expect_navigation(url=DVC_URL):
        page.keyboard.press("Space")


def test_phone_menu_opens_with_enter_and_closes_with_escape(live_site, new_context, article_path):
    page = new_context(**PHONE).new_page()
    page.goto(live_site.base_url + article_path)
    toggle = page.locator(".main-menu__toggle > summary")
    first_link = page.locator(".main-menu__list a").first
    expect(first_link).to_be_hidden()  # folded on phones
    toggle.focus()
    page.keyboard.press("Enter")
    expect(first_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Escape")
    expect(first_link).to_be_hidden()
    expect(toggle).to_be_focused()  # the focus goes back to the button, not to the top
    page.keyboard.press("Space")
    expect(first_link).to_be_visible()


def test_portlet_skip_link_jumps_past_the_portlet(live_site, new_context, article_path):
    page = new_context().new_page()
    page.goto(live_site.base_url + article_path)
    skip = page.get_by_role("link", name="Bỏ qua khối Video Clip")
    skip.focus()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "het-portlet-video"
    page.keyboard.press("Tab")
    inside_video_portlet = page.evaluate("!!document.activeElement.closest('[aria-labelledby=portlet-video-title]')")
    assert not inside_video_portlet


@pytest.mark.parametrize("device", VIEWPORTS)
def test_search_by_keyboard(live_site, new_context, device):
    page = new_context(**VIEWPORTS[device]).new_page()
    page.goto(live_site.base_url + "/")
    box = page.get_by_label("Từ khóa tìm kiếm")
    tab_until_focused(page, box, limit=30)
    page.keyboard.type("kế sách")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/tim-kiem/" in page.url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
