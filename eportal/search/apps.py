from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "eportal.search"
    label = "portal_search"  # "search" would clash with the label of wagtail.search
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import signals  # noqa: F401
