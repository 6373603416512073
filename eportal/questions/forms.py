import unicodedata

from django import forms

from eportal.core.models import Sector

from .antispam import Challenge
from .models import Question
from .tracking import MAX_INPUT_LENGTH
from .validators import ATTACHMENT_KINDS, MAX_ATTACHMENT_SIZE, normalize_phone, validate_attachment


class QuestionForm(forms.ModelForm):
    """The citizen's form. Anti-robot checks of the token and honeypot are done by the view."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    # The honeypot (antispam.HONEYPOT_FIELD): hidden by CSS, people leave it empty.
    website = forms.CharField(
        label="Để trống ô này", required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    challenge_answer = forms.CharField(label="Câu hỏi kiểm tra", required=False, max_length=5)

    class Meta:
        model = Question
        fields = ["asker_name", "hide_name", "email", "phone", "address", "sector", "title", "question", "attachment"]
        labels = {"hide_name": "Không công khai tên tôi khi đăng câu trả lời"}
        help_texts = {"hide_name": "Tên của bạn sẽ được ghi là “Ẩn danh”."}
        widgets = {
            "question": forms.Textarea(attrs={"rows": 8}),
            "attachment": forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx,.jpg,.jpeg,.png"}),
        }
        error_messages = {
            "asker_name": {"required": "Vui lòng nhập họ và tên."},
            "sector": {"required": "Vui lòng chọn lĩnh vực.", "invalid_choice": "Lĩnh vực không hợp lệ."},
            "title": {"required": "Vui lòng nhập tiêu đề câu hỏi."},
            "question": {"required": "Vui lòng nhập nội dung câu hỏi."},
            "email": {"invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com)."},
        }

    def __init__(self, *args, challenge: Challenge | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        self.fields["sector"].queryset = Sector.objects.order_by("sort_order", "name")
        self.fields["sector"].empty_label = "— Chọn lĩnh vực —"
        self.fields["sector"].required = True
        self.fields["email"].help_text = "Nhập thư điện tử hoặc số điện thoại (ít nhất một)."
        self.fields["phone"].help_text = "10 chữ số bắt đầu bằng 0, hoặc dạng +84."
        self.fields["attachment"].help_text = (
            f"Không bắt buộc. Nhận tệp {ATTACHMENT_KINDS}, tối đa {MAX_ATTACHMENT_SIZE // (1024 * 1024)} MB."
        )
        for name in ("asker_name", "title", "question"):
            self.fields[name].widget.attrs["required"] = True
        if challenge:
            self.fields["challenge_answer"].label = challenge.text
            self.fields["challenge_answer"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        else:
            del self.fields["challenge_answer"]

    def clean_asker_name(self):
        return unicodedata.normalize("NFC", self.cleaned_data["asker_name"]).strip()

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone", ""))

    def clean_question(self):
        text = self.cleaned_data.get("question", "").strip()
        if not text:
            raise forms.ValidationError("Vui lòng nhập nội dung câu hỏi.")
        return text

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not a stored file
            uploaded.name = unicodedata.normalize("NFC", uploaded.name)
            validate_attachment(uploaded)
        return uploaded

    def clean_challenge_answer(self):
        value = self.cleaned_data.get("challenge_answer", "").strip()
        if not value:
            raise forms.ValidationError("Vui lòng trả lời câu hỏi kiểm tra.")
        if value != str(self.challenge.answer):
            raise forms.ValidationError("Câu trả lời kiểm tra chưa đúng. Vui lòng tính lại.")
        return value


class LookupForm(forms.Form):
    ma = forms.CharField(
        label="Mã tra cứu", max_length=MAX_INPUT_LENGTH,
        error_messages={
            "required": "Vui lòng nhập mã tra cứu.",
            "max_length": "Mã tra cứu không đúng dạng (ví dụ: HD-2026-7K3Q9PXM).",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "placeholder": "HD-2026-..."}),
    )
