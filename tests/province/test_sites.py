"""One installation, many sites: component sites by path prefix and by host name, each with
its own identity, menu, counter, feed, sitemap and search; the province searches them all."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from eportal.core.hitcounter import current_total
from eportal.core.models import SiteIdentity
from eportal.core.pages import publish_child
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.province.site_template import SiteTemplateError, create_site

pytestmark = pytest.mark.django_db

COMMUNE = "Cổng thông tin điện tử xã Kế Sách (dữ liệu mẫu)"
HOST = "xa-dai-hai.example"


def article(parent, title, slug, body):
    return publish_child(parent, ArticlePage(
        title=title, slug=slug, lead="Tóm tắt.",
        date=datetime.datetime(2026, 10, 5, 8, 0, tzinfo=datetime.timezone.utc),
        body=ArticlePage.body_from_html(f"<p>{body}</p>"),
    ))


@pytest.fixture
def province(site, category):
    identity = SiteIdentity.for_site(site)
    identity.portal_title = "Cổng thông tin điện tử thành phố Cần Thơ"
    identity.save()
    article(category, "Thành phố họp bàn chuyển đổi số", "hop-ban-chuyen-doi-so", "Phiên họp về chuyển đổi số toàn thành phố.")
    return site


@pytest.fixture
def commune(province):
    made = create_site(COMMUNE, prefix="xa-ke-sach", agency="UBND xã Kế Sách")
    news = NewsCategoryPage.objects.child_of(made.site.root_page).get(slug="tin-tuc-su-kien")
    article(news, "Xã Kế Sách ra quân làm đường giao thông nông thôn", "ra-quan-lam-duong",
            "Người dân góp công làm đường giao thông nông thôn ở ấp An Định.")
    return made.site


@pytest.fixture
def hosted(province, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return create_site("Cổng thông tin điện tử xã Đại Hải (dữ liệu mẫu)", hostname=HOST).site


def test_a_prefixed_site_is_served_under_its_prefix_with_its_own_identity(client, commune):
    home = client.get("/xa-ke-sach/")
    assert home.status_code == 200
    html = home.content.decode()
    assert COMMUNE in html
    assert "Cần Thơ" not in re.search(r"<header.*?</header>", html, re.S).group(0)
    # Every link of the page stays on the commune site.
    assert 'class="site-brand" href="/xa-ke-sach/"' in html
    assert 'action="/xa-ke-sach/tim-kiem/"' in html
    assert 'href="/xa-ke-sach/rss/"' in html
    assert 'src="/xa-ke-sach/luot-truy-cap/' in html
    assert 'href="/xa-ke-sach/tin-tuc-su-kien/"' in html  # the menu, copied from the template and remapped

    page = client.get("/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/")
    assert page.status_code == 200
    assert "ra quân làm đường" in page.content.decode()


def test_the_province_portal_is_unchanged_beside_it(client, commune):
    html = client.get("/").content.decode()
    assert "Cổng thông tin điện tử thành phố Cần Thơ" in html
    assert 'class="site-brand" href="/"' in html
    assert client.get("/tin-tuc-su-kien/ra-quan-lam-duong/").status_code == 404


def test_the_prefix_without_its_slash_is_redirected(client, commune):
    response = client.get("/xa-ke-sach?a=1")
    assert response.status_code == 301
    assert response["Location"] == "/xa-ke-sach/?a=1"


def test_a_site_on_its_own_host_name(client, hosted):
    html = client.get("/", HTTP_HOST=HOST).content.decode()
    assert "xã Đại Hải" in html
    assert 'class="site-brand" href="/"' in html


def test_each_site_counts_its_own_visits(client, commune, province):
    client.get("/xa-ke-sach/luot-truy-cap/")
    client.get("/xa-ke-sach/luot-truy-cap/")
    client.get("/luot-truy-cap/")
    # With Redis the hits reach the database in batches: read the running totals.
    assert current_total(commune) == 2
    assert current_total(province) == 1


def test_feeds_and_sitemaps_are_per_site_with_the_sites_addresses(client, commune):
    feed = client.get("/xa-ke-sach/rss/").content.decode()
    assert "ra quân làm đường" in feed
    assert "chuyển đổi số" not in feed
    assert "/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/" in feed

    sitemap = client.get("/xa-ke-sach/sitemap.xml").content.decode()
    assert "http://testserver/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/" in sitemap
    assert "hop-ban-chuyen-doi-so" not in sitemap

    province_sitemap = client.get("/sitemap.xml").content.decode()
    assert "hop-ban-chuyen-doi-so" in province_sitemap
    assert "ra-quan-lam-duong" not in province_sitemap

    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/xa-ke-sach/sitemap.xml" in robots


def test_the_province_searches_every_site_and_filters_by_site(client, commune, province):
    found = client.get("/tim-kiem/", {"q": "lam duong"}).content.decode()
    assert 'href="/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/"' in found
    assert COMMUNE in found  # the result says which site it is from

    only_province = client.get("/tim-kiem/", {"q": "lam duong", "don-vi": province.pk}).content.decode()
    assert "ra-quan-lam-duong" not in only_province
    only_commune = client.get("/tim-kiem/", {"q": "chuyen doi so", "don-vi": commune.pk}).content.decode()
    assert "hop-ban-chuyen-doi-so" not in only_commune

    wrong = client.get("/tim-kiem/", {"q": "lam duong", "don-vi": "999999"})
    assert "Đơn vị này không có trong danh sách." in wrong.content.decode()


def test_a_commune_searches_only_itself(client, commune):
    html = client.get("/xa-ke-sach/tim-kiem/", {"q": "chuyen doi so"}).content.decode()
    assert "hop-ban-chuyen-doi-so" not in html
    assert 'name="don-vi"' not in html
    html = client.get("/xa-ke-sach/tim-kiem/", {"q": "lam duong"}).content.decode()
    assert 'href="/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/"' in html


def test_links_between_sites_are_absolute_and_prefixed(commune, province, rf):
    commune_article = ArticlePage.objects.get(slug="ra-quan-lam-duong")
    assert commune_article.full_url == "http://localhost/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/"
    request = rf.get("/")
    request._wagtail_site = province
    assert commune_article.get_url(request) == "http://testserver/xa-ke-sach/tin-tuc-su-kien/ra-quan-lam-duong/"


def test_create_site_copies_the_structure_but_no_content(commune, province):
    titles = set(NewsCategoryPage.objects.child_of(commune.root_page).values_list("slug", flat=True))
    assert titles == set(NewsCategoryPage.objects.child_of(province.root_page).values_list("slug", flat=True))
    copied = ArticlePage.objects.descendant_of(commune.root_page)
    assert list(copied.values_list("slug", flat=True)) == ["ra-quan-lam-duong"]  # only the one written here


def test_the_create_site_command(province):
    out = StringIO()
    call_command("create_site", "Cổng thông tin điện tử phường Sóc Trăng", "--prefix", "phuong-soc-trang", stdout=out)
    assert "Created" in out.getvalue() and "Trưởng ban biên tập" in out.getvalue()
    with pytest.raises(CommandError, match="path prefix 'phuong-soc-trang' cannot be used"):
        call_command("create_site", "Một trang khác", "--prefix", "phuong-soc-trang", stdout=StringIO())
    with pytest.raises(CommandError, match="cannot be used"):
        call_command("create_site", "Trang quản trị", "--prefix", "admin", stdout=StringIO())
    with pytest.raises(CommandError, match="host name"):
        call_command("create_site", "Không địa chỉ", stdout=StringIO())


def test_a_failed_creation_leaves_nothing_behind(province, monkeypatch):
    from eportal.province import site_template

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(site_template, "_board", broken)
    before = (SiteIdentity.objects.count(), NewsCategoryPage.objects.count())
    with pytest.raises(RuntimeError):
        create_site("Xã hỏng", prefix="xa-hong")
    assert (SiteIdentity.objects.count(), NewsCategoryPage.objects.count()) == before
    with pytest.raises(SiteTemplateError):
        create_site("Xã hỏng", prefix="")


@pytest.mark.usefixtures("keep_test_connection")
def test_the_fast_counter_path_counts_a_prefixed_site_apart(commune, province):
    from ..portal.test_hit_counter_fast_path import call, shown

    assert shown(call("/xa-ke-sach/luot-truy-cap/")[2]) == (1, 1)
    assert shown(call("/xa-ke-sach/luot-truy-cap/")[2]) == (2, 2)
    assert shown(call("/luot-truy-cap/")[2]) == (1, 1)
    assert call("/khong-co/luot-truy-cap/")[0].startswith("404")


@pytest.mark.parametrize("agency, province, shown", [
    ("Ủy ban nhân dân huyện Kế Sách", "Sóc Trăng", "Ủy ban nhân dân huyện Kế Sách - tỉnh Sóc Trăng"),
    ("UBND xã Kế Sách", "thành phố Cần Thơ", "UBND xã Kế Sách - thành phố Cần Thơ"),
    ("Ủy ban nhân dân thành phố Cần Thơ", "thành phố Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("UBND xã Kế Sách", "", "UBND xã Kế Sách"),
])
def test_the_header_names_the_province_as_what_it_is(agency, province, shown):
    assert SiteIdentity(agency_name=agency, province=province).agency_line == shown
