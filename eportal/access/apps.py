from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "eportal.access"
    label = "access"
    verbose_name = "Tiếp cận thông tin"
