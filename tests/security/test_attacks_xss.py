"""Stored and reflected XSS: what visitors type comes back escaped everywhere it is shown."""

import json

import pytest
from django.utils import timezone

from eportal.access.models import InformationRequest
from eportal.consultations.models import ConsultationComment
from eportal.questions.models import Question, Status
from eportal.satisfaction.models import SatisfactionRating

from .demo_portal import (  # noqa: F401  (fixtures)
    access_data, access_url, comment_data, comment_url, demo, demo_site, open_consultation, question_data,
    question_url, questions_page, survey_data, survey_url, text_of,
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
# What must never appear in a page: the payloads as markup, or a script URL in an attribute.
LIVE_MARKUP = ["<script>alert(1)", "<img src=x", "<svg onload", 'href="javascript:', "href='javascript:", " onerror=alert(1)>"]


def assert_inert(html: str):
    for raw in LIVE_MARKUP:
        if raw == " onerror=alert(1)>":
            # Escaped "&lt;img src=x onerror=alert(1)&gt;" is fine; a live attribute is not.
            assert "<img src=x onerror" not in html
            continue
        assert raw not in html, f"live markup {raw!r} in the page"


def publish_answer(question, answer_html):
    """What the head of the board does: answer and publish (the model cleans the rich text)."""
    question.status = Status.ANSWERED
    question.answer = answer_html
    question.answered_by = "Phòng Tư pháp huyện"
    question.answered_at = timezone.now()
    question.is_public = True
    question.save()
    return question


ANSWER = (
    '<p><b>Căn cứ</b> Điều 16 <a href="https://kesach.soctrang.gov.vn/luat">Luật Hộ tịch</a>.</p>'
    + SCRIPT
    + '<p onclick="alert(1)" style="color:red">Hồ sơ gồm tờ khai.</p>'
    '<a href="javascript:alert(1)">bấm vào đây</a>' + IMG + '<iframe src="https://evil.example"></iframe>'
)


@pytest.fixture
def hostile_question(demo, client):
    response = client.post(question_url(), question_data(
        asker_name=f"Kẻ gian {SCRIPT}", title=f"Hỏi khai sinh {SCRIPT} {IMG}",
        question=f"Nội dung {SVG} và javascript:alert(1) {SCRIPT}",
    ))
    assert response.status_code == 200, text_of(response)[:500]
    question = Question.objects.order_by("-pk").first()
    assert SCRIPT in question.title  # stored as typed: escaping is the page's job
    return publish_answer(question, ANSWER)


def test_a_question_with_scripts_is_shown_escaped_on_every_public_page(hostile_question, client):
    page = questions_page()
    for url in [page.url, f"{page.url}{hostile_question.pk}/", f"{page.url}?q=khai+sinh",
                "/tim-kiem/?q=khai+sinh+alert", "/tim-kiem/?q=h%E1%BB%8Fi+khai+sinh&loai=question"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = text_of(response)
        assert_inert(html)
    detail = text_of(client.get(f"{page.url}{hostile_question.pk}/"))
    assert "Hỏi khai sinh &lt;script&gt;alert(1)&lt;/script&gt;" in detail
    assert "&lt;img src=x onerror=alert(1)&gt;" in detail


def test_search_highlighting_escapes_the_stored_title(hostile_question, client):
    html = text_of(client.get("/tim-kiem/", {"q": "alert khai sinh"}))
    assert "<mark>alert</mark>" in html
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in html
    assert_inert(html)


def test_an_answer_keeps_only_the_allowed_formatting(hostile_question, client):
    html = text_of(client.get(f"{questions_page().url}{hostile_question.pk}/"))
    assert "<b>Căn cứ</b>" in html
    assert '<a href="https://kesach.soctrang.gov.vn/luat">Luật Hộ tịch</a>' in html
    assert "Hồ sơ gồm tờ khai." in html
    assert 'onclick="alert(1)"' not in html and "color:red" not in html
    assert "evil.example" not in html  # the iframe is gone
    assert "bấm vào đây" in html  # the text of the script link stays, the link does not
    assert_inert(html)


def test_the_tracking_lookup_shows_the_question_escaped(hostile_question, client):
    response = client.post(questions_page().url + "tra-cuu/", {"ma": hostile_question.tracking_code})
    assert response.status_code == 200
    assert_inert(text_of(response))


def test_an_approved_comment_with_scripts_is_shown_escaped(demo, client):
    page = open_consultation()
    response = client.post(comment_url(page), comment_data(
        page, name=f"An {SCRIPT}", organisation=IMG, article_ref=SVG, text=f"Góp ý {SCRIPT}\njavascript:alert(1)",
    ))
    assert response.status_code == 302, text_of(response)[:500]
    comment = ConsultationComment.objects.order_by("-pk").first()
    comment.status = ConsultationComment.Status.APPROVED
    comment.save()
    html = text_of(client.get(page.url))
    assert "Góp ý &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_inert(html)


def test_a_survey_comment_is_escaped_in_the_results_the_board_reads(demo, client, admin_client):
    response = client.post(survey_url(), survey_data(comment=f"Rất tốt {SCRIPT} {IMG}"))
    assert response.status_code == 303
    assert SatisfactionRating.objects.filter(comment__contains=SCRIPT).exists()
    results = admin_client.get("/admin/danh-gia-hai-long/")
    assert results.status_code == 200
    assert_inert(text_of(results))


def test_an_information_request_is_escaped_in_the_admin(demo, client, admin_client):
    response = client.post(access_url(), access_data(name=f"Người {SCRIPT}", information=f"Cần {IMG}"))
    assert response.status_code == 303, text_of(response)[:500]
    request = InformationRequest.objects.order_by("-pk").first()
    for url in ["/admin/yeu-cau-thong-tin/", f"/admin/yeu-cau-thong-tin/edit/{request.pk}/"]:
        page = admin_client.get(url)
        assert page.status_code == 200, url
        assert_inert(text_of(page))


def test_editor_titles_are_escaped_in_rss_and_the_api(demo, client):
    from eportal.news.models import ArticlePage

    article = ArticlePage.objects.live().first()
    article.title = f"Tin {SCRIPT}"
    article.lead = f"Tóm tắt {IMG}"
    article.save_revision().publish()
    rss = text_of(client.get("/rss/"))
    assert SCRIPT not in rss and IMG not in rss
    assert "Tin &lt;script&gt;alert(1)&lt;/script&gt;" in rss
    api = client.get(f"/api/v1/articles/{article.pk}/")
    assert api.status_code == 200
    assert api["Content-Type"].startswith("application/json")
    assert api["X-Content-Type-Options"] == "nosniff"
    assert json.loads(api.content)["title"] == f"Tin {SCRIPT}"  # data, never rendered as HTML
    html = text_of(client.get(article.url))
    assert_inert(html)


# --- Reflected -------------------------------------------------------------------------------

REFLECTED = [
    ("/tim-kiem/", ["q", "loai", "chuyen-muc", "tu-ngay", "den-ngay", "trang"]),
    ("/tin-tuc-su-kien/", ["trang"]),
    ("/van-ban/", ["loai", "co-quan", "linh-vuc", "nam", "hieu-luc", "tu-khoa", "sap-xep", "trang"]),
    ("/thu-tuc-hanh-chinh/", ["linh-vuc", "su-kien", "cap", "q", "trang"]),
    ("/hoi-dap/", ["q", "linh-vuc", "trang"]),
    ("/lay-y-kien/", ["trang", "trang-thai"]),
    ("/lich-cong-tac/", ["tuan", "in"]),
    ("/lien-ket/", ["url"]),
    ("/tiep-can-thong-tin/yeu-cau/da-gui/", ["ma"]),
    ("/danh-gia-hai-long/", ["cam-on"]),
    ("/van-ban/03-ct-tw/", ["in"]),
]


@pytest.mark.parametrize("payload", [SCRIPT, IMG, SVG])
def test_every_listing_and_filter_parameter_is_echoed_escaped(demo, client, payload):
    for path, params in REFLECTED:
        for param in params:
            response = client.get(path, {param: payload})
            assert response.status_code < 500, (path, param)
            assert_inert(text_of(response))


def test_the_search_box_shows_the_query_escaped_with_highlighting(demo, client):
    html = text_of(client.get("/tim-kiem/", {"q": f"khai sinh {SCRIPT}"}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the box and the title keep what was typed
    assert_inert(html)


def test_search_errors_do_not_echo_raw_input(demo, client):
    html = text_of(client.get("/tim-kiem/", {"q": "khai sinh", "tu-ngay": SCRIPT, "loai": IMG}))
    assert "Ngày không hợp lệ" in html
    assert_inert(html)


def test_a_missed_lookup_echoes_the_code_escaped(demo, client):
    response = client.post(questions_page().url + "tra-cuu/", {"ma": SCRIPT})
    assert response.status_code == 404
    assert_inert(text_of(response))


@pytest.mark.parametrize("path", ["/api/v1/documents/", "/api/v1/procedures/", "/api/v1/articles/"])
def test_api_errors_are_json_not_html(demo, client, path):
    for param in ["q", "page", "page_size", "type", "sector", "year"]:
        response = client.get(path, {param: SCRIPT})
        assert response.status_code < 500
        assert response["Content-Type"].startswith("application/json"), (path, param)
        assert response["X-Content-Type-Options"] == "nosniff"
        json.loads(response.content)


def test_an_unknown_api_path_does_not_reflect_markup(demo, client):
    response = client.get("/api/v1/%3Cscript%3Ealert(1)%3C/script%3E/")
    assert response.status_code == 404
    assert SCRIPT not in text_of(response)
