from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "eportal.core"
    label = "core"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from . import signals  # noqa: F401
