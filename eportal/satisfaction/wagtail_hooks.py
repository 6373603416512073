"""Báo cáo → Đánh giá mức độ hài lòng: the survey's results, for the head of the board and
administrators (permission "satisfaction.view_results", granted by migration 0002)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import RESULTS_PERMISSION, ResultsView


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(RESULTS_PERMISSION)


@hooks.register("register_admin_urls")
def register_results_url():
    return [path("danh-gia-hai-long/", ResultsView.as_view(), name="satisfaction_results")]


@hooks.register("register_reports_menu_item")
def register_results_menu_item():
    return ResultsMenuItem(
        "Đánh giá mức độ hài lòng", reverse("satisfaction_results"),
        name="satisfaction-results", icon_name="pick", order=1300,
    )


@hooks.register("register_permissions")
def register_results_permission():
    return Permission.objects.filter(content_type__app_label="satisfaction", codename="view_results")
