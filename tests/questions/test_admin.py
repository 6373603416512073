"""The board's admin: assigning, answering, publishing, deadlines, permissions and the audit log."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from eportal.questions.models import Question, Status

from .conftest import admin_form, client_for, edit_url, make_answered, make_question, pdf_file, question_form

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/hoi-dap/"


def test_full_flow_from_submission_to_public_answer(client, index, sector, staff):
    # A citizen asks.
    response = client.post(index.url + "gui-cau-hoi/", {**question_form(sector), "attachment": pdf_file()})
    assert response.status_code == 200
    question = Question.objects.get()
    code = question.tracking_code

    # The editor sees it, with contacts, and assigns it to the contributor.
    editor = client_for(staff["editor"])
    listing = editor.get(INDEX_URL)
    assert listing.status_code == 200 and code in listing.content.decode()
    page = editor.get(edit_url(question)).content.decode()
    assert "mai.nguyen@example.com" in page and "0912345678" in page
    assert f"/admin/hoi-dap/attachment/{question.pk}/" in page
    response = editor.post(edit_url(question), admin_form(question, assigned_to=str(staff["contributor"].pk)))
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.assigned_to == staff["contributor"] and question.status == Status.ASSIGNED

    # The contributor answers (not public).
    contributor = client_for(staff["contributor"])
    response = contributor.post(edit_url(question), admin_form(
        question, status=Status.ANSWERED,
        answer='<p>Mang theo <b>giấy chứng sinh</b>.</p><script>alert(1)</script>',
        answered_by="Phòng Tư pháp huyện Kế Sách",
    ))
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.answered_at is not None
    assert "giấy chứng sinh" in question.answer and "script" not in question.answer
    assert not question.is_public

    # The asker already reads the answer by code; the public does not.
    lookup = client.post(index.url + "tra-cuu/", {"ma": code}).content.decode()
    assert "giấy chứng sinh" in lookup
    assert client.get(f"{index.url}{question.pk}/").status_code == 404

    # The head of the board publishes it.
    head = client_for(staff["head"])
    response = head.post(edit_url(question), admin_form(question, is_public=True))
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.is_public

    listing = client.get(index.url).content.decode()
    assert question.title in listing
    detail = client.get(f"{index.url}{question.pk}/").content.decode()
    assert "giấy chứng sinh" in detail and "Phòng Tư pháp huyện Kế Sách" in detail
    assert "Nguyễn Thị Mai" in detail
    for private in ("mai.nguyen@example.com", "0912345678", "0912 345 678", "Ấp An Phú", code, "giay-chung-sinh.pdf"):
        assert private not in listing and private not in detail

    # The audit log tells who did what.
    actions = dict(
        ModelLogEntry.objects.filter(object_id=str(question.pk)).values_list("action", "user__username")
    )
    assert actions["questions.assign"] == "bientapvien"
    assert actions["questions.answer"] == "phongvien"
    assert actions["questions.publish"] == "truongban"
    history = head.get(f"/admin/hoi-dap/history/{question.pk}/")
    assert history.status_code == 200
    assert "Đã công khai câu trả lời" in history.content.decode()


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_only_the_head_may_publish(sector, staff, role):
    question = make_answered(sector, 1, is_public=False)
    client = client_for(staff[role])
    response = client.post(edit_url(question), admin_form(question, is_public=True))
    assert response.status_code == 403
    assert "Chỉ Trưởng ban biên tập" in response.content.decode()
    question.refresh_from_db()
    assert not question.is_public
    assert not ModelLogEntry.objects.filter(action="questions.publish").exists()


def test_others_cannot_change_or_unpublish_a_public_answer(sector, staff):
    question = make_answered(sector, 1, answer="<p>Câu trả lời đã duyệt.</p>")
    client = client_for(staff["contributor"])
    assert client.post(edit_url(question), admin_form(question, answer="<p>Sửa lén.</p>")).status_code == 403
    assert client.post(edit_url(question), admin_form(question, is_public=False)).status_code == 403
    question.refresh_from_db()
    assert question.is_public and "đã duyệt" in question.answer
    # Changes that the public does not see stay allowed.
    response = client.post(edit_url(question), admin_form(question, assigned_to=str(staff["editor"].pk)))
    assert response.status_code == 302


def test_head_unpublishes(sector, staff):
    question = make_answered(sector, 1)
    response = client_for(staff["head"]).post(edit_url(question), admin_form(question, is_public=False))
    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.is_public
    assert ModelLogEntry.objects.filter(action="questions.unpublish", user=staff["head"]).exists()


def test_admin_validation_in_vietnamese(sector, staff):
    question = make_question(sector)
    client = client_for(staff["head"])
    response = client.post(edit_url(question), admin_form(question, status=Status.ANSWERED, answer=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "phải có câu trả lời" in html and "Ghi rõ cơ quan hoặc người trả lời" in html
    response = client.post(edit_url(question), admin_form(question, is_public=True))
    assert "Chỉ công khai được câu hỏi đã trả lời." in response.content.decode()
    response = client.post(edit_url(question), admin_form(question, phone="123", email=""))
    assert "Số điện thoại không hợp lệ" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Status.NEW and not question.is_public


def test_board_creates_a_question_received_by_phone(sector, staff):
    client = client_for(staff["editor"])
    data = admin_form(make_question(sector), title="Câu hỏi nhận qua điện thoại", status=Status.NEW)
    response = client.post("/admin/hoi-dap/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Question.objects.get(title="Câu hỏi nhận qua điện thoại")
    assert created.tracking_code.startswith("HD-")
    # but not published straight away by someone who may not publish
    response = client.post("/admin/hoi-dap/new/", admin_form(
        created, title="Công khai ngay", status=Status.ANSWERED, answer="<p>Trả lời.</p>",
        answered_by="UBND huyện", is_public=True,
    ))
    assert response.status_code == 403
    assert not Question.objects.filter(title="Công khai ngay").exists()


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))


def test_overdue_questions_are_flagged_and_filtered(sector, staff):
    today = timezone.localdate()
    late = make_question(sector, title="Câu hỏi trễ hạn", received_at=_aware(today - datetime.timedelta(days=40)))
    fresh = make_question(sector, title="Câu hỏi mới gửi", received_at=_aware(today))
    make_answered(sector, 1, title="Câu hỏi cũ đã trả lời", received_at=_aware(today - datetime.timedelta(days=60)))
    assert late.is_overdue and not fresh.is_overdue
    assert set(Question.objects.overdue()) == {late}

    client = client_for(staff["editor"])
    html = client.get(INDEX_URL).content.decode()
    assert "Quá hạn" in html and "Hạn trả lời" in html
    assert late.due_on.strftime("%d/%m/%Y") in html

    overdue = client.get(INDEX_URL, {"overdue": "1"}).content.decode()
    assert "Câu hỏi trễ hạn" in overdue
    assert "Câu hỏi mới gửi" not in overdue and "Câu hỏi cũ đã trả lời" not in overdue
    in_time = client.get(INDEX_URL, {"overdue": "0"}).content.decode()
    assert "Câu hỏi trễ hạn" not in in_time and "Câu hỏi mới gửi" in in_time
    by_status = client.get(INDEX_URL, {"status": Status.ANSWERED}).content.decode()
    assert "Câu hỏi cũ đã trả lời" in by_status and "Câu hỏi trễ hạn" not in by_status
    for params in ({"overdue": "x"}, {"status": "khong-co"}, {"sector": "abc"}, {"q": "\x00%"}):
        assert client.get(INDEX_URL, params).status_code == 200


def test_only_the_board_sees_questions_and_attachments(client, index, sector, staff):
    client.post(index.url + "gui-cau-hoi/", {**question_form(sector), "attachment": pdf_file()})
    question = Question.objects.get()
    attachment_url = f"/admin/hoi-dap/attachment/{question.pk}/"

    anonymous = Client()
    assert anonymous.get(INDEX_URL).status_code == 302  # to the login page
    assert anonymous.get(attachment_url).status_code == 302
    outsider = client_for(staff["administrator"])  # the IT administrator is not on the board
    assert outsider.get(INDEX_URL).status_code in (302, 403)
    assert outsider.get(edit_url(question)).status_code in (302, 403)
    assert outsider.get(attachment_url).status_code in (302, 403)

    response = client_for(staff["contributor"]).get(attachment_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "attachment" in response["Content-Disposition"]
    assert "giay-chung-sinh.pdf" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Nothing under /media/ serves it.
    assert Client().get("/media/" + question.attachment.name).status_code == 404


def test_contributor_cannot_delete(sector, staff):
    question = make_question(sector)
    response = client_for(staff["contributor"]).post(f"/admin/hoi-dap/delete/{question.pk}/")
    assert response.status_code in (302, 403)
    assert Question.objects.filter(pk=question.pk).exists()


def test_head_deletes_a_question_and_its_attachment(client, index, sector, staff, private_root,
                                                     django_capture_on_commit_callbacks):
    client.post(index.url + "gui-cau-hoi/", {**question_form(sector), "attachment": pdf_file()})
    question = Question.objects.get()
    stored = private_root / question.attachment.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff["head"]).post(f"/admin/hoi-dap/delete/{question.pk}/")
    assert response.status_code == 302
    assert not Question.objects.exists()
    assert not stored.exists()
