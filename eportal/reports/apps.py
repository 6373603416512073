from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "eportal.reports"
    label = "reports"
    verbose_name = "Thống kê biên tập"
