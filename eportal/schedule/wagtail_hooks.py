"""The schedule in the admin: "Lịch công tác", for editors and the head of the board only.

Entries are not pages, so the page workflow does not moderate them; instead only the
groups given the model permissions (migration 0002: Biên tập viên, Trưởng ban biên tập)
may change them, every change is kept in the item's history, and anyone else gets 403.
"""

from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ScheduleEntry


class ScheduleEntryViewSet(ModelViewSet):
    model = ScheduleEntry
    name = "schedule_entries"
    url_prefix = "lich-cong-tac"
    icon = "date"
    menu_label = "Lịch công tác"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        TitleColumn("date_label", label="Ngày", url_name="schedule_entries:edit", sort_key="date"),
        Column("time_label", label="Giờ", sort_key="start_time"),
        Column("content", label="Nội dung"),
        Column("presiding", label="Chủ trì"),
        Column("place", label="Địa điểm"),
    ]
    list_filter = ["page", "date"]
    search_fields = ["content", "presiding", "participants", "place"]
    search_backend_name = None
    ordering = ["-date", "start_time"]
    copy_view_enabled = True


schedule_entry_viewset = ScheduleEntryViewSet()


@hooks.register("register_admin_viewset")
def register_schedule_viewset():
    return schedule_entry_viewset
