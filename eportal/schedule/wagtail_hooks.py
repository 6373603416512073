"""The schedule in the admin: "Lịch công tác", for editors and the head of the board only.

Entries are not pages, so the page workflow does not moderate them; instead only the
groups given the model permissions (migration 0002: Biên tập viên, Trưởng ban biên tập)
may change them, every change is kept in the item's history, and anyone else gets 403.
A commune's board sees and files entries only on the schedule pages of its own site
(eportal.province.access): the list is filtered, and any view of another site's entry is 404.
"""

from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from eportal.province.access import PageChoiceViewMixin, page_filter, scoped_index_view, scoped_urlpatterns

from .models import ScheduleEntry


class ScheduleEntryCreateView(PageChoiceViewMixin, generic.CreateView):
    pass


class ScheduleEntryEditView(PageChoiceViewMixin, generic.EditView):
    pass


class ScheduleEntryCopyView(PageChoiceViewMixin, generic.CopyView):
    pass


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
    index_view_class = scoped_index_view(generic.IndexView, page_filter)
    add_view_class = ScheduleEntryCreateView
    edit_view_class = ScheduleEntryEditView
    copy_view_class = ScheduleEntryCopyView

    def get_urlpatterns(self):
        return scoped_urlpatterns(super().get_urlpatterns(), ScheduleEntry, page_filter)


schedule_entry_viewset = ScheduleEntryViewSet()


@hooks.register("register_admin_viewset")
def register_schedule_viewset():
    return schedule_entry_viewset
