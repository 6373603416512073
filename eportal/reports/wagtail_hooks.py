"""Admin menu "Thống kê biên tập" and its URLs (the figures, the printable report, the XLSX)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("thong-ke-bien-tap/", views.overview, name="reports_overview"),
        path("thong-ke-bien-tap/bao-cao/", views.printable, name="reports_printable"),
        path("thong-ke-bien-tap/xlsx/", views.workbook, name="reports_xlsx"),
    ]


@hooks.register("register_reports_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        views.TITLE, reverse("reports_overview"), name="editorial-statistics", icon_name="table", order=1200,
    )


@hooks.register("register_permissions")
def register_reports_permission():
    return Permission.objects.filter(content_type__app_label="reports", codename="view_reports")
