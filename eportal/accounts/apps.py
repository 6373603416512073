from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eportal.accounts"
    label = "eportal_accounts"
    verbose_name = "Tài khoản quản trị"

    def ready(self):
        from . import signals  # noqa: F401
