"""Information requests in the admin ("Yêu cầu cung cấp thông tin"), for the board only.

Requesters' contact data is shown here and nowhere else. Editors and the head of the board
hold the model permissions (migration 0002); others get 403. Requests received on paper
or in person can be entered here too.
"""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import InformationRequest


class DateColumn(Column):
    """dd/mm/yyyy, whatever the admin user's language."""

    cell_template_name = "access/admin/date_cell.html"


class DueDateColumn(Column):
    cell_template_name = "access/admin/due_date_cell.html"


class InformationRequestViewSet(ModelViewSet):
    model = InformationRequest
    name = "information_requests"
    url_prefix = "yeu-cau-thong-tin"
    icon = "mail"
    menu_label = "Yêu cầu cung cấp thông tin"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        TitleColumn("reference", label="Mã số", url_name="information_requests:edit", sort_key="pk"),
        Column("name", label="Người yêu cầu"),
        DateColumn("received_on", label="Ngày nhận", sort_key="received_at"),
        DueDateColumn("due_date", label="Hạn trả lời", sort_key="due_date"),
        StatusTagColumn("get_status_display", label="Tình trạng", primary=lambda r: r.is_open, sort_key="status"),
    ]
    list_filter = ["status"]
    search_fields = ["name", "information", "email", "phone"]
    search_backend_name = None
    ordering = ["-received_at", "-pk"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("address"), FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])],
            heading="Người yêu cầu",
        ),
        MultiFieldPanel(
            [FieldPanel("information"), FieldPanel("purpose"), FieldPanel("delivery")],
            heading="Nội dung yêu cầu",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("refusal_reason"), FieldPanel("handling_note"),
             FieldRowPanel([FieldPanel("received_at"), FieldPanel("due_date"), FieldPanel("answered_on")])],
            heading="Xử lý",
        ),
    ]


information_request_viewset = InformationRequestViewSet()


@hooks.register("register_admin_viewset")
def register_information_request_viewset():
    return information_request_viewset
