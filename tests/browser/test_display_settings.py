"""Text size ("Cỡ chữ") and high contrast ("Tương phản cao"): used with the keyboard alone,
remembered across pages and reloads without a cookie, applied before the page shows, and
the pages stay usable and accessible (axe-core) at 200 % and in high contrast."""

import re

import pytest
from playwright.sync_api import expect

from .axe import axe_violations as run_axe
from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.server]

SIZE_KEY = "eportal.textSize"
CONTRAST_KEY = "eportal.contrast"

# Inside a box that scrolls sideways (a wide table in its own scroll region: WCAG 1.4.10
# lets two-dimensional content scroll) or inside a 1 px visually hidden box (a table's
# header row read by screen readers on phones).
EXEMPT = """const exempt = (e) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
  const s = getComputedStyle(a);
  if (['auto', 'scroll'].includes(s.overflowX) || (s.overflowX === 'hidden' && a.clientWidth <= 1)) return true;
} return false; };"""
# Elements with text whose box cuts their content off (overflow hidden or clip); 1 px boxes
# are the visually-hidden pattern (screen-reader text, honeypot fields), clipped on purpose.
CLIPPED = """() => { """ + EXEMPT + """ return [...document.querySelectorAll('body *')].filter(e => {
  if (!e.checkVisibility() || !e.textContent.trim() || e.clientWidth <= 1 || e.clientHeight <= 1 || exempt(e)) return false;
  const s = getComputedStyle(e);
  const cuts = (overflow) => ['hidden', 'clip'].includes(overflow);
  return (cuts(s.overflowX) && e.scrollWidth > e.clientWidth + 1)
      || (cuts(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
}).map(e => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`); }"""
# Visible elements reaching past the right edge of the viewport.
PAST_THE_EDGE = """() => { """ + EXEMPT + """ return [...document.querySelectorAll('body *')].filter(e => e.checkVisibility()
    && !exempt(e) && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}`); }"""


def stored(context, size=None, contrast=False):
    """A context whose pages start with these settings in localStorage, as a returning visitor."""
    script = ""
    if size:
        script += f"localStorage.setItem('{SIZE_KEY}', '{size}');"
    if contrast:
        script += f"localStorage.setItem('{CONTRAST_KEY}', 'high');"
    context.add_init_script(script)
    return context


def root_font_px(page):
    return float(page.evaluate("getComputedStyle(document.documentElement).fontSize")[:-2])


def body_text_px(page):
    return float(page.evaluate("getComputedStyle(document.querySelector('main p')).fontSize")[:-2])


def tab_to(page, name, limit=40):
    """Press Tab until the button called name has the focus (keyboard only)."""
    target = page.get_by_role("button", name=name, exact=True)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {name!r}")




def test_keyboard_user_enlarges_text_and_it_is_remembered_without_a_cookie(live_site, new_context, article_path):
    context = new_context()
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    cookies = context.cookies()
    switcher = page.get_by_role("group", name="Tùy chọn hiển thị")
    expect(switcher).to_be_visible()
    larger = switcher.get_by_role("button", name="Tăng cỡ chữ")
    default = switcher.get_by_role("button", name="Cỡ chữ mặc định")
    expect(default).to_have_attribute("aria-pressed", "true")
    assert root_font_px(page) == 16
    body = body_text_px(page)

    tab_to(page, "Tăng cỡ chữ")
    expect(larger).to_be_focused()
    page.keyboard.press("Enter")
    assert root_font_px(page) == 20
    page.keyboard.press("Space")
    assert root_font_px(page) == 24
    assert body_text_px(page) == pytest.approx(body * 1.5)
    expect(switcher.get_by_role("status")).to_have_text(re.compile(r"150%$"))
    expect(default).to_have_attribute("aria-pressed", "false")
    expect(larger).to_be_focused()
    for _ in range(4):  # 175, 200, then no further
        page.keyboard.press("Enter")
    assert root_font_px(page) == 32
    expect(larger).to_have_attribute("aria-disabled", "true")
    expect(larger).to_be_focused()  # still in the Tab order at the limit
    page.keyboard.press("Shift+Tab")  # back to "A", then to "A−"
    page.keyboard.press("Shift+Tab")
    expect(switcher.get_by_role("button", name="Giảm cỡ chữ")).to_be_focused()
    page.keyboard.press("Enter")
    assert root_font_px(page) == 28
    assert page.evaluate(f"localStorage.getItem('{SIZE_KEY}')") == "175"

    page.reload()
    assert root_font_px(page) == 28
    expect(switcher.get_by_role("status")).to_have_text(re.compile(r"175%$"))
    page.get_by_role("link", name="Trang chủ").first.click()
    page.wait_for_url(live_site.base_url + "/")
    assert root_font_px(page) == 28

    tab_to(page, "Cỡ chữ mặc định")
    page.keyboard.press("Space")
    assert root_font_px(page) == 16
    expect(default).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(f"localStorage.getItem('{SIZE_KEY}')") is None
    # localStorage only: the portal set no cookie for it (so no cookie banner is needed).
    assert context.cookies() == cookies


def test_stored_size_is_set_before_the_page_is_drawn(live_site, new_context, article_path):
    page = stored(new_context(), size="150").new_page()
    page.goto(live_site.base_url + article_path)
    # A blocking script at the top of <head>, before the style sheet: the first paint already
    # has the stored size, no jump from 100 % after load.
    order = page.evaluate("""() => [...document.head.children].filter(e => e.matches('script[src], link[rel=stylesheet]'))
        .map(e => e.tagName === 'SCRIPT' ? `script ${e.src.split('/').pop()} ${e.defer || e.async}` : 'stylesheet')""")
    assert order[0].startswith("script display-settings.") and order[0].endswith(" false"), order
    assert order.index("stylesheet") > 0
    assert page.evaluate("document.documentElement.dataset.textSize") == "150"
    assert root_font_px(page) == 24


def test_high_contrast_by_keyboard_applies_and_persists(live_site, new_context, article_path):
    context = new_context()
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    toggle = page.get_by_role("button", name="Tương phản cao")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    tab_to(page, "Tương phản cao")
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-pressed", "true")

    def colours():
        return page.evaluate("""() => {
            const c = e => getComputedStyle(document.querySelector(e));
            return {page: c('body').backgroundColor, header: c('.site-header').backgroundColor,
                    text: c('.article__body p').color, title: c('.article__title').color,
                    link: c('.breadcrumbs a').color, portlet: c('.portlet__title').backgroundColor};
        }""")

    expected = {"page": "rgb(0, 0, 0)", "header": "rgba(0, 0, 0, 0)", "text": "rgb(255, 255, 255)",
                "title": "rgb(255, 255, 255)", "link": "rgb(255, 255, 0)", "portlet": "rgba(0, 0, 0, 0)"}
    assert colours() == expected
    # The focused control still shows a visible focus ring.
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; })()")
    assert outline == ["solid", "3px", "rgb(0, 255, 255)"]

    page.reload()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert colours() == expected
    page.get_by_role("link", name="Trang chủ").first.click()
    page.wait_for_url(live_site.base_url + "/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.get_by_role("button", name="Tương phản cao").click()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate(f"localStorage.getItem('{CONTRAST_KEY}')") is None


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_nothing_is_cut_off_or_scrolls_sideways_at_200_percent(live_site, new_context, article_path, device):
    options = DESKTOP if device == "desktop" else PHONE
    page = stored(new_context(**options), size="200").new_page()
    for path in ["/", article_path]:
        page.goto(live_site.base_url + path)
        page.evaluate("document.fonts.ready.then(() => 1)")
        assert root_font_px(page) == 32, path
        width = options["viewport"]["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, page.evaluate(PAST_THE_EDGE))
        assert page.evaluate(PAST_THE_EDGE) == [], path
        assert page.evaluate(CLIPPED) == [], path


@pytest.mark.parametrize("setting", ["high-contrast", "200%"])
def test_axe_finds_no_violation(live_site, new_context, article_path, setting):
    context = new_context()
    if setting == "high-contrast":
        stored(context, contrast=True)
    else:
        stored(context, size="200")
    page = context.new_page()
    for path in ["/", article_path]:
        page.goto(live_site.base_url + path)
        page.evaluate("document.fonts.ready.then(() => 1)")
        expect(page.locator("[data-display-settings]")).to_be_visible()
        assert run_axe(page) == [], f"{setting} {path}"


def test_without_javascript_there_is_no_switcher_and_the_page_reads(live_site, new_context, article_path):
    page = stored(new_context(java_script_enabled=False), size="200", contrast=True).new_page()
    page.goto(live_site.base_url + article_path)
    expect(page.locator("[data-display-settings]")).to_be_hidden()
    expect(page.get_by_role("button", name="Tăng cỡ chữ")).to_have_count(0)
    expect(page.get_by_role("button", name="Tương phản cao")).to_have_count(0)
    expect(page.locator(".article__title")).to_be_visible()
    assert root_font_px(page) == 16


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_every_public_page_in_high_contrast_at_200_percent(live_site, new_context, public_urls, device):
    """Both settings at once on one page of every type: axe finds nothing, and nothing
    scrolls sideways or is cut off, on a 1366 px desktop and on a 360 px phone."""
    page = stored(new_context(**(DESKTOP if device == "desktop" else PHONE)), size="200", contrast=True).new_page()
    paths = sorted(set(public_urls.values())) + ["/tim-kiem/?q=k%E1%BA%BF+s%C3%A1ch", "/du-lieu-mo/"]
    found = []
    for path in paths:
        response = page.goto(live_site.base_url + path)
        assert response.status == 200, path
        assert root_font_px(page) == 32, path
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)", path
        found += [f"{path}: {v}" for v in run_axe(page)]
        found += [f"{path}: past the edge: {v}" for v in page.evaluate(PAST_THE_EDGE)]
        found += [f"{path}: clipped: {v}" for v in page.evaluate(CLIPPED)]
        if page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]:
            found.append(f"{path}: the page scrolls sideways")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_hit_counter_frame_follows_text_size_and_contrast(live_site, new_context, article_path, device):
    context = new_context(**(DESKTOP if device == "desktop" else PHONE))
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    frame = page.frame_locator("iframe.hit-counter-frame")
    expect(frame.locator("p.digits > span")).to_have_count(8)
    digit = frame.locator("p.digits > span").first
    normal = float(digit.evaluate("e => getComputedStyle(e).fontSize")[:-2])

    tab_to(page, "Tăng cỡ chữ")
    for _ in range(4):
        page.keyboard.press("Enter")
    tab_to(page, "Tương phản cao")
    page.keyboard.press("Enter")
    expect(digit).to_have_css("font-size", f"{normal * 2:g}px")
    expect(frame.locator("body")).to_have_css("background-color", "rgb(0, 0, 0)")
    expect(digit).to_have_css("color", "rgb(0, 0, 0)")
    # The frame grows with the text: nothing inside it is cut off.
    fits = frame.locator("html").evaluate(
        "html => html.scrollWidth <= html.clientWidth + 1 && html.scrollHeight <= html.clientHeight + 1")
    assert fits, "the counter does not fit its frame at 200 %"

    # A returning visitor: the frame takes the stored settings when it loads.
    page.reload()
    expect(page.frame_locator("iframe.hit-counter-frame").locator("p.digits > span").first).to_have_css(
        "font-size", f"{normal * 2:g}px")
    assert run_axe(page) == []
