"""SQL injection, path traversal and open redirects against the real views and the demo."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page

from eportal.access.models import InformationRequest
from eportal.consultations.models import ConsultationComment
from eportal.core.models import WebsiteLink
from eportal.questions.models import Question
from eportal.search.models import SearchEntry

from .demo_portal import (  # noqa: F401  (fixtures)
    NulGuard, demo, demo_site, question_data, question_url, questions_page, text_of,
)

INJECTIONS = [
    "' OR 1=1--",
    "' OR '1'='1",
    '"; DROP TABLE questions_question; --',
    "1; DELETE FROM wagtailcore_page",
    "%",
    "_",
    "%%__%%",
    "\\",
    "khai\x00sinh",
    "\x00",
    "' UNION SELECT password FROM auth_user--",
    "x" * 5000,
    "1e999999",
    "-1",
    "99999999999999999999999",
]

# (path, parameter) pairs that reach a database filter or a lookup.
FILTERS = [
    ("/tim-kiem/", "q"), ("/tim-kiem/", "chuyen-muc"), ("/tim-kiem/", "loai"), ("/tim-kiem/", "tu-ngay"),
    ("/tim-kiem/", "trang"),
    ("/van-ban/", "tu-khoa"), ("/van-ban/", "loai"), ("/van-ban/", "co-quan"), ("/van-ban/", "linh-vuc"),
    ("/van-ban/", "nam"), ("/van-ban/", "sap-xep"), ("/van-ban/", "hieu-luc"),
    ("/thu-tuc-hanh-chinh/", "q"), ("/thu-tuc-hanh-chinh/", "linh-vuc"), ("/thu-tuc-hanh-chinh/", "su-kien"),
    ("/thu-tuc-hanh-chinh/", "cap"),
    ("/hoi-dap/", "q"), ("/hoi-dap/", "linh-vuc"), ("/hoi-dap/", "trang"),
    ("/lich-cong-tac/", "tuan"),
    ("/tin-tuc-su-kien/", "trang"),
    ("/api/v1/documents/", "q"), ("/api/v1/documents/", "type"), ("/api/v1/documents/", "sector"),
    ("/api/v1/procedures/", "q"), ("/api/v1/procedures/", "sector"), ("/api/v1/procedures/", "life_event"),
    ("/api/v1/articles/", "q"), ("/api/v1/articles/", "category"),
]


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Question, ConsultationComment, InformationRequest, SearchEntry, get_user_model())
    }


@pytest.fixture
def unthrottled(settings):
    """The API allows 60 requests a minute per client; these tests send more on purpose."""
    settings.EPORTAL_SEARCHES_PER_MINUTE = 10_000
    from ninja.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.allow_request
    SimpleRateThrottle.allow_request = lambda self, request: True
    yield
    SimpleRateThrottle.allow_request = original


# --- SQL injection -----------------------------------------------------------------------------


def test_injections_in_every_filter_change_nothing_and_fail_cleanly(demo, client, unthrottled):
    before = row_counts()
    for path, param in FILTERS:
        for value in INJECTIONS:
            response = client.get(path, {param: value})
            assert response.status_code < 500, (path, param, value)
            body = text_of(response)
            assert "Traceback" not in body and "OperationalError" not in body and "syntax error" not in body
    assert row_counts() == before


def test_injections_find_nothing_extra(demo, client, unthrottled):
    for value in ["' OR 1=1--", "' OR '1'='1", "%", "_", "%%__%%"]:
        html = text_of(client.get("/hoi-dap/", {"q": value}))
        assert "Không tìm thấy câu hỏi nào phù hợp." in html, value
        assert not re.search(r'href="/hoi-dap/\d+/"', html), value
        assert "Tìm thấy" not in text_of(client.get("/tim-kiem/", {"q": value})), value
        documents = json.loads(client.get("/api/v1/documents/", {"q": value}).content)
        assert documents["count"] == 0, value
        listing = text_of(client.get("/van-ban/", {"tu-khoa": value}))
        assert not re.search(r'href="/van-ban/[0-9a-z-]+/"', listing), value


def test_a_nul_character_never_reaches_the_database(demo, client, unthrottled):
    guard = NulGuard()
    with connection.execute_wrapper(guard):
        for path, param in [*FILTERS, ("/lien-ket/", "url"), ("/tiep-can-thong-tin/yeu-cau/da-gui/", "ma")]:
            for value in ["\x00", "khai\x00sinh", "https://dichvucong.gov.vn/\x00"]:
                assert client.get(path, {param: value}).status_code < 500, (path, param)
        for path in ["/%00/", "/tin-tuc-su-kien/%00/", "/hoi-dap/%00/", "/documents/1/%00", "/van-ban/a%00b/"]:
            assert client.get(path).status_code == 404
        client.post(questions_page().url + "tra-cuu/", {"ma": "HD-2026-\x00ABCDEFG"})
        client.post(question_url(), question_data(title="a\x00b", asker_name="\x00", question="\x00"))
    assert guard.found == []


def test_a_lookup_by_injected_code_finds_no_question(demo, client):
    before = row_counts()
    for value in ["' OR 1=1--", "%", "_", "HD-%", "HD-2026-%", "\x00", "x" * 5000]:
        response = client.post(questions_page().url + "tra-cuu/", {"ma": value})
        assert response.status_code in (400, 404), value
        assert "Nội dung câu hỏi" not in text_of(response)
    assert row_counts() == before


def test_injected_form_values_are_stored_as_text(demo, client):
    payload = "Robert'); DROP TABLE questions_question;--"
    response = client.post(question_url(), question_data(title=payload, asker_name="' OR 1=1--"))
    assert response.status_code == 200
    assert Question.objects.filter(title=payload, asker_name="' OR 1=1--").count() == 1


# --- Path traversal ----------------------------------------------------------------------------


@pytest.fixture
def secret_outside(settings):
    """A file next to the media folder that no URL may ever serve."""
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    secret = media.parent / "eportal-h3-secret.txt"
    secret.write_text("BI-MAT-KHONG-DUOC-LO")
    yield secret
    secret.unlink()


TRAVERSALS = [
    "../../eportal-h3-secret.txt",
    "..%2F..%2Feportal-h3-secret.txt",
    "%2e%2e/%2e%2e/eportal-h3-secret.txt",
    "%2e%2e%2f%2e%2e%2feportal-h3-secret.txt",
    "..%5c..%5ceportal-h3-secret.txt",
    "/etc/passwd",
    "%2Fetc%2Fpasswd",
    "du-lieu-mau-03-ct-tw.docx%00.html",
    "du-lieu-mau-03-ct-tw.docx/../../../settings.py",
    "....//....//etc/passwd",
]


def test_document_downloads_refuse_traversal(demo, client, secret_outside):
    document = get_document_model().objects.order_by("pk").first()
    assert client.get(document.url).status_code == 200
    for attempt in TRAVERSALS:
        response = client.get(f"/documents/{document.pk}/{attempt}")
        assert response.status_code in (400, 404), attempt
        body = text_of(response)
        assert "BI-MAT-KHONG-DUOC-LO" not in body and "root:" not in body


@pytest.mark.parametrize("path", [
    "/media/../eportal/settings/base.py", "/media/%2e%2e/eportal/settings/base.py",
    "/media/..%2F..%2Feportal-h3-secret.txt", "/static/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
    "/media/documents/%00.docx", "/media/original_images/..%5C..%5Cetc%5Cpasswd",
])
def test_media_and_static_urls_refuse_traversal(demo, client, secret_outside, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    body = text_of(response)
    assert "BI-MAT-KHONG-DUOC-LO" not in body and "SECRET_KEY" not in body and "root:" not in body


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_an_attachment_name_with_a_path_stays_in_the_private_folder(demo, client, settings, admin_client):
    upload = SimpleUploadedFile("../../../../tmp/eportal-h3-escape.pdf", PDF, content_type="application/pdf")
    response = client.post(question_url(), {**question_data(), "attachment": upload})
    assert response.status_code == 200, text_of(response)[:400]
    question = Question.objects.order_by("-pk").first()
    stored = Path(question.attachment.path).resolve()
    private = Path(settings.EPORTAL_PRIVATE_MEDIA_ROOT).resolve()
    assert private in stored.parents and re.fullmatch(r"[0-9a-f]{32}\.pdf", stored.name)
    assert not Path("/tmp/eportal-h3-escape.pdf").exists()

    download = admin_client.get(f"/admin/hoi-dap/attachment/{question.pk}/")
    assert download.status_code == 200
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;") and "/" not in disposition.split("filename", 1)[1]
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("path", [
    "/admin/hoi-dap/attachment/..%2F1/", "/admin/hoi-dap/attachment/1%2F..%2F..%2F/",
    "/admin/hoi-dap/attachment/-1/", "/admin/hoi-dap/attachment/99999999999999999999/",
])
def test_private_attachment_urls_refuse_traversal(demo, admin_client, path):
    assert admin_client.get(path).status_code in (400, 404)


def test_private_attachments_are_not_public(demo, client):
    client.post(question_url(), {**question_data(), "attachment": SimpleUploadedFile("a.pdf", PDF)})
    question = Question.objects.order_by("-pk").first()
    assert client.get(f"/admin/hoi-dap/attachment/{question.pk}/").status_code == 302  # to the login page
    assert client.get("/media/" + question.attachment.name).status_code == 404


# --- Open redirects ----------------------------------------------------------------------------

OFF_SITE = [
    "https://evil.example", "https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example",
    "https:evil.example", " https://evil.example", "https://evil.example@kesach.soctrang.gov.vn",
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://%65vil.example",
]


def is_off_site(location: str) -> bool:
    location = location.strip().replace("\\", "/")
    return not location.startswith("/") or location.startswith("//")


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_links_redirect_goes_only_to_registered_links(demo, client, target):
    response = client.get("/lien-ket/", {"url": target})
    assert response.status_code == 400
    assert "Địa chỉ này không có trong danh sách Liên kết Website" in text_of(response)
    assert "Location" not in response


def test_the_links_redirect_follows_a_registered_link(demo, client):
    link = WebsiteLink.objects.first()
    response = client.get("/lien-ket/", {"url": link.url})
    assert response.status_code == 302 and response["Location"] == link.url


@pytest.fixture
def editor_login(db):
    user = get_user_model().objects.create_superuser("bientap", "bientap@example.com", "mat-khau-rat-dai-2026")
    return user


@pytest.mark.parametrize("target", OFF_SITE)
def test_admin_login_never_sends_off_site(demo, client, editor_login, target):
    response = client.post(
        "/admin/login/?next=" + target,
        {"username": "bientap", "password": "mat-khau-rat-dai-2026", "next": target},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("path", ["//evil.example", "//evil.example/%2e%2e", "/\\evil.example", "///evil.example"])
def test_slash_appending_does_not_redirect_off_site(demo, client, path):
    # Set PATH_INFO by hand: the test client would read "//evil.example" as a host name.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code in (301, 302, 400, 404)
    if response.status_code in (301, 302):
        assert not is_off_site(response["Location"]), response["Location"]


def test_form_redirects_stay_on_the_portal(demo, client):
    """The survey and the request form redirect after a POST: never to a place the visitor names."""
    from .demo_portal import survey_data, survey_url

    response = client.post(survey_url() + "?next=https://evil.example", survey_data(), HTTP_REFERER="https://evil.example")
    assert response.status_code == 303
    assert not is_off_site(response["Location"])
    assert "evil" not in response["Location"]


def test_the_api_root_redirects_stay_local(demo, client):
    for path in ["/api/", "/api/v1/", "/api/?next=https://evil.example"]:
        response = client.get(path)
        assert response.status_code == 302
        assert not is_off_site(response["Location"])


# --- Other methods and host names -------------------------------------------------------------

PUBLIC_PATHS = [
    "/", "/tin-tuc-su-kien/", "/van-ban/", "/thu-tuc-hanh-chinh/", "/hoi-dap/", "/hoi-dap/gui-cau-hoi/",
    "/hoi-dap/tra-cuu/", "/lay-y-kien/", "/tim-kiem/", "/lich-cong-tac/", "/tiep-can-thong-tin/yeu-cau/",
    "/danh-gia-hai-long/", "/lien-ket/", "/luot-truy-cap/", "/rss/", "/sitemap.xml", "/api/v1/documents/",
]


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"])
def test_unusual_methods_change_nothing_and_do_not_fail(demo, client, method):
    before = row_counts()
    for path in PUBLIC_PATHS:
        response = client.generic(method, path, b"title=x", content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (method, path)
    assert row_counts() == before


def test_an_unknown_host_name_is_refused(demo, client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in text_of(response)
