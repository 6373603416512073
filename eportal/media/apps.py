from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "eportal.media"
    label = "media"
    verbose_name = "Tệp và hình ảnh"
