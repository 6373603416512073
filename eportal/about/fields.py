from django.db import models

from .validators import EMAIL_MESSAGE, validate_email, validate_phone


class EmailAddressField(models.EmailField):
    """An e-mail field whose admin form refuses a bad address in Vietnamese."""

    default_validators = [validate_email]

    def formfield(self, **kwargs):
        return super().formfield(**{"error_messages": {"invalid": EMAIL_MESSAGE}, **kwargs})


def phone_field(verbose_name="Điện thoại", **kwargs):
    return models.CharField(verbose_name, max_length=50, blank=True, validators=[validate_phone], **kwargs)


def email_field(verbose_name="Thư điện tử", **kwargs):
    return EmailAddressField(verbose_name, blank=True, **kwargs)
