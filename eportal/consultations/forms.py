import re

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models.comments import MAX_TEXT_LENGTH

PHONE = re.compile(r"^\+?[0-9 .()-]{8,20}$")


class CommentForm(forms.Form):
    """The public comment form. Contact data is for the drafting agency only."""

    name = forms.CharField(
        label="Họ và tên", max_length=200,
        error_messages={"required": "Vui lòng nhập họ và tên.",
                        "max_length": "Họ và tên dài tối đa %(limit_value)d ký tự."},
    )
    organisation = forms.CharField(
        label="Cơ quan, tổ chức (nếu có)", max_length=255, required=False,
        error_messages={"max_length": "Tên cơ quan, tổ chức dài tối đa %(limit_value)d ký tự."},
    )
    email = forms.EmailField(
        label="Thư điện tử", required=False, max_length=254,
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )
    phone = forms.CharField(label="Số điện thoại", max_length=30, required=False)
    article_ref = forms.CharField(
        label="Góp ý cho Điều/khoản (nếu có)", max_length=200, required=False,
        help_text="Ví dụ: Điều 3, khoản 2.",
        error_messages={"max_length": "Phần này dài tối đa %(limit_value)d ký tự."},
    )
    text = forms.CharField(
        label="Nội dung góp ý", max_length=MAX_TEXT_LENGTH, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Tối đa {MAX_TEXT_LENGTH:,} ký tự.".replace(",", "."),
        error_messages={
            "required": "Vui lòng nhập nội dung góp ý.",
            "max_length": "Nội dung góp ý dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d ký tự).",
        },
    )
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(label="Để trống ô này", required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (not PHONE.match(phone) or sum(c.isdigit() for c in phone) < 8):
            raise forms.ValidationError("Số điện thoại không hợp lệ.")
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not (
            self.errors.get("email") or self.errors.get("phone")
        ):
            raise forms.ValidationError(
                "Vui lòng để lại thư điện tử hoặc số điện thoại (không công khai) để cơ quan soạn thảo liên hệ khi cần."
            )
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class CommentModerationForm(WagtailAdminModelForm):
    """The admin form: a moderator changes the status; who and when are recorded."""

    def save(self, commit=True):
        if "status" in self.changed_data:
            self.instance.moderate(self.cleaned_data["status"], self.for_user)
        return super().save(commit=commit)
