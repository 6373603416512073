from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "eportal.schedule"
    label = "schedule"
    verbose_name = "Lịch công tác"
