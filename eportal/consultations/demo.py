"""Demo content for "Lấy ý kiến dự thảo": one open and one closed consultation.

Idempotent: pages are found by slug, and periods are computed relative to the time of
the first load only. Everything here is sample data and says so.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from eportal.core.models import Agency, Sector
from eportal.core.pages import publish_child

from .models import ConsultationComment, ConsultationIndexPage, ConsultationPage

INDEX_SLUG = "lay-y-kien"
AGENCY = "Ban Tuyên giáo Huyện ủy Kế Sách"
SECTOR = ("Văn hóa - Thông tin", "van-hoa-thong-tin")
NOTE = "Dữ liệu mẫu để giới thiệu chức năng lấy ý kiến dự thảo, không phải văn bản thật."

OPEN = {
    "slug": "du-thao-ke-hoach-chuyen-de-2027",
    "title": (
        "Dự thảo Kế hoạch thực hiện chuyên đề năm 2027 về học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh (Dữ liệu mẫu)"
    ),
    "summary": (
        "Dự thảo kế hoạch đưa chuyên đề năm 2027 vào sinh hoạt chi bộ, gắn việc học tập và làm theo "
        "Bác với Chỉ thị 03-CT/TW của Bộ Chính trị và Kế hoạch 07-KH/TU của Ban Thường vụ Tỉnh ủy. " + NOTE
    ),
    "body": (
        f"<p><b>{NOTE}</b></p>"
        "<h2>I. Mục đích, yêu cầu</h2>"
        "<p>Tiếp tục thực hiện Chỉ thị số 03-CT/TW của Bộ Chính trị khóa XI về tiếp tục đẩy mạnh việc "
        "học tập và làm theo tấm gương đạo đức Hồ Chí Minh, Kế hoạch 07-KH/TU của Ban Thường vụ Tỉnh ủy "
        "và Thông báo kết luận số 83-TB/HU của Ban Thường vụ Huyện ủy.</p>"
        "<h2>II. Nội dung</h2>"
        "<p><b>Điều 1.</b> Đưa nội dung chuyên đề năm 2027 vào sinh hoạt định kỳ, sinh hoạt chuyên đề "
        "của chi bộ.</p>"
        "<p><b>Điều 2.</b> Sinh hoạt chuyên đề về thực hiện Quy định 101-QĐ/TW, Quy định 55-QĐ/TW của "
        "Ban Bí thư và Quyết định 704-QĐ/TU của Ban Thường vụ Tỉnh ủy.</p>"
        "<p><b>Điều 3.</b> Rà soát chuẩn mực đạo đức ngắn gọn, dễ nhớ, dễ thực hiện, gắn với Nghị quyết "
        "33-NQ/TW khóa XI và Nghị quyết Trung ương 4 khóa XI.</p>"
        "<p><b>Điều 4.</b> Nhân rộng các mô hình hay ở các xã Thới An Hội, Kế An, Ba Trinh, Xuân Hòa.</p>"
    ),
    "opens": timedelta(days=-7),
    "closes": timedelta(days=23),
}

CLOSED = {
    "slug": "du-thao-chuan-muc-dao-duc-theo-chi-thi-03",
    "title": (
        "Dự thảo Quy định chuẩn mực đạo đức của cán bộ, đảng viên theo Chỉ thị 03-CT/TW (Dữ liệu mẫu)"
    ),
    "summary": (
        "Dự thảo chuẩn mực đạo đức ngắn gọn, dễ nhớ, dễ thực hiện, dễ kiểm tra, gắn với Nghị quyết "
        "33-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI. " + NOTE
    ),
    "body": (
        f"<p><b>{NOTE}</b></p>"
        "<p><b>Điều 1.</b> Trung thực, trách nhiệm; gắn bó với Nhân dân.</p>"
        "<p><b>Điều 2.</b> Đoàn kết, xây dựng Đảng trong sạch, vững mạnh.</p>"
        "<p><b>Điều 3.</b> Kiểm điểm tự phê bình và phê bình xoay vòng hằng tháng, hằng quý.</p>"
    ),
    "summary_of_comments": (
        f"<p><b>{NOTE}</b></p>"
        "<p>Ban Tuyên giáo Huyện ủy đã tiếp thu ý kiến bổ sung việc gắn chuẩn mực đạo đức với đăng ký "
        "làm theo hằng năm (Điều 3) và giải trình: việc kiểm điểm xoay vòng giữ theo hướng dẫn của "
        "Thông báo số 83-TB/HU.</p>"
    ),
    "opens": timedelta(days=-60),
    "closes": timedelta(days=-30),
    "comments": [
        ("Điều 3", "Đề nghị bổ sung việc đối chiếu kết quả thực hiện với bản đăng ký làm theo của từng đảng viên."),
        ("", "Chuẩn mực nên ngắn gọn hơn để dễ niêm yết tại nhà văn hóa ấp."),
    ],
}


def _agency():
    return Agency.objects.filter(name=AGENCY).first() or Agency.objects.create(name=AGENCY, short_name="BTGHU")


def _sector():
    name, slug = SECTOR
    return (
        Sector.objects.filter(name=name).first()
        or Sector.objects.filter(slug=slug).first()
        or Sector.objects.create(name=name, slug=slug)
    )


def _ensure_consultation(index, spec, today):
    if ConsultationPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return None
    page = ConsultationPage(
        title=spec["title"], slug=spec["slug"], summary=spec["summary"], body=spec["body"],
        agency=_agency(), sector=_sector(),
        opens_at=today + spec["opens"] + timedelta(hours=7), closes_at=today + spec["closes"] + timedelta(hours=17),
        summary_of_comments=spec.get("summary_of_comments", ""),
    )
    publish_child(index, page)
    for number, (article_ref, text) in enumerate(spec.get("comments", []), start=1):
        ConsultationComment.objects.create(
            page=page, name=f"Người góp ý mẫu {number}", organisation="Dữ liệu mẫu",
            email=f"gop-y-mau-{number}@example.invalid", article_ref=article_ref, text=text,
            status=ConsultationComment.Status.APPROVED, created_at=page.opens_at + timedelta(days=number),
            moderated_at=page.closes_at,
        )
    return page


def load(site, home):
    with transaction.atomic():
        index = ConsultationIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
        if index is None:
            index = publish_child(home, ConsultationIndexPage(
                title="Lấy ý kiến dự thảo", slug=INDEX_SLUG,
                intro="Mời cơ quan, tổ chức và người dân góp ý các dự thảo văn bản trong thời gian lấy ý kiến.",
            ))
        # Periods start at 07:00 and end at 17:00, counted in days from the first load.
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        for spec in (OPEN, CLOSED):
            _ensure_consultation(index, spec, today)
    return index
