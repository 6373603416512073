"""Light on a phone over a mobile network: what a first visit to an article transfers, where
it comes from, and that the page reads before (and without) any script."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .axe import screenshot_path
from .conftest import DESKTOP, PHONE
from .test_public_site import TITLE

pytestmark = [pytest.mark.browser, pytest.mark.server]

BUDGET = 150_000  # bytes on the wire: HTML, CSS, fonts, script, the counter frame
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def first_visit(new_context, url, **options):
    """Loads url in an empty browser profile and returns (page, finished requests)."""
    context = new_context(**options)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    failed = []
    context.on("requestfailed", lambda request: failed.append(request))
    page = context.new_page()
    errors = []
    # The browser's own requests (the site icon) are seen only as console errors.
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert not failed, [r.url for r in failed]
    assert not errors, errors
    return page, finished


def transferred(request):
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


@pytest.mark.parametrize("device", VIEWPORTS)
def test_article_first_visit_is_light_and_same_origin(live_site, new_context, article_path, device):
    page, requests = first_visit(new_context, live_site.base_url + article_path, **VIEWPORTS[device])
    origin = urlsplit(live_site.base_url).netloc
    elsewhere = [r.url for r in requests if urlsplit(r.url).netloc != origin]
    assert not elsewhere, f"requests to another origin: {elsewhere}"

    article_images = set(page.evaluate(
        "[...document.querySelectorAll('article img')].map(img => img.currentSrc || img.src)"))
    counted = [r for r in requests if r.url not in article_images]
    total = sum(transferred(r) for r in counted)
    kinds = {}
    for r in counted:
        kinds[r.resource_type] = kinds.get(r.resource_type, 0) + transferred(r)
    assert total <= BUDGET, f"{total} bytes > {BUDGET}: {kinds}"
    # The page is whole: styles, the shipped fonts and the counter frame were part of it.
    assert kinds.get("stylesheet", 0) > 0 and kinds.get("font", 0) > 0 and kinds.get("document", 0) > 0, kinds
    print(f"article first visit ({device}): {total} bytes {kinds}")


def test_article_reads_without_javascript(live_site, new_context, article_path):
    context = new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    body = page.locator(".article__body")
    expect(body).to_be_visible()
    assert len(body.inner_text()) > 1000
    # Without script the phone menu stays open, so every section is still one tap away.
    expect(page.get_by_role("navigation", name="Menu chính").get_by_role("link").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]


def test_article_text_is_painted_before_scripts_run(live_site, new_context, article_path):
    """The script is deferred: the title is on screen while portal.js is still on its way."""
    context = new_context(**PHONE)
    held = []
    context.route("**/static/js/portal*.js", lambda route: held.append(route))
    page = context.new_page()
    page.goto(live_site.base_url + article_path, wait_until="commit")
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    assert held, "portal.js was not requested"
    assert page.evaluate("document.readyState") == "interactive"  # the script has not run
    for route in held:
        route.continue_()


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("which", ["home", "article"])
def test_screenshots_for_review(live_site, new_context, article_path, which, device):
    """Leaves build/screenshots/{home,article}-{phone,desktop}.png for a person to look at."""
    options = VIEWPORTS[device]
    page = new_context(**options).new_page()
    page.goto(live_site.base_url + ("/" if which == "home" else article_path))
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    path = screenshot_path(f"{which}-{device}.png")
    page.screenshot(path=str(path), full_page=True)
    width = int.from_bytes(path.read_bytes()[16:20], "big")  # PNG IHDR
    assert width == options["viewport"]["width"] * options.get("device_scale_factor", 1)
