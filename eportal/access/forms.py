from django import forms

from .models import InformationRequest


class InformationRequestForm(forms.ModelForm):
    """The public request form. No national ID number is asked for: the law's form does
    not require it for a request sent through the portal, and the portal does not keep it."""

    class Meta:
        model = InformationRequest
        fields = ["name", "address", "email", "phone", "information", "purpose", "delivery"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "information": forms.Textarea(attrs={"rows": 6}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "delivery": forms.RadioSelect,
        }
        help_texts = {
            "email": "Nhập thư điện tử hoặc số điện thoại (ít nhất một) để cơ quan liên hệ với bạn.",
            "information": "Ghi rõ tên văn bản, hồ sơ, tài liệu hoặc nội dung thông tin cần cung cấp.",
        }
        error_messages = {
            "name": {"required": "Hãy nhập họ và tên.", "max_length": "Họ và tên quá dài."},
            "address": {"required": "Hãy nhập địa chỉ.", "max_length": "Địa chỉ quá dài."},
            "email": {"invalid": "Địa chỉ thư điện tử không hợp lệ."},
            "phone": {"max_length": "Số điện thoại quá dài."},
            "information": {
                "required": "Hãy ghi rõ thông tin cần cung cấp.",
                "max_length": "Nội dung quá dài (tối đa 5.000 ký tự).",
            },
            "purpose": {
                "required": "Hãy ghi mục đích sử dụng thông tin.",
                "max_length": "Mục đích quá dài (tối đa 2.000 ký tự).",
            },
            "delivery": {
                "required": "Hãy chọn hình thức nhận thông tin.",
                "invalid_choice": "Hình thức nhận thông tin không hợp lệ.",
            },
        }
