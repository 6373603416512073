"""A citizen sends a question through the real public form."""

import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from eportal.questions import antispam
from eportal.questions.models import Question, Status
from eportal.questions.validators import MAX_ATTACHMENT_SIZE

from .conftest import PDF_BYTES, pdf_file, question_form, ready_token

pytestmark = pytest.mark.django_db


def submit_url(index):
    return index.url + "gui-cau-hoi/"


def test_form_page_is_in_vietnamese_with_honeypot_and_token(client, index, sector):
    response = client.get(submit_url(index))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gửi câu hỏi" in html and "Họ và tên người hỏi" in html
    assert "Để trống ô này" in html and 'class="qa-hp"' in html
    assert 'name="token"' in html and "csrfmiddlewaretoken" in html
    assert "Hộ tịch" in html
    assert 'enctype="multipart/form-data"' in html
    assert "css/questions.css" in html


def test_submission_shows_and_mails_the_tracking_code(client, index, sector, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(index), question_form(sector))
    assert response.status_code == 200, response.content.decode()
    question = Question.objects.get()
    html = response.content.decode()
    assert "Đã nhận câu hỏi của bạn" in html
    assert question.tracking_code in html
    assert question.status == Status.NEW and not question.is_public
    assert question.phone == "0912345678"
    assert question.due_on.strftime("%d/%m/%Y") in html
    assert len(question.client_hash) == 32 and "127.0.0.1" not in question.client_hash

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mai.nguyen@example.com"]
    assert question.tracking_code in message.subject and question.tracking_code in message.body
    assert "/hoi-dap/tra-cuu/" in message.body


def test_phone_only_needs_no_mail(client, index, sector, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(index), question_form(sector, email="", phone="+84 912 345 678"))
    assert response.status_code == 200
    assert Question.objects.get().phone == "+84912345678"
    assert mail.outbox == []


@pytest.mark.parametrize("overrides, field, message", [
    ({"email": "", "phone": ""}, "email", "ít nhất một cách liên hệ"),
    ({"phone": "012345"}, "phone", "Số điện thoại không hợp lệ"),
    ({"phone": "1912345678"}, "phone", "Số điện thoại không hợp lệ"),
    ({"phone": "+8491234567"}, "phone", "Số điện thoại không hợp lệ"),
    ({"phone": "0912abc678"}, "phone", "Số điện thoại không hợp lệ"),
    ({"email": "khong-phai-thu"}, "email", "Địa chỉ thư điện tử không hợp lệ"),
    ({"question": ""}, "question", "Vui lòng nhập nội dung câu hỏi."),
    ({"question": "   \n  "}, "question", "Vui lòng nhập nội dung câu hỏi."),
    ({"title": ""}, "title", "Vui lòng nhập tiêu đề câu hỏi."),
    ({"asker_name": ""}, "asker_name", "Vui lòng nhập họ và tên."),
    ({"sector": ""}, "sector", "Vui lòng chọn lĩnh vực."),
    ({"sector": "999999"}, "sector", "Lĩnh vực không hợp lệ."),
    ({"sector": "abc"}, "sector", "Lĩnh vực không hợp lệ."),
])
def test_each_invalid_field_is_refused_with_a_vietnamese_message(client, index, sector, overrides, field, message):
    response = client.post(submit_url(index), question_form(sector, **overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert "Câu hỏi chưa được gửi" in response.content.decode()
    assert not Question.objects.exists()


def test_pdf_attachment_is_stored_privately(client, index, sector, private_root, settings):
    response = client.post(submit_url(index), {**question_form(sector), "attachment": pdf_file()})
    assert response.status_code == 200, response.content.decode()
    question = Question.objects.get()
    assert question.attachment_name == "giay-chung-sinh.pdf"
    assert question.attachment.name.startswith("questions/")
    assert "giay-chung-sinh" not in question.attachment.name  # random stored name
    stored = private_root / question.attachment.name
    assert stored.read_bytes() == PDF_BYTES
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        question.attachment.url  # no public URL


def test_image_attachment_is_accepted(client, index, sector):
    from wagtail.images.tests.utils import get_test_image_file

    image = get_test_image_file(filename="anh-giay-to.png")
    upload = SimpleUploadedFile("anh-giay-to.png", image.file.getvalue(), content_type="image/png")
    response = client.post(submit_url(index), {**question_form(sector), "attachment": upload})
    assert response.status_code == 200
    assert Question.objects.get().attachment_name == "anh-giay-to.png"


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("to-khai.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200), "chương trình chạy được"),
    (SimpleUploadedFile("to-khai.docx", PDF_BYTES), "nội dung không đúng loại tệp"),
    (SimpleUploadedFile("anh.jpg", PDF_BYTES), "nội dung không đúng loại tệp"),
    (SimpleUploadedFile("chuong-trinh.exe", b"MZ\x90\x00"), "Không nhận loại tệp này"),
    (SimpleUploadedFile("khong-duoi", PDF_BYTES), "Không nhận loại tệp này"),
    (SimpleUploadedFile("trong.pdf", b""), "rỗng"),
    (SimpleUploadedFile("qua-lon.pdf", b"%PDF-1.4\n" + b"0" * MAX_ATTACHMENT_SIZE), "Tệp đính kèm quá lớn"),
])
def test_bad_attachments_are_refused_and_nothing_is_written(client, index, sector, private_root, upload, message):
    response = client.post(submit_url(index), {**question_form(sector), "attachment": upload})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["attachment"])
    assert not Question.objects.exists()
    assert not private_root.exists() or not any(private_root.rglob("*.*"))


def test_honeypot_is_refused(client, index, sector):
    response = client.post(submit_url(index), question_form(sector, website="http://spam.example"))
    assert response.status_code == 400
    assert "Để trống ô này" in response.content.decode()
    assert not Question.objects.exists()


def test_too_fast_submission_is_refused_and_the_form_kept(client, index, sector):
    response = client.post(submit_url(index), question_form(sector, token=antispam.make_token()))
    assert response.status_code == 400
    html = response.content.decode()
    assert "quá nhanh" in html
    assert "Thủ tục đăng ký khai sinh cho con" in html  # what they typed is kept
    assert not Question.objects.exists()


@pytest.mark.parametrize("token", ["", "abc", "x" * 600, "eyJ0IjoxfQ:1a2b3c:forged"])
def test_missing_or_forged_token_is_refused(client, index, sector, token):
    response = client.post(submit_url(index), question_form(sector, token=token))
    assert response.status_code == 400
    assert "Biểu mẫu không hợp lệ" in response.content.decode()
    assert not Question.objects.exists()


def test_expired_token_is_refused(client, index, sector):
    old = antispam.make_token(started=time.time() - 2 * antispam.TOKEN_MAX_AGE)
    response = client.post(submit_url(index), question_form(sector, token=old))
    assert response.status_code in (400,)
    assert not Question.objects.exists()


def test_the_same_form_cannot_be_sent_twice(client, index, sector):
    data = question_form(sector)
    assert client.post(submit_url(index), data).status_code == 200
    response = client.post(submit_url(index), data)
    assert response.status_code == 400
    assert "đã được gửi rồi" in response.content.decode()
    assert Question.objects.count() == 1


def test_rate_limit_answers_429(client, index, sector, settings):
    settings.EPORTAL_QUESTIONS_CHALLENGE_AFTER = 100
    for i in range(antispam.submissions_per_hour()):
        assert client.post(submit_url(index), question_form(sector, title=f"Câu hỏi {i}")).status_code == 200
    response = client.post(submit_url(index), question_form(sector, title="Câu hỏi thứ sáu"))
    assert response.status_code == 429
    assert "quá nhiều câu hỏi" in response.content.decode()
    assert Question.objects.count() == antispam.submissions_per_hour()
    # Another client is not affected.
    other = client.post(submit_url(index), question_form(sector), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200


def test_math_question_appears_after_several_questions(client, index, sector):
    for i in range(antispam.challenge_after()):
        assert client.post(submit_url(index), question_form(sector, title=f"Câu hỏi {i}")).status_code == 200
    form = client.get(submit_url(index)).context["form"]
    assert form.challenge is not None
    assert "cộng" in form.fields["challenge_answer"].label

    challenge = antispam.Challenge(4, 5)
    wrong = client.post(submit_url(index), question_form(sector, token=ready_token(challenge), challenge_answer="8"))
    assert wrong.status_code == 400
    assert "chưa đúng" in wrong.content.decode()
    missing = client.post(submit_url(index), question_form(sector, token=ready_token(challenge)))
    assert missing.status_code == 400
    right = client.post(submit_url(index), question_form(sector, token=ready_token(challenge), challenge_answer="9"))
    assert right.status_code == 200
    assert Question.objects.count() == antispam.challenge_after() + 1


def test_math_question_can_always_be_on(client, index, sector, settings):
    settings.EPORTAL_QUESTIONS_CHALLENGE = True
    html = client.get(submit_url(index)).content.decode()
    assert "bằng mấy?" in html


def test_csrf_is_required(index, sector):
    client = Client(enforce_csrf_checks=True)
    response = client.post(submit_url(index), question_form(sector))
    assert response.status_code == 403
    assert not Question.objects.exists()

    page = client.get(submit_url(index))
    token = page.context["csrf_token"]
    response = client.post(submit_url(index), {**question_form(sector), "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 200
    assert Question.objects.count() == 1


def test_database_failure_leaves_no_file(client, index, sector, private_root, monkeypatch):
    from django.db import IntegrityError

    from eportal.questions.models import Question as Model

    original = Model.save

    def failing_save(self, *args, **kwargs):
        original(self, *args, **kwargs)
        raise IntegrityError("simulated failure after the row and the file were written")

    monkeypatch.setattr(Model, "save", failing_save)
    client.raise_request_exception = False
    response = client.post(submit_url(index), {**question_form(sector), "attachment": pdf_file()})
    assert response.status_code == 500
    assert not Question.objects.exists()
    assert not any(private_root.rglob("*.pdf"))


def test_field_errors_come_before_the_timer(client, index, sector):
    """A person who sends an incomplete form at once is told what is missing, not "too fast"."""
    response = client.post(submit_url(index), question_form(sector, title="", token=antispam.make_token()))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vui lòng nhập tiêu đề câu hỏi." in html and "quá nhanh" not in html


def test_after_a_too_fast_refusal_the_new_form_can_be_sent(client, index, sector, monkeypatch):
    refused = client.post(submit_url(index), question_form(sector, token=antispam.make_token()))
    token = refused.context["form"].initial["token"]
    later = time.time() + antispam.MIN_FILL_SECONDS + 1
    monkeypatch.setattr(antispam.time, "time", lambda: later)
    response = client.post(submit_url(index), question_form(sector, token=token))
    assert response.status_code == 200
    assert Question.objects.count() == 1
