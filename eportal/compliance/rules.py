"""What the law requires a portal to publish, and how each item is checked.

Each Rule has a code, a Vietnamese title, its legal basis and a check function
check(facts, rules, today) -> Result. `facts` is a checks.SiteFacts (it holds the site and
reads what the checks need with a fixed number of queries); `rules` are the board's
thresholds (models.ComplianceRules).

Red: the item is missing, or a legal deadline is being missed now. Amber: present but
incomplete or stale by the board's rule. Green: present and up to date.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from eportal.about.models import (
    AboutPage, ContactPage, DepartmentsPage, EnglishPage, LeadershipPage, SpokespersonPage,
)
from eportal.access.models import AccessToInformationPage
from eportal.consultations.models import ConsultationIndexPage, ConsultationPage
from eportal.core.models import HtmlSitemapPage
from eportal.documents.models import LegalDocumentPage
from eportal.procedures.models import ProcedurePage
from eportal.questions.models import QuestionIndexPage
from eportal.satisfaction.models import SatisfactionSurveyPage
from eportal.schedule.models import WorkSchedulePage

from .checks import SiteFacts, fold

GREEN, AMBER, RED, ARCHIVED = "green", "amber", "red", "archived"
STATUS_LABELS = {GREEN: "Đạt", AMBER: "Cần cập nhật", RED: "Chưa đạt", ARCHIVED: "Lưu trữ"}
SEVERITY = {GREEN: 0, ARCHIVED: 0, AMBER: 1, RED: 2}

DECREE_42 = "Nghị định 42/2022/NĐ-CP, Điều 4"
ACCESS_LAW = "Luật Tiếp cận thông tin 2016, Điều 19"
DECREE_09 = "Nghị định 09/2017/NĐ-CP, Điều 3"


@dataclass(frozen=True)
class Result:
    status: str
    reason: str
    last_updated: datetime.date | None = None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    legal_basis: str
    check: Callable[[SiteFacts, object, datetime.date], Result] = field(repr=False)


def _missing(what: str) -> Result:
    return Result(RED, f"Chưa có trang {what} đang xuất bản.")


def _page_rule(model, what: str, extra=None):
    """Red when the site has no live page of `model`; otherwise `extra` may lower it to amber."""

    def check(facts, rules, today):
        stat = facts.pages(model)
        if not stat.count:
            return _missing(what)
        last = facts.last_updated(model)
        if extra is not None:
            problem = extra(facts, rules, today)
            if problem:
                return Result(AMBER, problem, last)
        return Result(GREEN, f"Đã có trang {what}.", last)

    return check


def _leaders(facts, rules, today):
    return "" if facts.leader_count else "Trang lãnh đạo chưa có người nào (họ tên, chức vụ)."


def _spokesperson(facts, rules, today):
    person = facts.spokesperson
    if not (person["full_name"].strip() and person["position"].strip()):
        return "Chưa ghi họ tên, chức vụ người phát ngôn."
    if not (person["phone"].strip() or person["email"].strip()):
        return "Chưa có số điện thoại hoặc thư điện tử của người phát ngôn."
    return ""


def _contacts(facts, rules, today):
    identity = facts.identity
    missing = [
        label for label, value in [
            ("địa chỉ", identity.address),
            ("điện thoại hoặc thư điện tử", identity.phone or identity.email),
        ] if not (value or "").strip()
    ]
    return f"Thông tin cơ quan còn thiếu {', '.join(missing)} (Cài đặt → Thông tin cổng)." if missing else ""


def check_publisher(facts, rules, today):
    identity = facts.identity
    missing = [
        label for label, value in [
            ("cơ quan chủ quản", identity.agency_name),
            ("người chịu trách nhiệm", identity.responsible_person),
        ] if not (value or "").strip()
    ]
    if missing:
        return Result(RED, f"Chưa ghi {' và '.join(missing)} (Cài đặt → Thông tin cổng).")
    return Result(GREEN, "Đã ghi cơ quan chủ quản và người chịu trách nhiệm.")


def check_documents(facts, rules, today):
    if not facts.pages(LegalDocumentPage).count:
        return Result(RED, "Chưa đăng văn bản nào.")
    last = facts.last_updated(LegalDocumentPage)
    late = facts.late_documents
    if late:
        return Result(
            AMBER,
            f"{late} văn bản đăng trong {rules.document_window_days} ngày qua chậm quá "
            f"{rules.document_working_days} ngày làm việc kể từ ngày ban hành.",
            last,
        )
    return Result(
        GREEN, f"Văn bản được đăng trong {rules.document_working_days} ngày làm việc kể từ ngày ban hành.", last
    )


def check_procedures(facts, rules, today):
    stat = facts.pages(ProcedurePage)
    if not stat.count:
        return Result(RED, "Chưa đăng thủ tục hành chính nào.")
    return Result(GREEN, f"Đã đăng {stat.count} thủ tục hành chính.", facts.last_updated(ProcedurePage))


def check_questions(facts, rules, today):
    if not facts.pages(QuestionIndexPage).count:
        return _missing("Hỏi đáp")
    last = facts.last_public_answer or facts.last_updated(QuestionIndexPage)
    overdue = facts.overdue_questions
    if overdue:
        return Result(
            RED, f"{overdue} câu hỏi chưa được trả lời quá {rules.question_working_days} ngày làm việc.", last
        )
    return Result(GREEN, f"Không có câu hỏi nào chưa trả lời quá {rules.question_working_days} ngày làm việc.", last)


def check_consultations(facts, rules, today):
    if not facts.pages(ConsultationIndexPage).count:
        return _missing("Lấy ý kiến dự thảo")
    last = facts.last_updated(ConsultationPage) or facts.last_updated(ConsultationIndexPage)
    return Result(GREEN, "Đã có mục lấy ý kiến dự thảo.", last)


def check_schedule(facts, rules, today):
    if not facts.pages(WorkSchedulePage).count:
        return _missing("Lịch công tác")
    last = facts.last_updated(WorkSchedulePage)
    entries = facts.schedule_entries_this_week
    if not entries and rules.require_weekly_schedule:
        return Result(AMBER, "Chưa đăng lịch công tác tuần này.", last)
    return Result(GREEN, f"Lịch công tác tuần này có {entries} mục.", last)


def check_access(facts, rules, today):
    page = facts.access_page
    if page is None:
        return _missing("Tiếp cận thông tin")
    last = facts.last_updated(AccessToInformationPage)
    overdue = facts.overdue_information_requests
    if overdue:
        return Result(RED, f"{overdue} yêu cầu cung cấp thông tin đã quá hạn trả lời.", last)
    if not page["focal_person"].strip():
        return Result(AMBER, "Chưa ghi người làm đầu mối cung cấp thông tin.", last)
    if not page["items"]:
        return Result(AMBER, "Danh mục thông tin phải công khai còn trống.", last)
    return Result(GREEN, "Đã có danh mục thông tin công khai, đầu mối và cách yêu cầu.", last)


def _category_rule(title: str):
    key = fold(title)

    def check(facts, rules, today):
        categories = facts.categories
        if key not in categories:
            return Result(RED, f"Chưa có chuyên mục “{title}”.")
        latest = categories[key]
        if latest is None:
            return Result(AMBER, "Chuyên mục chưa có tin bài nào.")
        last = timezone.localdate(latest)
        age = (today - last).days
        if age > rules.category_stale_days:
            return Result(AMBER, f"Không có tin mới trong {age} ngày (quy tắc: {rules.category_stale_days} ngày).", last)
        return Result(GREEN, f"Có tin mới trong {rules.category_stale_days} ngày qua.", last)

    return check


def _category(code, title):
    return Rule(code, f"Chuyên mục “{title}”", DECREE_42, _category_rule(title))


RULES: list[Rule] = [
    Rule("co-quan-chu-quan", "Cơ quan chủ quản, người chịu trách nhiệm", DECREE_42, check_publisher),
    Rule("gioi-thieu", "Giới thiệu: chức năng, nhiệm vụ, tổ chức", DECREE_42, _page_rule(AboutPage, "Giới thiệu")),
    Rule("lanh-dao", "Lãnh đạo cơ quan", DECREE_42, _page_rule(LeadershipPage, "Lãnh đạo", _leaders)),
    Rule("co-cau-to-chuc", "Cơ cấu tổ chức, phòng ban", DECREE_42, _page_rule(DepartmentsPage, "Cơ cấu tổ chức")),
    Rule("nguoi-phat-ngon", "Người phát ngôn", DECREE_09, _page_rule(SpokespersonPage, "Người phát ngôn", _spokesperson)),
    Rule("lien-he", "Liên hệ", DECREE_42, _page_rule(ContactPage, "Liên hệ", _contacts)),
    Rule("van-ban", "Văn bản quy phạm pháp luật, chỉ đạo điều hành", DECREE_42, check_documents),
    Rule("thu-tuc-hanh-chinh", "Thủ tục hành chính", DECREE_42, check_procedures),
    Rule("hoi-dap", "Hỏi đáp", DECREE_42, check_questions),
    Rule("lay-y-kien", "Lấy ý kiến dự thảo", DECREE_42, check_consultations),
    Rule("lich-cong-tac", "Lịch công tác", DECREE_42, check_schedule),
    Rule("tiep-can-thong-tin", "Tiếp cận thông tin", ACCESS_LAW, check_access),
    _category("chi-dao-dieu-hanh", "Chỉ đạo điều hành"),
    _category("quy-hoach-ke-hoach", "Quy hoạch - Kế hoạch"),
    _category("dau-tu-dau-thau", "Đầu tư công - Đấu thầu"),
    _category("thong-ke", "Thống kê"),
    _category("pho-bien-phap-luat", "Phổ biến pháp luật"),
    Rule("danh-gia-hai-long", "Đánh giá mức độ hài lòng", DECREE_42,
         _page_rule(SatisfactionSurveyPage, "Đánh giá mức độ hài lòng")),
    Rule("tieng-anh", "Thông tin tiếng Anh", DECREE_42, _page_rule(EnglishPage, "tiếng Anh")),
    Rule("so-do-cong", "Sơ đồ cổng", DECREE_42, _page_rule(HtmlSitemapPage, "Sơ đồ cổng")),
]
