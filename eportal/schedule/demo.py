"""Demo content: the "Lịch công tác" page with this week's and next week's sample entries.

Idempotent: the page is found by its slug, and a week gets sample entries only while it
has no entries at all, so editors' entries (and running the loader twice) are left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from eportal.core.pages import publish_child

from .models import ScheduleEntry, WorkSchedulePage
from .weeks import Week

SLUG = "lich-cong-tac"
DEMO = "(Dữ liệu mẫu)"

# (weekday 0 = Monday, start, end, content, presiding, participants, place, notes)
WEEK_ITEMS = [
    (0, "07:30", "11:00", "Họp Ban Thường vụ Huyện ủy", "Thường trực Huyện ủy",
     "Các đồng chí Ủy viên Ban Thường vụ Huyện ủy", "Phòng họp Ban Thường vụ Huyện ủy",
     "Văn phòng Huyện ủy chuẩn bị tài liệu"),
    (0, "14:00", "16:30", "Họp giao ban Lãnh đạo UBND huyện với các phòng, ban chuyên môn",
     "Lãnh đạo UBND huyện", "Trưởng các phòng, ban chuyên môn thuộc UBND huyện", "Hội trường UBND huyện", ""),
    (1, "08:00", "11:00",
     "Hội nghị sơ kết việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
     "theo Chỉ thị 03-CT/TW của Bộ Chính trị khóa XI",
     "Thường trực Huyện ủy", "Ban Tuyên giáo Huyện ủy; đại diện các tổ chức cơ sở đảng", "Hội trường Huyện ủy",
     "Ban Tuyên giáo Huyện ủy chuẩn bị báo cáo"),
    (2, "07:30", None, "Làm việc với Đảng ủy, UBND xã Thới An Hội về tình hình kinh tế - xã hội",
     "Lãnh đạo UBND huyện", "Lãnh đạo Phòng Tài chính - Kế hoạch, Phòng Nông nghiệp", "UBND xã Thới An Hội",
     "Xe xuất phát tại UBND huyện lúc 07:00"),
    (3, "07:30", "11:00", "Tiếp công dân định kỳ", "Lãnh đạo UBND huyện",
     "Ban Tiếp công dân huyện; Thanh tra huyện; Phòng Tài nguyên và Môi trường", "Trụ sở Tiếp công dân huyện", ""),
    (3, "14:00", "17:00", "Kiểm tra việc thực hiện Quy định 101-QĐ/TW về trách nhiệm nêu gương tại xã Ba Trinh",
     "Ủy ban Kiểm tra Huyện ủy", "Thành viên Đoàn kiểm tra", "Đảng ủy xã Ba Trinh", ""),
    (4, "08:00", "10:00", "Họp UBND huyện thường kỳ", "Lãnh đạo UBND huyện",
     "Thành viên UBND huyện; Thủ trưởng các cơ quan, đơn vị liên quan", "Hội trường UBND huyện", ""),
]


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def ensure_page(home):
    page = WorkSchedulePage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = publish_child(home, WorkSchedulePage(
            title="Lịch công tác", slug=SLUG,
            intro="Lịch công tác tuần của Thường trực Huyện ủy và Lãnh đạo UBND huyện. "
                  "Các mục ghi “(Dữ liệu mẫu)” chỉ để minh họa.",
        ))
    return page


def ensure_week(page, week):
    if page.entries.filter(date__range=(week.monday, week.sunday)).exists():
        return
    ScheduleEntry.objects.bulk_create([
        ScheduleEntry(
            page=page, date=week.monday + datetime.timedelta(days=weekday),
            start_time=_time(start), end_time=_time(end), content=f"{content} {DEMO}",
            presiding=presiding, participants=participants, place=place, notes=notes,
        )
        for weekday, start, end, content, presiding, participants, place, notes in WEEK_ITEMS
    ])


def load(site, home):
    with transaction.atomic():
        page = ensure_page(home)
        this_week = Week.containing(timezone.localdate())
        ensure_week(page, this_week)
        if following := this_week.next():
            ensure_week(page, following)
    return page
