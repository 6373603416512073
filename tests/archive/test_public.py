"""What a visitor of an archived site sees: the banner everywhere, closed forms, the content kept."""

import re

import pytest

from eportal.access.models import InformationRequest
from eportal.consultations.models import ConsultationComment
from eportal.core.models import HitCount
from eportal.questions.models import Question
from eportal.satisfaction.models import SatisfactionRating

from ..access.conftest import access_page, request_data  # noqa: F401  (fixture and helper)
from ..consultations.conftest import ConsultationFactory, ConsultationIndexFactory, comment_data
from ..questions.conftest import question_form, sector  # noqa: F401  (fixture and helper)
from ..satisfaction.conftest import rating_data, survey  # noqa: F401  (fixture and helper)
from .conftest import BANNER, OTHER_HOST, archive, unarchive

pytestmark = pytest.mark.django_db

NOTE = "Nội dung được giữ lại để tra cứu và không còn được cập nhật."


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def banner(response):
    found = re.findall(r'<div class="archive-banner" role="note">(.*?)</div>', text(response))
    return [re.sub(r"<[^>]+>", " ", b).strip() for b in found]


def test_no_banner_until_the_site_is_archived(client, home, article):
    assert banner(client.get("/")) == []
    assert "Trang lưu trữ" not in text(client.get(article.url))


def test_banner_on_home_article_category_and_error_pages(client, archived, article, category):
    for url in ["/", category.url, article.url, article.url + "?in=1", "/khong-co-trang-nay/"]:
        response = client.get(url)
        assert response.status_code == (404 if "khong-co" in url else 200), url
        shown = banner(response)
        assert len(shown) == 1, url
        assert shown[0].startswith(BANNER + " "), shown
        assert shown[0].endswith(NOTE)
    html = text(client.get(article.url))
    # Inside the one banner landmark, before the portal's name; the article itself is still there.
    assert html.count("<header") == 1 and html.count('role="banner"') == 0
    header = html[html.index('<header class="site-header">'):html.index("</header>")]
    assert header.index("archive-banner") < header.index("site-brand")
    assert "Huyện Kế Sách sơ kết sáu tháng đầu năm 2025" in html
    assert "Hội nghị sơ kết công tác sáu tháng đầu năm" in html


def test_banner_names_the_portal_when_no_former_name_is_given(client, site):
    identity = archive(site, name="")
    identity.portal_title, identity.agency_name = "Cổng thông tin điện tử", "UBND Huyện Cù Lao Dung"
    identity.save()
    assert banner(client.get("/"))[0].startswith(
        "Trang lưu trữ của Cổng thông tin điện tử UBND Huyện Cù Lao Dung, hoạt động đến 30/06/2025"
    )


def test_archive_setting_changes_show_at_once(client, site, home):
    client.get("/")  # fills any cache a visitor's request fills
    archive(site)
    assert len(banner(client.get("/"))) == 1
    unarchive(site)
    assert banner(client.get("/")) == []


def _question(index, sector):
    return index.url + index.reverse_subpage("submit"), question_form(sector), Question.objects


def _comment(index, _sector):
    consultation = ConsultationFactory(parent=index, slug="chuyen-doi-so")
    return consultation.url + consultation.reverse_subpage("comment"), comment_data(consultation), ConsultationComment.objects


def _information_request(page, _sector):
    return page.url + page.reverse_subpage("request_form"), request_data(), InformationRequest.objects


def _rating(page, _sector):
    return page.url, rating_data(), SatisfactionRating.objects


@pytest.fixture
def form_page(request, home):
    from eportal.core.pages import publish_child
    from eportal.questions.models import QuestionIndexPage

    kind = request.param
    if kind == "question":
        return _question, publish_child(home, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    if kind == "comment":
        return _comment, ConsultationIndexFactory(parent=home)
    if kind == "information request":
        return _information_request, request.getfixturevalue("access_page")
    return _rating, request.getfixturevalue("survey")


@pytest.mark.parametrize("form_page", ["question", "comment", "information request", "rating"], indirect=True)
def test_forms_are_closed_and_a_post_saves_nothing(client, site, sector, form_page, settings, tmp_path):
    settings.EPORTAL_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    build, page = form_page
    url, data, rows = build(page, sector)
    archive(site)

    shown = client.get(url)
    assert shown.status_code == 200
    assert 'method="post"' not in shown.content.decode()
    assert "Đây là trang lưu trữ nên không còn nhận câu hỏi, góp ý, yêu cầu hay đánh giá." in text(shown)

    refused = client.post(url, data)
    assert refused.status_code == 403
    assert "Nội dung bạn gửi chưa được lưu" in text(refused)
    assert len(banner(refused)) == 1
    assert rows.count() == 0

    # The same submission is accepted once the site is live again: it was refused for the archive only.
    unarchive(site)
    accepted = client.post(url, data)
    assert accepted.status_code in (200, 302, 303), text(accepted)[-2000:]
    assert rows.count() == 1


def test_consultation_page_stays_readable_without_its_form(client, site, home):
    index = ConsultationIndexFactory(parent=home)
    consultation = ConsultationFactory(parent=index, slug="chuyen-doi-so", body="<p><b>Điều 1.</b> Phạm vi điều chỉnh.</p>")
    assert 'name="text"' in client.get(consultation.url).content.decode()
    archive(site)
    html = text(client.get(consultation.url))
    assert "Phạm vi điều chỉnh." in html
    assert 'name="text"' not in html
    assert "Đây là trang lưu trữ" in html


def test_other_site_is_unaffected(client, archived, other_site, article):
    response = client.get("/", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200
    assert "Cổng thông tin điện tử UBND xã Kế An" in text(response)
    assert banner(response) == []
    assert len(banner(client.get("/"))) == 1


def test_search_still_finds_archived_articles(client, archived, article):
    response = client.get("/tim-kiem/", {"q": "so ket sau thang"})
    assert response.status_code == 200
    assert "Huyện Kế Sách sơ kết sáu tháng đầu năm 2025" in re.sub(r"</?mark>", "", text(response))
    assert len(banner(response)) == 1


def test_hit_count_is_kept(client, site, home):
    """Archiving resets nothing: the former portal's final count stays (and keeps counting visits)."""
    HitCount.objects.create(site=site, count=12345678)
    archive(site)
    client.get("/")
    assert HitCount.objects.get(site=site).count >= 12345678


def test_archiving_purges_the_page_cache(client, site, article, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.EPORTAL_PAGE_CACHE_DIR = str(tmp_path / "pagecache")
    files = [tmp_path / "pagecache" / "testserver" / "index.html",
             tmp_path / "pagecache" / "testserver" / article.url.strip("/") / "index.html"]
    for url in ["/", article.url]:
        assert banner(client.get(url)) == []
    assert all(f.exists() for f in files)
    with django_capture_on_commit_callbacks(execute=True):
        archive(site)
    assert not any(f.exists() for f in files)
    assert len(banner(client.get(article.url))) == 1
