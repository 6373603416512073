from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "eportal.satisfaction"
    label = "satisfaction"
    verbose_name = "Đánh giá mức độ hài lòng"
