"""Báo cáo → Tuân thủ: the compliance check of one site, for the head of the board and administrators."""

from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from eportal.editorial.permissions import forbidden
from eportal.province.access import chosen_site, visible_sites

from .report import report_for

VIEW_PERMISSION = "compliance.view_compliance"


def may_view(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin") and user.has_perm(VIEW_PERMISSION)


class ComplianceView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "compliance/report.html"
    page_title = "Tuân thủ"
    page_subtitle = "Các nội dung cổng thông tin phải công khai theo quy định"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user):
            return forbidden(request)
        self.sites = visible_sites(request.user)
        if not self.sites:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = chosen_site(self.request, self.sites)
        context.update({
            "report": report_for(site, timezone.localdate()),
            "sites": self.sites,
            "today": timezone.localdate(),
        })
        return context
