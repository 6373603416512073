from django.apps import AppConfig


class LegacyConfig(AppConfig):
    name = "eportal.legacy"
    label = "legacy"
    verbose_name = "Nhập dữ liệu cổng cũ"
