"""The public list, one answer's page and the look-up by tracking code."""

import pytest
from django.utils import timezone

from eportal.questions.models import Status

from .conftest import make_answered, make_question

pytestmark = pytest.mark.django_db

CONTACTS = ["binh.tran@example.com", "0987654321", "Ấp Phú Hòa"]


def test_list_shows_only_published_answers(client, index, sector):
    published = make_answered(sector, 1, title="Đăng ký khai sinh quá hạn")
    make_answered(sector, 2, title="Trả lời nội bộ", is_public=False)
    make_question(sector, title="Câu hỏi chưa trả lời")
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đăng ký khai sinh quá hạn" in html
    assert f'href="{index.url}{published.pk}/"' in html
    assert "Trả lời nội bộ" not in html and "Câu hỏi chưa trả lời" not in html
    assert published.answered_at.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y") in html


def test_detail_shows_question_answer_and_agency_but_no_contact(client, index, sector):
    question = make_answered(
        sector, 1, question="Tôi cần giấy tờ gì?", answer="<p>Mang theo giấy chứng sinh.</p>",
        answered_by="Phòng Tư pháp huyện Kế Sách",
    )
    html = client.get(f"{index.url}{question.pk}/").content.decode()
    assert "Tôi cần giấy tờ gì?" in html
    assert "Mang theo giấy chứng sinh." in html
    assert "Phòng Tư pháp huyện Kế Sách" in html
    assert question.answered_at.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y") in html
    assert "Trần Văn Bình" in html
    for contact in CONTACTS:
        assert contact not in html
    assert question.tracking_code not in html


def test_anonymous_asker_is_shown_as_an(client, index, sector):
    question = make_answered(sector, 1, hide_name=True)
    for url in (index.url, f"{index.url}{question.pk}/"):
        html = client.get(url).content.decode()
        assert "Ẩn danh" in html and "Trần Văn Bình" not in html


def test_unpublished_questions_have_no_page(client, index, sector):
    hidden = make_answered(sector, 1, is_public=False)
    unanswered = make_question(sector)
    for question in (hidden, unanswered):
        assert client.get(f"{index.url}{question.pk}/").status_code == 404
    assert client.get(f"{index.url}999999/").status_code == 404
    assert client.get(f"{index.url}abc/").status_code == 404


def test_filter_by_sector_and_search_without_diacritics(client, index, sector, other_sector):
    make_answered(sector, 1, title="Đăng ký khai sinh cho con")
    make_answered(other_sector, 2, title="Cấp giấy chứng nhận quyền sử dụng đất")
    by_sector = client.get(index.url, {"linh-vuc": "dat-dai"}).content.decode()
    assert "quyền sử dụng đất" in by_sector and "Đăng ký khai sinh cho con" not in by_sector

    for query in ("khai sinh", "KHAI SINH", "dang ky khai", "Đăng ký"):
        html = client.get(index.url, {"q": query}).content.decode()
        assert "Đăng ký khai sinh cho con" in html, query
        assert "quyền sử dụng đất" not in html, query
    html = client.get(index.url, {"q": "khai sinh", "linh-vuc": "dat-dai"}).content.decode()
    assert "Không tìm thấy câu hỏi nào phù hợp" in html


@pytest.mark.parametrize("params", [
    {"linh-vuc": "khong-co"}, {"linh-vuc": "%00"}, {"linh-vuc": "\x00"}, {"linh-vuc": "x" * 5000},
    {"q": "\x00' OR 1=1 --"}, {"q": "%" * 300}, {"q": "_"}, {"trang": "abc"}, {"trang": "-1"},
    {"trang": "99999999999999999999"}, {"q": "khai", "trang": "0"},
])
def test_odd_parameters_never_fail(client, index, sector, params):
    make_answered(sector, 1)
    response = client.get(index.url, params)
    assert response.status_code == 200


def test_unknown_sector_is_explained(client, index, sector):
    make_answered(sector, 1)
    html = client.get(index.url, {"linh-vuc": "khong-co"}).content.decode()
    assert "Không có lĩnh vực đã chọn" in html
    assert "Câu hỏi đã trả lời số 1" in html


def test_pagination_keeps_filters(client, index, sector):
    for n in range(index.PER_PAGE + 3):
        make_answered(sector, n)
    html = client.get(index.url, {"linh-vuc": "ho-tich"}).content.decode()
    assert "linh-vuc=ho-tich&amp;trang=2" in html
    second = client.get(index.url, {"linh-vuc": "ho-tich", "trang": "2"})
    assert len(second.context["questions"].object_list) == 3


def lookup(client, index, code):
    return client.post(index.url + "tra-cuu/", {"ma": code})


def test_lookup_form(client, index):
    html = client.get(index.url + "tra-cuu/").content.decode()
    assert "Tra cứu câu hỏi" in html and 'name="ma"' in html


def test_lookup_shows_status_of_an_open_question(client, index, sector):
    question = make_question(sector, status=Status.ASSIGNED)
    response = lookup(client, index, question.tracking_code.lower().replace("-", " "))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã phân công" in html and question.title in html
    assert question.due_on.strftime("%d/%m/%Y") in html
    for contact in CONTACTS:
        assert contact not in html


def test_lookup_shows_a_private_answer_to_the_code_holder(client, index, sector):
    question = make_answered(sector, 1, is_public=False, answer="<p>Trả lời riêng cho người hỏi.</p>")
    html = lookup(client, index, question.tracking_code).content.decode()
    assert "Đã trả lời" in html
    assert "Trả lời riêng cho người hỏi." in html
    assert "Phòng Tư pháp huyện" in html
    assert "đã được đăng công khai" not in html


def test_lookup_of_a_rejected_question(client, index, sector):
    question = make_question(sector, status=Status.REJECTED)
    html = lookup(client, index, question.tracking_code).content.decode()
    assert "Từ chối" in html and "không được tiếp nhận" in html


@pytest.mark.parametrize("code", [
    "HD-2026-7K3Q9PXM", "HD-2026-ZZZZ", "' OR 1=1 --", "\x00", "HD-2026-7K3Q9PXM\x00", "x" * 5000,
    "<script>alert(1)</script>",
])
def test_unknown_or_garbage_code_is_not_found(client, index, sector, code):
    make_question(sector)
    response = lookup(client, index, code)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy" in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("code", ["", "   "])
def test_empty_code_is_a_bad_request(client, index, code):
    response = lookup(client, index, code)
    assert response.status_code == 400
    assert "Vui lòng nhập mã tra cứu." in response.content.decode()


def test_guessing_codes_is_rate_limited(client, index, sector):
    question = make_question(sector)
    for _ in range(20):
        assert lookup(client, index, "HD-2026-7K3Q9PXM").status_code == 404
    response = lookup(client, index, question.tracking_code)
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()


def test_lookup_needs_csrf(index, sector):
    from django.test import Client

    question = make_question(sector)
    assert Client(enforce_csrf_checks=True).post(index.url + "tra-cuu/", {"ma": question.tracking_code}).status_code == 403


def test_published_answers_are_in_the_sitemap(client, index, sector):
    published = make_answered(sector, 1)
    hidden = make_answered(sector, 2, is_public=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/hoi-dap/{published.pk}/</loc>" in xml
    assert f"/hoi-dap/{hidden.pk}/</loc>" not in xml
