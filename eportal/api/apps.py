from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eportal.api"
    label = "api"
    verbose_name = "API dữ liệu mở"
