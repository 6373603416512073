from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "eportal.editorial"
    label = "editorial"
    verbose_name = "Ban biên tập"

    def ready(self):
        from .permissions import install

        install()
