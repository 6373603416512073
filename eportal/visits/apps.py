from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "eportal.visits"
    label = "visits"
    verbose_name = "Thống kê truy cập"
