import pytest

from eportal.core.models import WebsiteLink, WebsiteLinks

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def links(site):
    owner = WebsiteLinks.for_site(site)
    WebsiteLink.objects.create(owner=owner, title="Cổng Thông tin điện tử Chính phủ", url="https://chinhphu.vn/")
    return owner


def test_link_redirect_goes_to_a_registered_link(client, links):
    response = client.get("/lien-ket/", {"url": "https://chinhphu.vn/"})
    assert response.status_code == 302
    assert response["Location"] == "https://chinhphu.vn/"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "https://chinhphu.vn.evil.example/",
        "//evil.example/",
        "javascript:alert(1)",
        "https://chinhphu.vn/@evil.example",
        "/admin/",
    ],
)
def test_link_redirect_refuses_unregistered_targets(client, links, target):
    response = client.get("/lien-ket/", {"url": target})
    assert response.status_code == 400
    assert "Location" not in response
    assert "không có trong danh sách Liên kết Website" in response.content.decode()


def test_link_redirect_without_a_choice_explains(client, links):
    response = client.get("/lien-ket/")
    assert response.status_code == 400
    assert "Bạn chưa chọn liên kết nào" in response.content.decode()


def test_links_of_another_site_are_not_targets(client, links, home):
    from wagtail.models import Site

    other = Site.objects.create(hostname="xa.example", port=80, root_page=home)
    owner = WebsiteLinks.for_site(other)
    WebsiteLink.objects.create(owner=owner, title="Khác", url="https://other.example/")
    assert client.get("/lien-ket/", {"url": "https://other.example/"}).status_code == 400


def test_feeds_list_articles(client, category):
    ArticleFactory(parent=category, title="Tin đưa lên RSS", lead="Tóm tắt tin RSS")
    for url in ["/rss/", category.url + "rss/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        body = response.content.decode()
        assert "<title>Tin đưa lên RSS</title>" in body and "Tóm tắt tin RSS" in body


def test_sitemap_lists_public_pages_only(client, category):
    live = ArticleFactory(parent=category, title="Có trong sơ đồ")
    draft = ArticleFactory(parent=category, title="Bản nháp")
    draft.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    assert live.url in body and category.url in body
    assert draft.url not in body


def test_robots_txt_points_to_the_sitemap(client, site):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_a_refused_form_is_explained_in_vietnamese(site):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/lien-ket/", {"url": "x"})
    assert response.status_code == 403
    assert "Không gửi được biểu mẫu" in response.content.decode()
