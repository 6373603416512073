"""Information requests in the admin ("Yêu cầu cung cấp thông tin"), for the board only.

Requesters' contact data is shown here and nowhere else. Editors and the head of the board
hold the model permissions (migration 0002); others get 403. Requests received on paper
or in person can be entered here too.
"""

from django import forms
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from eportal.province.access import SiteChoiceFormMixin, scoped_index_view, scoped_urlpatterns, site_filter

from .models import InformationRequest


class DateColumn(Column):
    """dd/mm/yyyy, whatever the admin user's language."""

    cell_template_name = "access/admin/date_cell.html"


class DueDateColumn(Column):
    cell_template_name = "access/admin/due_date_cell.html"


class InformationRequestAdminForm(SiteChoiceFormMixin, WagtailAdminModelForm):
    pass


class InformationRequestIndexView(scoped_index_view(generic.IndexView, site_filter)):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site")


class InformationRequestViewSet(ModelViewSet):
    """A commune's board sees the requests sent on its own site only (eportal.province.access)."""

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
        Column("site", label="Trang nhận"),
    ]
    list_filter = ["status"]
    search_fields = ["name", "information", "email", "phone"]
    search_backend_name = None
    ordering = ["-received_at", "-pk"]
    index_view_class = InformationRequestIndexView
    edit_handler = ObjectList([
        FieldPanel("site", widget=forms.Select),
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
    ], base_form_class=InformationRequestAdminForm)

    def get_urlpatterns(self):
        return scoped_urlpatterns(super().get_urlpatterns(), InformationRequest, site_filter)


information_request_viewset = InformationRequestViewSet()


@hooks.register("register_admin_viewset")
def register_information_request_viewset():
    return information_request_viewset
