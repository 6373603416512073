"""Báo cáo → Tuân thủ: the compliance check of one site, for the head of the board and administrators."""

from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from eportal.editorial.permissions import forbidden
from eportal.province.access import sites_of

from .report import all_sites, report_for

VIEW_PERMISSION = "compliance.view_compliance"


def may_view(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin") and user.has_perm(VIEW_PERMISSION)


def visible_sites(user) -> list[Site]:
    allowed = sites_of(user)
    sites = all_sites()
    if allowed is not None:
        sites = sites.filter(pk__in=allowed)
    return list(sites)


def chosen_site(request, sites: list[Site]) -> Site:
    """The site asked for by ?site=<id>, else the request's own site, else the first one."""
    raw = request.GET.get("site", "").strip()
    if raw:
        for site in sites:
            if str(site.pk) == raw:
                return site
        raise Http404("Không có trang thông tin này hoặc bạn không được xem.")
    current = Site.find_for_request(request)
    for site in sites:
        if current is not None and site.pk == current.pk:
            return site
    return sites[0]


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
