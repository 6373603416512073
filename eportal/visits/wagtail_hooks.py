"""Báo cáo → Thống kê truy cập and its URLs (the page, the CSV and the XLSX export)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class VisitStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_view(request.user)


@hooks.register("register_admin_urls")
def register_visit_statistics_urls():
    return [
        path("thong-ke-truy-cap/", views.statistics, name="visits_statistics"),
        path("thong-ke-truy-cap/csv/", views.csv_export, name="visits_csv"),
        path("thong-ke-truy-cap/xlsx/", views.xlsx_export, name="visits_xlsx"),
    ]


@hooks.register("register_reports_menu_item")
def register_visit_statistics_menu_item():
    return VisitStatisticsMenuItem(
        views.TITLE, reverse("visits_statistics"), name="visit-statistics", icon_name="view", order=1300,
    )


@hooks.register("register_permissions")
def register_visit_statistics_permission():
    return Permission.objects.filter(content_type__app_label="visits", codename="view_visit_statistics")
