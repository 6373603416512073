from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "eportal.compliance"
    label = "compliance"
    verbose_name = "Tuân thủ"
