from django import forms

from .models import COMMENT_MAX_LENGTH, CRITERIA, SCORES


def _score_field(label):
    return forms.TypedChoiceField(
        label=label, choices=SCORES, coerce=int, widget=forms.RadioSelect,
        error_messages={
            "required": f"Hãy chọn mức độ hài lòng về “{label}”.",
            "invalid_choice": f"Mức đánh giá “{label}” phải từ 1 đến 5.",
        },
    )


class SurveyForm(forms.Form):
    interface = _score_field(dict(CRITERIA)["interface"])
    content = _score_field(dict(CRITERIA)["content"])
    service = _score_field(dict(CRITERIA)["service"])
    support = _score_field(dict(CRITERIA)["support"])
    comment = forms.CharField(
        label="Ý kiến góp ý (không bắt buộc)", required=False, max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Tối đa 1.000 ký tự. Ý kiến chỉ Ban biên tập đọc, không đăng lên cổng.",
        error_messages={
            "max_length": "Ý kiến góp ý tối đa 1.000 ký tự (bạn đã nhập %(show_value)d ký tự).",
        },
    )

    def score_fields(self):
        return [self[field] for field, _ in CRITERIA]
