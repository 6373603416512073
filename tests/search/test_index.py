"""The index follows publishing at once, and the rebuild command reproduces it."""

import io

import pytest
from django.core.management import call_command

from eportal.core.pages import publish_child
from eportal.demo.loader import load_demo
from eportal.news.models import NewsCategoryPage
from eportal.questions.models import Question, QuestionIndexPage, Status
from eportal.search.models import SearchEntry

from .conftest import found, publish_article

pytestmark = pytest.mark.django_db


def test_publishing_an_edit_replaces_the_old_text(news):
    page = publish_article(news, "Lịch cắt điện tuần này")
    assert found("cat dien") == ["Lịch cắt điện tuần này"]

    page.title = "Lịch tiếp công dân tuần này"
    page.save_revision().publish()

    assert found("cat dien") == []
    assert found("tiep cong dan") == ["Lịch tiếp công dân tuần này"]


def test_a_draft_is_not_searched_until_published(news):
    page = publish_article(news, "Lịch cắt điện tuần này")
    page.title = "Bản nháp chưa duyệt"
    page.save_revision()

    assert found("ban nhap") == []
    assert found("cat dien") == ["Lịch cắt điện tuần này"]


def test_unpublished_and_deleted_pages_leave_the_index(news):
    first = publish_article(news, "Thông báo tuyển dụng viên chức", slug="a")
    second = publish_article(news, "Thông báo tuyển dụng giáo viên", slug="b")

    first.unpublish()
    assert found("tuyen dung") == ["Thông báo tuyển dụng giáo viên"]
    second.delete()
    assert found("tuyen dung") == []
    assert not SearchEntry.objects.exists()


def test_moving_a_category_updates_addresses_and_category(news, home):
    other = publish_child(home, NewsCategoryPage(title="Tin xã", slug="tin-xa"))
    page = publish_article(news, "Xã Đại Hải khánh thành cầu", slug="cau")

    page.move(other, pos="last-child")

    entry = SearchEntry.objects.get(page=page)
    assert entry.url == "/tin-xa/cau/"
    assert entry.category_path == other.path


def test_only_published_answers_are_searched(home):
    publish_child(home, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    question = Question.objects.create(
        asker_name="Nguyễn Văn An", title="Thủ tục đăng ký kết hôn", question="Cần giấy tờ gì?",
        status=Status.ANSWERING,
    )
    assert found("dang ky ket hon") == []

    question.status, question.answer, question.is_public = Status.ANSWERED, "<p>Tờ khai và CCCD.</p>", True
    question.save()
    assert found("dang ky ket hon") == ["Thủ tục đăng ký kết hôn"]
    assert SearchEntry.objects.get().url == f"/hoi-dap/{question.pk}/"

    question.is_public = False
    question.save()
    assert found("dang ky ket hon") == []


def test_rebuild_reproduces_the_index(news, capsys):
    for n in range(3):
        publish_article(news, f"Tin số {n} về Kế Sách", body="Nội dung về nông thôn mới.", slug=f"t{n}")
    before = sorted(SearchEntry.objects.values_list("page_id", "title_terms", "body_terms", "url"))
    SearchEntry.objects.all().delete()

    call_command("rebuild_search_index")

    assert "3 entries" in capsys.readouterr().out
    assert sorted(SearchEntry.objects.values_list("page_id", "title_terms", "body_terms", "url")) == before
    assert len(found("nong thon moi")) == 3


def test_demo_content_is_searchable(db):
    load_demo(stdout=io.StringIO())

    assert "Hiệu quả thiết thực sau 04 năm học tập và làm theo Bác ở Đảng bộ huyện Kế Sách" in found("ke sach")
    assert any("03-CT/TW" in entry.subtitle for entry in SearchEntry.objects.filter(kind="van-ban"))
