"""Báo cáo → Tuân thủ (permission "compliance.view_compliance", granted by migration 0002)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ComplianceView, may_view


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view(request.user)


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [path("tuan-thu/", ComplianceView.as_view(), name="compliance_report")]


@hooks.register("register_reports_menu_item")
def register_compliance_menu_item():
    return ComplianceMenuItem("Tuân thủ", reverse("compliance_report"), name="compliance", icon_name="tasks", order=1400)


@hooks.register("register_permissions")
def register_compliance_permission():
    return Permission.objects.filter(content_type__app_label="compliance", codename="view_compliance")
