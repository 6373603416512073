"""Each required item: green on a complete portal, red or amber with its reason when missing or stale."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from eportal.about.models import (
    AboutPage, ContactPage, DepartmentsPage, EnglishPage, Leader, LeadershipPage, SpokespersonPage,
)
from eportal.access.models import AccessToInformationPage, InformationRequest, PublishedInformationItem
from eportal.compliance.checks import latest_late_received_on
from eportal.compliance.models import ComplianceRules
from eportal.compliance.report import report_for
from eportal.compliance.rules import RULES
from eportal.consultations.models import ConsultationIndexPage
from eportal.core.models import HtmlSitemapPage, SiteIdentity
from eportal.documents.models import LegalDocumentPage
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.procedures.models import ProcedurePage
from eportal.questions import workdays
from eportal.questions.models import Question, QuestionIndexPage
from eportal.satisfaction.models import SatisfactionSurveyPage
from eportal.schedule.models import ScheduleEntry, WorkSchedulePage

from ..factories import ArticleFactory
from .conftest import item_of, result_after, unpublish


@pytest.fixture
def portal(module_portal, db):
    """The complete portal, built once for this module; what a test changes is rolled back."""
    return Site.objects.get(pk=module_portal.pk)


def set_identity(**fields):
    def change():
        identity = SiteIdentity.objects.get()
        for name, value in fields.items():
            setattr(identity, name, value)
        identity.save()

    return change


def update(model, **fields):
    return lambda: model.objects.update(**fields)


def delete(model):
    return lambda: model.objects.all().delete()


def open_question(days_ago):
    def change():
        question = Question.objects.first()
        question.pk = None
        question.tracking_code = "HD-2026-TESTTEST"
        question.status = "new"
        question.save()
        Question.objects.filter(pk=question.pk).update(
            received_at=timezone.now() - datetime.timedelta(days=days_ago)
        )

    return change


def document_published_late():
    LegalDocumentPage.objects.filter(pk=LegalDocumentPage.objects.first().pk).update(
        issued_on=timezone.localdate() - datetime.timedelta(days=10)
    )


def overdue_request():
    InformationRequest.objects.create(
        name="Nguyễn Văn An", address="Ấp An Ninh, xã Kế An", email="an@example.com",
        information="Kế hoạch sử dụng đất năm 2026", purpose="Tìm hiểu", delivery="email",
        due_date=timezone.localdate() - datetime.timedelta(days=1),
    )


def old_news_only(title):
    def change():
        category = NewsCategoryPage.objects.get(title=title)
        ArticlePage.objects.descendant_of(category).update(date=timezone.now() - datetime.timedelta(days=200))

    return change


def no_category(title):
    return lambda: NewsCategoryPage.objects.filter(title=title).update(live=False)


# (rule, what is taken away, expected status, words of the reason)
CASES = [
    ("co-quan-chu-quan", set_identity(responsible_person=""), "red", "người chịu trách nhiệm"),
    ("co-quan-chu-quan", set_identity(agency_name=""), "red", "cơ quan chủ quản"),
    ("gioi-thieu", unpublish(AboutPage), "red", "Chưa có trang Giới thiệu"),
    ("lanh-dao", unpublish(LeadershipPage), "red", "Chưa có trang Lãnh đạo"),
    ("lanh-dao", delete(Leader), "amber", "chưa có người nào"),
    ("co-cau-to-chuc", unpublish(DepartmentsPage), "red", "Chưa có trang Cơ cấu tổ chức"),
    ("nguoi-phat-ngon", unpublish(SpokespersonPage), "red", "Chưa có trang Người phát ngôn"),
    ("nguoi-phat-ngon", update(SpokespersonPage, phone="", email=""), "amber", "số điện thoại hoặc thư điện tử"),
    ("lien-he", unpublish(ContactPage), "red", "Chưa có trang Liên hệ"),
    ("lien-he", set_identity(phone="", email=""), "amber", "thiếu điện thoại hoặc thư điện tử"),
    ("lien-he", set_identity(address=""), "amber", "thiếu địa chỉ"),
    ("van-ban", unpublish(LegalDocumentPage), "red", "Chưa đăng văn bản nào"),
    ("van-ban", document_published_late, "amber", "1 văn bản đăng trong 90 ngày qua chậm quá 2 ngày làm việc"),
    ("thu-tuc-hanh-chinh", unpublish(ProcedurePage), "red", "Chưa đăng thủ tục hành chính"),
    ("hoi-dap", unpublish(QuestionIndexPage), "red", "Chưa có trang Hỏi đáp"),
    ("hoi-dap", open_question(days_ago=40), "red", "1 câu hỏi chưa được trả lời quá 15 ngày làm việc"),
    ("lay-y-kien", unpublish(ConsultationIndexPage), "red", "Chưa có trang Lấy ý kiến dự thảo"),
    ("lich-cong-tac", unpublish(WorkSchedulePage), "red", "Chưa có trang Lịch công tác"),
    ("lich-cong-tac", delete(ScheduleEntry), "amber", "Chưa đăng lịch công tác tuần này"),
    ("tiep-can-thong-tin", unpublish(AccessToInformationPage), "red", "Chưa có trang Tiếp cận thông tin"),
    ("tiep-can-thong-tin", overdue_request, "red", "1 yêu cầu cung cấp thông tin đã quá hạn"),
    ("tiep-can-thong-tin", update(AccessToInformationPage, focal_person=""), "amber", "đầu mối"),
    ("tiep-can-thong-tin", delete(PublishedInformationItem), "amber", "Danh mục thông tin phải công khai còn trống"),
    ("chi-dao-dieu-hanh", no_category("Chỉ đạo điều hành"), "red", "Chưa có chuyên mục “Chỉ đạo điều hành”"),
    ("chi-dao-dieu-hanh", old_news_only("Chỉ đạo điều hành"), "amber", "Không có tin mới trong 200 ngày"),
    ("quy-hoach-ke-hoach", no_category("Quy hoạch - Kế hoạch"), "red", "Quy hoạch - Kế hoạch"),
    ("dau-tu-dau-thau", no_category("Đầu tư công - Đấu thầu"), "red", "Đầu tư công - Đấu thầu"),
    ("thong-ke", no_category("Thống kê"), "red", "Thống kê"),
    ("thong-ke", delete(ArticlePage), "amber", "Chuyên mục chưa có tin bài nào"),
    ("pho-bien-phap-luat", no_category("Phổ biến pháp luật"), "red", "Phổ biến pháp luật"),
    ("danh-gia-hai-long", unpublish(SatisfactionSurveyPage), "red", "Chưa có trang Đánh giá mức độ hài lòng"),
    ("tieng-anh", unpublish(EnglishPage), "red", "Chưa có trang tiếng Anh"),
    ("so-do-cong", unpublish(HtmlSitemapPage), "red", "Chưa có trang Sơ đồ cổng"),
]


def test_every_rule_has_a_missing_case():
    assert {code for code, *_ in CASES} == {rule.code for rule in RULES}


def test_complete_portal_is_green_and_each_missing_item_is_flagged(portal):
    report = report_for(portal)
    not_green = [(i.rule.code, i.result.reason) for i in report.items if i.result.status != "green"]
    assert not_green == []
    assert report.status == "green" and report.counts == {"green": len(RULES), "amber": 0, "red": 0}
    assert item_of(portal, "gioi-thieu").result.last_updated == timezone.localdate()

    wrong = []
    for code, change, status, reason in CASES:
        result = result_after(portal, change, code)
        if result.status != status or reason not in result.reason:
            wrong.append((code, reason, result))
    assert wrong == []
    # Each change was undone: the portal is complete again.
    assert report_for(portal).status == "green"


def test_board_thresholds_change_the_outcome(portal):
    rules = ComplianceRules.for_site(portal)
    today = timezone.localdate()

    # A question open for 6 working days: in time with 15, late with 5.
    received = today
    for _ in range(6):
        received -= datetime.timedelta(days=1)
        while not workdays.is_working_day(received):
            received -= datetime.timedelta(days=1)
    question = Question.objects.first()
    question.pk, question.tracking_code, question.status = None, "HD-2026-THRESHLD", "new"
    question.save()
    Question.objects.filter(pk=question.pk).update(
        received_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(9)))
    )
    assert item_of(portal, "hoi-dap").result.status == "green"
    rules.question_working_days = 5
    rules.save()
    result = item_of(portal, "hoi-dap").result
    assert (result.status, result.reason) == ("red", "1 câu hỏi chưa được trả lời quá 5 ngày làm việc.")

    # A document published 10 days after its issue: late with 2 working days, in time with 10.
    document_published_late()
    assert item_of(portal, "van-ban").result.status == "amber"
    rules.document_working_days = 10
    rules.save()
    assert item_of(portal, "van-ban").result.status == "green"

    # No schedule this week: amber only if the board asks for a weekly schedule.
    ScheduleEntry.objects.all().delete()
    assert item_of(portal, "lich-cong-tac").result.status == "amber"
    rules.require_weekly_schedule = False
    rules.save()
    assert item_of(portal, "lich-cong-tac").result.status == "green"

    # News 200 days old: stale with 90 days, fresh with 365.
    old_news_only("Thống kê")()
    assert item_of(portal, "thong-ke").result.status == "amber"
    rules.category_stale_days = 365
    rules.save()
    assert item_of(portal, "thong-ke").result.status == "green"


def test_a_nested_category_article_counts_for_its_required_category(portal):
    category = NewsCategoryPage.objects.get(title="Thống kê")
    ArticlePage.objects.descendant_of(category).delete()
    sub = NewsCategoryPage(title="Niên giám thống kê", slug="nien-giam")
    category.add_child(instance=sub)
    ArticleFactory(parent=sub, date=timezone.now())
    assert item_of(portal, "thong-ke").result.status == "green"


def test_query_count_does_not_grow_with_content(portal):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            report_for(portal)
        return len(captured)

    queries()  # the first check stores the board's default rules and warms the content-type cache
    before = queries()
    category = NewsCategoryPage.objects.get(title="Thống kê")
    for _ in range(15):
        ArticleFactory(parent=category, date=timezone.now())
    for _ in range(5):
        open_question(days_ago=40)()
        Question.objects.filter(tracking_code="HD-2026-TESTTEST").update(tracking_code=f"HD-{_}")
    assert queries() == before <= 20


@pytest.mark.parametrize("received_days_before, overdue", [(15, False), (16, True)])
def test_deadline_counts_working_days(received_days_before, overdue):
    today = datetime.date(2026, 11, 27)  # a Friday
    received = today
    for _ in range(received_days_before):
        received -= datetime.timedelta(days=1)
        while not workdays.is_working_day(received):
            received -= datetime.timedelta(days=1)
    assert (received <= latest_late_received_on(today, 15)) is overdue
