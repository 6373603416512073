from django.apps import AppConfig


class AboutConfig(AppConfig):
    name = "eportal.about"
    label = "about"
    verbose_name = "Giới thiệu"
