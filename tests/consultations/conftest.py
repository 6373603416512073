import time
from datetime import timedelta

import factory
import pytest
from django.utils import timezone

from eportal.consultations import antispam
from eportal.consultations.models import ConsultationComment, ConsultationIndexPage, ConsultationPage

from ..editorial.conftest import board  # noqa: F401  (users per role)
from ..factories import PageFactory


class ConsultationIndexFactory(PageFactory):
    class Meta:
        model = ConsultationIndexPage

    title = "Lấy ý kiến dự thảo"
    slug = "lay-y-kien"


class ConsultationFactory(PageFactory):
    """An open consultation unless opens_at/closes_at say otherwise."""

    class Meta:
        model = ConsultationPage

    title = factory.Sequence(lambda n: f"Dự thảo kế hoạch số {n} của UBND huyện")
    slug = factory.Sequence(lambda n: f"du-thao-{n}")
    summary = "Dự thảo kế hoạch triển khai nhiệm vụ năm 2027."
    body = "<p><b>Điều 1.</b> Phạm vi điều chỉnh.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=25))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationComment

    name = factory.Sequence(lambda n: f"Người góp ý {n}")
    organisation = "Hội Nông dân xã Kế An"
    email = factory.Sequence(lambda n: f"nguoi-gop-y-{n}@example.invalid")
    phone = "0299 3876 543"
    text = "Đề nghị làm rõ thời hạn thực hiện tại Điều 2."


@pytest.fixture
def index(home):
    return ConsultationIndexFactory(parent=home)


@pytest.fixture
def open_consultation(index):
    return ConsultationFactory(parent=index, title="Dự thảo Kế hoạch chuyển đổi số năm 2027", slug="chuyen-doi-so")


@pytest.fixture
def upcoming_consultation(index):
    now = timezone.now()
    return ConsultationFactory(
        parent=index, slug="sap-dien-ra", opens_at=now + timedelta(days=2), closes_at=now + timedelta(days=30)
    )


@pytest.fixture
def closed_consultation(index):
    now = timezone.now()
    return ConsultationFactory(
        parent=index, slug="da-ket-thuc", opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=10),
        summary_of_comments="<p>Cơ quan soạn thảo tiếp thu ý kiến về Điều 2.</p>",
    )


def comment_data(page, seconds_ago=10, **extra):
    data = {
        "name": "Nguyễn Văn An",
        "organisation": "Chi hội Nông dân ấp An Phú",
        "email": "an.nguyen@example.invalid",
        "phone": "0912 345 678",
        "article_ref": "Điều 2, khoản 1",
        "text": "Đề nghị bổ sung thời hạn báo cáo kết quả thực hiện.\nCảm ơn Ban soạn thảo.",
        "website": "",
        "started": antispam.issue_token(page, issued_at=time.time() - seconds_ago),
    }
    data.update(extra)
    return data


def comment_url(page):
    return page.url + page.reverse_subpage("comment")
