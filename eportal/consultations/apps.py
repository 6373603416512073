from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "eportal.consultations"
    label = "consultations"
    verbose_name = "Lấy ý kiến dự thảo"
