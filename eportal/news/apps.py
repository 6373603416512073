from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "eportal.news"
    label = "news"
    verbose_name = "Tin tức"
