"""The public pages render what a visitor expects, in Vietnamese."""

import datetime

import pytest
from django.utils import timezone

from eportal.core.models import SiteIdentity, WebsiteLink, WebsiteLinks
from eportal.news.models import ArticlePage

from ..factories import ArticleFactory, CategoryFactory, VideoFactory, VideoIndexFactory

pytestmark = pytest.mark.django_db


def at(y, m, d, h=0, mi=0):
    return timezone.make_aware(datetime.datetime(y, m, d, h, mi))


def test_article_page_shows_date_body_byline_and_earlier_news(client, category):
    older = ArticleFactory(parent=category, title="Hội nghị sơ kết quý III", date=at(2015, 10, 2))
    article = ArticleFactory(
        parent=category, title="Bài viết chính", date=at(2015, 11, 11),
        body=ArticlePage.body_from_html("<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p>"),
        author_name="Nguyễn Thị Hồng Lê HUV", author_position="Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách",
    )
    newer = ArticleFactory(parent=category, title="Tin mới hơn", date=at(2016, 1, 5))
    html = client.get(article.url).content.decode()
    assert "<h1 class=\"article__title\">Bài viết chính</h1>" in html
    assert "(11/11/2015)" in html
    assert "Đoạn thứ hai." in html
    assert "Nguyễn Thị Hồng Lê HUV, Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách" in html
    earlier = html.split('id="tin-da-dua"')[1]
    assert "Hội nghị sơ kết quý III" in earlier and "(02/10/2015)" in earlier
    assert newer.title not in earlier
    assert older.url in earlier and category.url in earlier


def test_article_time_is_shown_when_known(client, category):
    article = ArticleFactory(parent=category, date=at(2024, 3, 8, 14, 30))
    assert "(08/03/2024 14:30)" in client.get(article.url).content.decode()


def test_header_and_footer_show_the_site_identity(client, site, category):
    identity = SiteIdentity.for_site(site)
    identity.portal_title = "Cổng thông tin điện tử UBND Huyện Kế Sách tỉnh Sóc Trăng"
    identity.address = "Thị trấn Kế Sách"
    identity.phone = "0299 3 000 000"
    identity.email = "ubnd@kesach.example"
    identity.responsible_person = "Trưởng Ban biên tập"
    identity.save()
    html = client.get("/").content.decode()
    assert html.count("Cổng thông tin điện tử UBND Huyện Kế Sách tỉnh Sóc Trăng") >= 2
    for text in ["Thị trấn Kế Sách", "0299 3 000 000", "ubnd@kesach.example", "Trưởng Ban biên tập"]:
        assert text in html
    assert 'href="#noi-dung"' in html and 'id="noi-dung"' in html


def test_every_portlet_has_a_skip_link(client, category):
    html = client.get(category.url).content.decode()
    for name in ["Liên kết Website", "Lượt truy cập", "Video Clip"]:
        assert f"Bỏ qua khối {name}" in html
    for anchor in ["het-portlet-lien-ket", "het-portlet-luot-truy-cap", "het-portlet-video"]:
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_category_lists_newest_first_with_pagination(client, category):
    sub = CategoryFactory(parent=category, title="Tin huyện", slug="tin-huyen")
    for i in range(12):
        ArticleFactory(parent=category if i % 2 else sub, title=f"Tin số {i:02d}", date=at(2020, 1, 1 + i))
    first = client.get(category.url).content.decode()
    assert first.index("Tin số 11") < first.index("Tin số 10") < first.index("Tin số 02")
    assert "Tin số 01" not in first and "Trang 1 / 2" in first
    second = client.get(category.url + "?trang=2").content.decode()
    assert "Tin số 01" in second and "Tin số 00" in second


@pytest.mark.parametrize("value", ["0", "-1", "abc", "99999", "1e9", "2%00"])
def test_bad_page_numbers_show_a_page_not_an_error(client, category, value):
    ArticleFactory(parent=category)
    response = client.get(category.url, {"trang": value})
    assert response.status_code == 200
    assert "Trang" in response.content.decode() or "Tin bài" in response.content.decode()


def test_home_shows_featured_and_newest_per_category(client, home, category):
    other = CategoryFactory(parent=home, title="Kinh tế", slug="kinh-te")
    ArticleFactory(parent=category, title="Tin nổi bật của huyện", is_featured=True)
    for i in range(6):
        ArticleFactory(parent=other, title=f"Kinh tế tin {i}", date=at(2021, 5, 1 + i))
    html = client.get("/").content.decode()
    assert "Tin nổi bật của huyện" in html.split('id="tin-noi-bat"')[1]
    block = html.split(f'id="cm-{other.pk}"')[1]
    assert "Kinh tế tin 5" in block and "Kinh tế tin 2" in block and "Kinh tế tin 1" not in block


def test_unpublished_articles_are_not_listed(client, category):
    article = ArticleFactory(parent=category, title="Bản nháp chưa duyệt")
    article.unpublish()
    assert "Bản nháp chưa duyệt" not in client.get(category.url).content.decode()
    assert "Bản nháp chưa duyệt" not in client.get("/").content.decode()
    assert client.get(article.url).status_code == 404


def test_video_portlet_and_pages(client, home, category, django_capture_on_commit_callbacks):
    assert "Chưa có video clip." in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        library = VideoIndexFactory(parent=home)
        video = VideoFactory(parent=library, title="Phóng sự ngày hội đại đoàn kết")
    html = client.get(category.url).content.decode()
    assert "Phóng sự ngày hội đại đoàn kết" in html and video.url in html
    page = client.get(video.url).content.decode()
    assert video.embed_url in page
    assert "youtube.com/embed" not in page  # linked, never loaded from a third party
    assert "Phóng sự ngày hội đại đoàn kết" in client.get(library.url).content.decode()


def test_links_portlet_lists_registered_links(client, site):
    owner = WebsiteLinks.for_site(site)
    WebsiteLink.objects.create(owner=owner, title="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn/")
    html = client.get("/").content.decode()
    assert '<option value="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</option>' in html


def test_missing_page_is_a_vietnamese_404(client, site):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
