"""A printed article: the article alone, black on white, full width, with its address and date;
no menus, search, display settings, portlets or footer links."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.server]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TITLE = "Hiệu quả thiết thực sau 04 năm học tập và làm theo Bác ở Đảng bộ huyện Kế Sách"
NOT_PRINTED = {
    "skip link": ".skip-link",
    "main menu": ".main-menu",
    "search": ".site-search",
    "display settings": "[data-display-settings]",
    "portlets": "aside.layout__side",
    "footer links": ".site-footer__links",
    "share links": ".share",
    "earlier news": ".earlier-news",
}


def printed_article(new_context, live_site, article_path, init_script=""):
    context = new_context()
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(live_site.base_url + article_path)
    return page


def test_printed_article_shows_only_the_article_with_its_address_and_date(live_site, new_context, article_path):
    page = printed_article(new_context, live_site, article_path)
    url = live_site.base_url + article_path
    for what, selector in NOT_PRINTED.items():
        assert page.locator(selector).count(), f"{what}: {selector} is not on the page at all"
        for element in page.locator(selector).all():
            expect(element, f"{what} is printed").to_be_hidden()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.locator(".article__body")).to_be_visible()
    expect(page.locator(".article__byline")).to_be_visible()
    source = page.locator(".article__print-source")
    expect(source).to_be_visible()
    expect(source).to_have_text(f"Địa chỉ bài viết: {url} – Ngày đăng: 11/11/2015")

    look = page.evaluate("""() => {
        const s = e => getComputedStyle(document.querySelector(e));
        return {text: s('.article__body p').color, title: s('.article__title').color, page: s('body').backgroundColor,
                main: document.querySelector('main').getBoundingClientRect().width / document.documentElement.clientWidth};
    }""")
    assert look["text"] == look["title"] == "rgb(0, 0, 0)"
    assert look["page"] == "rgb(255, 255, 255)"
    assert look["main"] > 0.95, "the article is not printed full width"


def test_print_ignores_screen_display_settings(live_site, new_context, article_path):
    page = printed_article(new_context, live_site, article_path,
                           "localStorage.setItem('eportal.contrast', 'high'); localStorage.setItem('eportal.textSize', '200');")
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.article__body p')).color,
        getComputedStyle(document.documentElement).fontSize]""")
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)", "16px"]


def test_the_address_line_is_for_paper_only(live_site, new_context, article_path):
    page = new_context().new_page()
    page.goto(live_site.base_url + article_path)
    expect(page.locator(".article__print-source")).to_be_hidden()
    # The print view (?in=1, "In bài") previews the paper on screen: the line shows there.
    page.get_by_role("link", name="In bài").click()
    expect(page.locator(".print-note")).to_be_visible()
    expect(page.locator(".article__print-source")).to_be_visible()
    expect(page.locator(".article__print-source")).to_contain_text(live_site.base_url + article_path)
    expect(page.locator(".main-menu")).to_have_count(0)


def test_article_prints_to_pdf_with_its_address(live_site, new_context, article_path):
    page = new_context().new_page()
    page.goto(live_site.base_url + article_path)
    not_printed = set(page.evaluate("""[...document.querySelectorAll('.main-menu a, aside a, .site-footer__links a')]
        .map(a => a.href).filter(href => href !== location.origin + '/')"""))
    assert len(not_printed) > 10
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "article-print.pdf"
    data = page.pdf(path=str(pdf), format="A4", print_background=True)
    assert data.startswith(b"%PDF-") and len(data) > 20_000
    assert pdf.read_bytes() == data
    # Chromium writes each printed link as an uncompressed URI annotation: the article's
    # address is one; the menu's, the portlets' and the footer's links are not printed.
    uris = {uri.decode() for uri in re.findall(rb"/URI \(([^)]*)\)", data)}
    assert live_site.base_url + article_path in uris
    assert not uris & not_printed, uris & not_printed
