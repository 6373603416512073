import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from eportal.core.models import Sector
from eportal.core.pages import publish_child
from eportal.editorial import roles
from eportal.questions.antispam import make_token
from eportal.questions.models import Question, QuestionIndexPage, Status

from ..editorial.conftest import client_for, make_user  # noqa: F401  (re-exported for the tests)

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Attachments of each test go to its own private folder."""
    settings.EPORTAL_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    yield tmp_path / "private"


@pytest.fixture
def private_root(_private_media):
    return _private_media


@pytest.fixture
def index(home):
    return publish_child(home, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))


@pytest.fixture
def sector(db):
    return Sector.objects.create(name="Hộ tịch", slug="ho-tich")


@pytest.fixture
def other_sector(db):
    return Sector.objects.create(name="Đất đai", slug="dat-dai", sort_order=1)


@pytest.fixture
def staff(db):
    """One user per role of the editorial board."""
    group = {name: Group.objects.get(name=name) for name in roles.ROLES}
    return {
        "contributor": make_user("phongvien", group[roles.CONTRIBUTOR]),
        "editor": make_user("bientapvien", group[roles.EDITOR]),
        "head": make_user("truongban", group[roles.HEAD]),
        "administrator": make_user("quantri", group[roles.ADMINISTRATOR]),
    }


def ready_token(challenge=None):
    """A form token issued 10 seconds ago: a person had time to fill the form in."""
    return make_token(challenge, started=time.time() - 10)


def question_form(sector, /, **overrides):
    data = {
        "asker_name": "Nguyễn Thị Mai",
        "email": "mai.nguyen@example.com",
        "phone": "0912 345 678",
        "address": "Ấp An Phú, xã Kế An",
        "sector": str(sector.pk),
        "title": "Thủ tục đăng ký khai sinh cho con",
        "question": "Con tôi sinh tháng trước, xin hỏi cần giấy tờ gì để đăng ký khai sinh?",
        "token": ready_token(),
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def pdf_file(name="giay-chung-sinh.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_question(sector, **fields):
    values = {
        "asker_name": "Trần Văn Bình",
        "email": "binh.tran@example.com",
        "phone": "0987654321",
        "address": "Ấp Phú Hòa, xã Thới An Hội",
        "sector": sector,
        "title": "Hỏi về thủ tục hành chính",
        "question": "Nội dung câu hỏi của người dân.",
    }
    values.update(fields)
    return Question.objects.create(**values)


def make_answered(sector, n=0, **fields):
    values = {
        "title": f"Câu hỏi đã trả lời số {n}",
        "status": Status.ANSWERED,
        "answer": f"<p>Nội dung trả lời số {n}.</p>",
        "answered_by": "Phòng Tư pháp huyện",
        "answered_at": timezone.now(),
        "is_public": True,
    }
    values.update(fields)
    return make_question(sector, **values)


def admin_form(question, **overrides):
    """The admin edit form of `question` as the browser would post it, with `overrides`."""
    data = {
        "asker_name": question.asker_name,
        "email": question.email,
        "phone": question.phone,
        "address": question.address,
        "sector": str(question.sector_id or ""),
        "title": question.title,
        "question": question.question,
        "received_at": timezone.localtime(question.received_at).strftime("%Y-%m-%d %H:%M"),
        "status": question.status,
        "assigned_to": str(question.assigned_to_id or ""),
        "answer": question.answer,
        "answered_by": question.answered_by,
        "answered_at": (
            timezone.localtime(question.answered_at).strftime("%Y-%m-%d %H:%M") if question.answered_at else ""
        ),
        "hide_name": question.hide_name,
        "is_public": question.is_public,
    }
    data.update(overrides)
    data["answer"] = rich_text(data["answer"] or "")
    for flag in ("hide_name", "is_public"):
        if data[flag]:
            data[flag] = "on"
        else:
            del data[flag]
    return data


def edit_url(question):
    return f"/admin/hoi-dap/edit/{question.pk}/"
