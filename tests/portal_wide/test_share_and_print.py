"""Print and share links: plain links built on the server, no third-party request on load."""

from html import escape
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory

from eportal.core.models import MainMenu, MainMenuItem, WebsiteLink, WebsiteLinks

from ..factories import ArticleFactory, VideoFactory, VideoIndexFactory
from .htmlmeta import link, parse

pytestmark = pytest.mark.django_db

# The only other hosts a page may point to: the share targets (plain links, never loaded)
# and the Dublin Core namespace, which is an identifier that browsers do not fetch.
ALLOWED_EXTERNAL = {("a", "www.facebook.com"), ("link", "purl.org")}


@pytest.fixture
def article(category):
    return ArticleFactory(parent=category, title="Chỉ thị 03-CT/TW & việc học tập", slug="chi-thi-03")


def test_article_has_print_and_share_links(client, identity, article):
    html = client.get(article.url).content.decode()
    doc = parse(html)
    url = "http://testserver" + article.url
    hrefs = {attrs.get("class"): value for tag, name, value, attrs in doc.urls if tag == "a"}
    assert hrefs["share__print"] == article.url + "?in=1"
    facebook = urlsplit(hrefs["share__facebook"])
    assert (facebook.scheme, facebook.netloc, facebook.path) == ("https", "www.facebook.com", "/sharer/sharer.php")
    assert parse_qs(facebook.query) == {"u": [url]}
    assert hrefs["share__mail"] == f"mailto:?subject={quote(article.title)}&body={quote(article.title + chr(10) + url)}"
    assert ">In bài</a>" in html and "Sao chép liên kết" in html
    assert f'value="{url}" readonly' in html


def test_no_third_party_resources(client, identity, site, home, article, image):
    library = VideoIndexFactory(parent=home)
    VideoFactory(parent=library, poster=image)
    menu = MainMenu.for_site(site)
    MainMenuItem.objects.create(menu=menu, link_page=home, sort_order=0)
    WebsiteLink.objects.create(owner=WebsiteLinks.for_site(site), title="Chính phủ", url="https://chinhphu.vn/")
    for url in ["/", article.url, article.url + "?in=1", "/du-lieu-mo/", "/api/v1/docs"]:
        doc = parse(client.get(url).content.decode())
        for tag, name, value, attrs in doc.urls:
            host = urlsplit(value).netloc
            if host and host != "testserver":
                # The video portlet links (never embeds) videos on the allowed video hosts.
                video_link = tag == "a" and host in settings.EPORTAL_VIDEO_EMBED_HOSTS
                assert video_link or (tag, host) in ALLOWED_EXTERNAL, (url, tag, name, value)
        for tag, name, value, attrs in doc.urls:
            if tag in ("script", "img", "iframe", "video", "source", "audio", "embed", "object") or (
                tag == "link" and attrs.get("rel") == "stylesheet"
            ):
                assert not urlsplit(value).netloc, (url, tag, value)


def test_print_view_leaves_out_menus_and_portlets(client, site, identity, home, article):
    MainMenuItem.objects.create(menu=MainMenu.for_site(site), link_page=home, sort_order=0)
    normal = client.get(article.url).content.decode()
    assert 'class="main-menu' in normal and "layout__side" in normal
    response = client.get(article.url + "?in=1")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<body class="print-view">' in html
    assert 'class="main-menu' not in html and "layout__side" not in html and "luot-truy-cap" not in html
    assert escape(article.title) in html and "Bản in" in html
    doc = parse(html)
    assert doc.meta["robots"] == "noindex, follow"
    assert link(doc, "canonical") == ["http://testserver" + article.url]


def test_print_stylesheet_hides_the_chrome(client):
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/portal.css"), encoding="utf-8").read()
    printed = css.split("@media print")[1]
    for selector in [".main-menu", ".layout__side", ".share", ".skip-link", ".breadcrumbs"]:
        assert selector in printed


def test_any_page_type_can_include_the_snippet(identity, site, home):
    library = VideoIndexFactory(parent=home)
    request = RequestFactory().get(library.url, {"trang": "2"})
    request.site = site
    html = Template('{% include "core/includes/share.html" %}').render(Context({"request": request, "page": library}))
    assert f"{library.url}?trang=2&amp;in=1" in html
    assert quote("http://testserver" + library.url, safe="") in html
    assert f"subject={quote(library.title)}" in html


def test_the_snippet_works_in_views_without_a_page(identity, site):
    request = RequestFactory().get("/du-lieu-mo/")
    html = Template('{% include "core/includes/share.html" %}').render(
        Context({"request": request, "meta_title": "Dữ liệu mở (API)"})
    )
    assert "/du-lieu-mo/?in=1" in html and quote("Dữ liệu mở (API)") in html
