from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "eportal.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
