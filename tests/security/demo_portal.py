"""The demo portal loaded once per test module, and what a visitor posts to its public forms.

Loading the demo takes seconds; each test still runs in its own transaction (the `db`
fixture nests a savepoint inside the module's transaction), so what a test writes is
rolled back and the next test sees the demo as loaded.
"""

import io
import time

import pytest
from django.db import transaction
from django.utils import timezone

from eportal.access.models import AccessToInformationPage
from eportal.consultations import antispam as consultation_antispam
from eportal.consultations.models import ConsultationPage
from eportal.core.models import Sector
from eportal.demo.loader import load_demo
from eportal.questions import antispam as question_antispam
from eportal.questions.models import QuestionIndexPage
from eportal.satisfaction.models import SatisfactionSurveyPage

from ..access.conftest import request_data as access_data  # noqa: F401  (the access form's valid data)

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            site = load_demo(stdout=io.StringIO())
            yield site
            transaction.set_rollback(True)


@pytest.fixture
def demo(demo_site, db, settings, tmp_path):
    """The loaded demo inside this test's transaction; private uploads go to a fresh folder."""
    settings.EPORTAL_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return demo_site


def questions_page():
    return QuestionIndexPage.objects.live().get()


def open_consultation():
    now = timezone.now()
    return ConsultationPage.objects.live().filter(opens_at__lte=now, closes_at__gt=now).first()


def access_page():
    return AccessToInformationPage.objects.live().get()


def survey_page():
    return SatisfactionSurveyPage.objects.live().get()


def question_url():
    return questions_page().url + "gui-cau-hoi/"


def comment_url(page=None):
    page = page or open_consultation()
    return page.url + page.reverse_subpage("comment")


def access_url():
    page = access_page()
    return page.url + page.reverse_subpage("request_form")


def survey_url():
    return survey_page().url


def question_data(**overrides):
    data = {
        "asker_name": "Nguyễn Thị Mai",
        "email": "mai.nguyen@example.com",
        "phone": "0912 345 678",
        "address": "Ấp An Phú, xã Kế An",
        "sector": str(Sector.objects.order_by("pk").first().pk),
        "title": "Thủ tục đăng ký khai sinh cho con",
        "question": "Con tôi sinh tháng trước, xin hỏi cần giấy tờ gì để đăng ký khai sinh?",
        "token": question_antispam.make_token(started=time.time() - 10),
        "website": "",
    }
    data.update(overrides)
    return data


def comment_data(page=None, **overrides):
    page = page or open_consultation()
    data = {
        "name": "Nguyễn Văn An",
        "organisation": "Chi hội Nông dân ấp An Phú",
        "email": "an.nguyen@example.invalid",
        "phone": "0912 345 678",
        "article_ref": "Điều 2, khoản 1",
        "text": "Đề nghị bổ sung thời hạn báo cáo kết quả thực hiện.",
        "website": "",
        "started": consultation_antispam.issue_token(page, issued_at=time.time() - 10),
    }
    data.update(overrides)
    return data




def survey_data(**overrides):
    data = {"interface": "5", "content": "4", "service": "3", "support": "4", "comment": "", "website": ""}
    data.update(overrides)
    return data


def text_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


class NulGuard:
    """Records SQL parameters holding a NUL character: SQLite stores them, PostgreSQL fails
    the query with an error (a 500 for the visitor), so none may reach the database."""

    def __init__(self):
        self.found = []

    def __call__(self, execute, sql, params, many, context):
        groups = params if many else [params]
        for group in groups or ():
            for value in group or ():
                if isinstance(value, str) and "\x00" in value:
                    self.found.append((sql[:100], value[:60]))
        return execute(sql, params, many, context)
