from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .lockout import lockout_message


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, in Vietnamese, saying so when axes has locked the login."""

    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.",
        "inactive": "Tài khoản này đã bị vô hiệu hóa.",
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(lockout_message(), code="locked_out") from None
            raise


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Mã xác thực",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "autofocus": True, "size": 10}),
        error_messages={"required": "Vui lòng nhập mã xác thực."},
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())
