import pytest

from eportal.core.models import Sector
from eportal.questions import demo
from eportal.questions.models import Question, QuestionIndexPage, Status

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(QuestionIndexPage.objects.values_list("pk", "slug", "live")),
        list(Question.objects.order_by("pk").values_list("pk", "tracking_code", "title", "status", "is_public")),
        list(Sector.objects.order_by("pk").values_list("pk", "slug")),
    )


def test_demo_is_labelled_and_idempotent(client, site, home):
    page = demo.load(site, home)
    first = snapshot()
    demo.load(site, home)
    assert snapshot() == first

    assert page.slug == "hoi-dap" and page.live
    questions = list(Question.objects.all())
    assert 2 <= len(questions) <= 3
    for question in questions:
        assert question.asker_name == "Người dân (dữ liệu mẫu)"
        assert "dữ liệu mẫu" in question.title
    published = Question.objects.published()
    assert published.count() == 2
    assert all(q.answered_by == "UBND huyện Kế Sách (dữ liệu mẫu)" for q in published)
    assert Question.objects.filter(status=Status.NEW).count() == 1

    html = client.get("/hoi-dap/").content.decode()
    assert "Đăng ký khai sinh" in html and "tiếp công dân" in html.lower()
    detail = client.get(f"/hoi-dap/{published.first().pk}/")
    assert detail.status_code == 200
    assert "du-lieu-mau@example.com" not in detail.content.decode()


def test_demo_reuses_existing_sectors(site, home):
    existing = Sector.objects.create(name="Hộ tịch", slug="ho-tich-khac")
    demo.load(site, home)
    assert Question.objects.filter(sector=existing).exists()
    assert Sector.objects.filter(name="Hộ tịch").count() == 1
