"""Demo content of the Hỏi đáp section, clearly labelled as demo data ("dữ liệu mẫu").

The answers restate general rules (Luật Hộ tịch 2014, Luật Tiếp công dân 2013); the asker
and the answering agency are marked as demo data. Running load() again changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from eportal.core.models import Sector
from eportal.core.pages import publish_child

from .models import Question, QuestionIndexPage, Status

INDEX_SLUG = "hoi-dap"
ASKER = "Người dân (dữ liệu mẫu)"
ANSWERED_BY = "UBND huyện Kế Sách (dữ liệu mẫu)"
DEMO_EMAIL = "du-lieu-mau@example.com"

SECTORS = [("ho-tich", "Hộ tịch"), ("tiep-cong-dan", "Tiếp công dân")]

QUESTIONS = [
    {
        "sector": "ho-tich",
        "title": "Đăng ký khai sinh cho con cần những giấy tờ gì? (dữ liệu mẫu)",
        "question": (
            "Gia đình tôi ở xã Thới An Hội vừa sinh cháu. Xin hỏi đăng ký khai sinh cho cháu ở đâu, "
            "cần mang theo giấy tờ gì và có mất lệ phí không?"
        ),
        "answer": (
            "<p>Theo Luật Hộ tịch năm 2014:</p>"
            "<ul><li>Nơi đăng ký: Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ của trẻ.</li>"
            "<li>Thời hạn: trong 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con.</li>"
            "<li>Giấy tờ: tờ khai theo mẫu và giấy chứng sinh (nếu không có giấy chứng sinh thì nộp văn bản "
            "của người làm chứng xác nhận về việc sinh); xuất trình giấy tờ tùy thân của người đi đăng ký.</li>"
            "<li>Lệ phí: đăng ký khai sinh đúng hạn được miễn lệ phí.</li></ul>"
            "<p><i>Đây là câu trả lời mẫu để minh họa chức năng Hỏi đáp.</i></p>"
        ),
        "status": Status.ANSWERED,
        "is_public": True,
        "received": datetime.date(2026, 1, 5),
        "answered": datetime.date(2026, 1, 9),
    },
    {
        "sector": "tiep-cong-dan",
        "title": "Lịch tiếp công dân của lãnh đạo UBND huyện như thế nào? (dữ liệu mẫu)",
        "question": (
            "Tôi ở xã Kế An, muốn gặp lãnh đạo Ủy ban nhân dân huyện để phản ánh một việc. "
            "Xin cho biết lịch tiếp công dân định kỳ và nơi tiếp."
        ),
        "answer": (
            "<p>Theo Luật Tiếp công dân năm 2013, Chủ tịch Ủy ban nhân dân cấp huyện tiếp công dân định kỳ "
            "ít nhất 02 ngày trong một tháng tại Trụ sở tiếp công dân của huyện; Chủ tịch Ủy ban nhân dân "
            "cấp xã tiếp công dân ít nhất 01 ngày trong một tuần tại trụ sở Ủy ban nhân dân xã.</p>"
            "<p>Lịch tiếp công dân cụ thể được niêm yết tại Trụ sở tiếp công dân và đăng trên Cổng thông tin "
            "điện tử huyện. Khi đến, ông/bà mang theo giấy tờ tùy thân và tài liệu liên quan.</p>"
            "<p><i>Đây là câu trả lời mẫu để minh họa chức năng Hỏi đáp.</i></p>"
        ),
        "status": Status.ANSWERED,
        "is_public": True,
        "received": datetime.date(2026, 2, 2),
        "answered": datetime.date(2026, 2, 6),
    },
    {
        "sector": "ho-tich",
        "title": "Xin giấy xác nhận tình trạng hôn nhân ở đâu? (dữ liệu mẫu)",
        "question": (
            "Tôi ở xã Ba Trinh, cần giấy xác nhận tình trạng hôn nhân để làm hồ sơ vay vốn. "
            "Xin hỏi nộp hồ sơ ở đâu? (Câu hỏi mẫu chưa trả lời, để minh họa việc phân công xử lý.)"
        ),
        "status": Status.NEW,
        "is_public": False,
        "received": datetime.date(2026, 3, 2),
    },
]


def _sector(slug, name):
    sector = Sector.objects.filter(slug=slug).first() or Sector.objects.filter(name=name).first()
    return sector or Sector.objects.create(slug=slug, name=name)


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def ensure_index_page(home):
    page = QuestionIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if page is None:
        page = publish_child(home, QuestionIndexPage(
            title="Hỏi đáp",
            slug=INDEX_SLUG,
            intro=(
                "Người dân, doanh nghiệp gửi câu hỏi về chính sách, thủ tục hành chính và hoạt động của "
                "Ủy ban nhân dân huyện. Câu trả lời có ích cho nhiều người được đăng công khai tại đây."
            ),
        ))
    return page


def load(site, home):
    with transaction.atomic():
        page = ensure_index_page(home)
        sectors = {slug: _sector(slug, name) for slug, name in SECTORS}
        for item in QUESTIONS:
            if Question.objects.filter(asker_name=ASKER, title=item["title"]).exists():
                continue
            Question.objects.create(
                asker_name=ASKER,
                email=DEMO_EMAIL,
                sector=sectors[item["sector"]],
                title=item["title"],
                question=item["question"],
                answer=item.get("answer", ""),
                answered_by=ANSWERED_BY if item.get("answer") else "",
                answered_at=_aware(item["answered"]) if item.get("answered") else None,
                status=item["status"],
                is_public=item["is_public"],
                received_at=_aware(item["received"]),
            )
    return page
