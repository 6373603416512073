from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "eportal.operations"
    label = "operations"
    verbose_name = "Vận hành"
