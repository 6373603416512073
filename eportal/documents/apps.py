from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "eportal.documents"
    label = "documents"
    verbose_name = "Văn bản"
