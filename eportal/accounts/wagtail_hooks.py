from django.urls import path, reverse
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("xac-thuc-hai-buoc/", views.SetupView.as_view(), name="eportal_2fa_setup"),
        path("nhap-ma-xac-thuc/", views.verify, name="eportal_2fa_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("eportal_2fa_setup"),
        "label": "Xác thực hai bước",
        "help_text": "Khi đăng nhập, nhập thêm mã từ ứng dụng xác thực trên điện thoại.",
    }
