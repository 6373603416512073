"""Dublin Core metadata (Thông tư 24/2011/TT-BTTTT) and the canonical link on every public page."""

import pytest
from django.utils import timezone

from eportal.core.sitemap_demo import load as load_sitemap_page

from ..factories import ArticleFactory, CategoryFactory, VideoFactory, VideoIndexFactory
from .conftest import AGENCY, PORTAL, at
from .htmlmeta import link, parse

pytestmark = pytest.mark.django_db

DC_FIELDS = ["DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier", "DC.language"]


def metadata(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    doc = parse(response.content.decode())
    assert link(doc, "schema.DC") == ["http://purl.org/dc/elements/1.1/"]
    for name in DC_FIELDS:
        assert doc.meta_counts.get(name) == 1, (url, name)
        assert doc.meta[name], (url, name)
    assert doc.meta_counts.get("description") == 1
    assert doc.meta["DC.language"] == "vi"
    assert doc.meta["DC.publisher"] == PORTAL
    assert doc.meta["DC.creator"] == AGENCY
    assert link(doc, "canonical") == [doc.meta["DC.identifier"]]
    return doc.meta


def test_article(client, identity, category):
    article = ArticleFactory(
        parent=category, title="Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        date=at(2015, 11, 11, 8, 30), lead="Ban Thường vụ Huyện ủy Kế Sách ban hành Thông báo kết luận 83-TB/HU.",
    )
    meta = metadata(client, article.url)
    assert meta["DC.title"] == "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
    assert meta["DC.date"] == "2015-11-11T08:30:00+07:00"
    assert meta["DC.description"] == article.lead
    assert meta["description"] == article.lead
    assert meta["DC.identifier"] == "http://testserver" + article.url


def test_article_without_lead_is_described_by_its_body(client, identity, category):
    from eportal.news.models import ArticlePage

    words = " ".join(f"từ{i}" for i in range(100))
    article = ArticleFactory(parent=category, lead="", body=ArticlePage.body_from_html(
        f"<p>Xác định việc thực hiện Chỉ thị số 03-CT/TW &amp; <b>Quy định</b> 101-QĐ/TW.</p><p>{words}</p>"
    ))
    meta = metadata(client, article.url)
    assert meta["DC.description"].startswith("Xác định việc thực hiện Chỉ thị số 03-CT/TW & Quy định 101-QĐ/TW. từ0")
    assert meta["DC.description"].endswith("…") and len(meta["DC.description"].split()) == 60


def test_search_description_and_seo_title_win(client, identity, category):
    article = ArticleFactory(parent=category, seo_title="Tiêu đề SEO", search_description="Mô tả cho máy tìm kiếm.")
    meta = metadata(client, article.url)
    assert meta["DC.title"] == "Tiêu đề SEO"
    assert meta["DC.description"] == "Mô tả cho máy tìm kiếm."


def test_category_uses_its_intro_and_last_publication(client, identity, home):
    category = CategoryFactory(parent=home, title="Kinh tế", intro="Tin kinh tế của huyện <b>Kế Sách</b>.")
    category.save_revision().publish()
    category.refresh_from_db()
    meta = metadata(client, category.url)
    assert meta["DC.title"] == "Kinh tế"
    assert meta["DC.description"] == "Tin kinh tế của huyện Kế Sách."
    expected = timezone.localtime(category.last_published_at).isoformat(timespec="seconds")
    assert meta["DC.date"] == expected
    assert meta["DC.identifier"] == "http://testserver" + category.url


def test_home_falls_back_to_the_portal(client, identity, home):
    meta = metadata(client, "/")
    assert meta["DC.title"] == (home.seo_title or home.title)
    assert meta["DC.description"] == f"{PORTAL} - {AGENCY}"
    assert meta["DC.identifier"] == "http://testserver/"
    assert meta["DC.date"].startswith(str(timezone.localdate().year))


def test_query_string_is_not_part_of_the_identifier(client, identity, category):
    meta = metadata(client, category.url + "?trang=2&x=<script>")
    assert meta["DC.identifier"] == "http://testserver" + category.url


@pytest.mark.parametrize("kind", ["video library", "video", "sitemap page"])
def test_other_page_types(client, identity, site, home, kind):
    library = VideoIndexFactory(parent=home)
    pages = {
        "video library": library,
        "video": VideoFactory(parent=library, title="Phóng sự Kế An", description="Phóng sự về xã Kế An.",
                              date=at(2016, 1, 5, 7)),
        "sitemap page": load_sitemap_page(site, home),
    }
    page = pages[kind]
    meta = metadata(client, page.url)
    assert meta["DC.title"] == page.title
    assert meta["DC.identifier"] == "http://testserver" + page.url
    if kind == "video":
        assert meta["DC.date"] == "2016-01-05T07:00:00+07:00"
        assert meta["DC.description"] == "Phóng sự về xã Kế An."


def test_views_without_a_page(client, identity, home, django_capture_on_commit_callbacks):
    meta = metadata(client, "/du-lieu-mo/")
    assert meta["DC.title"] == "Dữ liệu mở (API)"
    assert meta["DC.identifier"] == "http://testserver/du-lieu-mo/"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()  # the portal's last publication dates pages without one
    home.refresh_from_db()
    meta = metadata(client, "/khong-co-trang-nay/")
    assert meta["DC.title"] == PORTAL
    assert meta["DC.date"] == timezone.localtime(home.last_published_at).isoformat(timespec="seconds")


def test_values_are_escaped(client, identity, category):
    article = ArticleFactory(parent=category, title='Tin "đặc biệt" <script>alert(1)</script>')
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    assert parse(html).meta["DC.title"] == 'Tin "đặc biệt" <script>alert(1)</script>'
