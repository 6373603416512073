"""The search page's parameters, checked as a form so that errors are tied to fields."""

from django import forms
from django.utils.functional import cached_property

from eportal.core.text import clean_text

from .models import Kind
from .text import MAX_QUERY_CHARS, parse_query

# Visitor-facing parameter names (as in the document list: words joined by "-").
PARAMS = {"q": "q", "don-vi": "site", "loai": "kind", "chuyen-muc": "category", "tu-ngay": "date_from", "den-ngay": "date_to"}
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class SearchForm(forms.Form):
    q = forms.CharField(label="Từ khóa", required=False)
    site = forms.TypedChoiceField(label="Đơn vị", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Loại nội dung", required=False, choices=[("", "Tất cả"), *Kind.choices])
    category = forms.TypedChoiceField(label="Chuyên mục tin", required=False, coerce=int, empty_value=None)
    date_from = forms.DateField(
        label="Từ ngày", required=False, input_formats=DATE_FORMATS,
        error_messages={"invalid": "Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/01/2024."},
    )
    date_to = forms.DateField(
        label="Đến ngày", required=False, input_formats=DATE_FORMATS,
        error_messages={"invalid": "Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2024."},
    )

    def __init__(self, params, categories, sites=()):
        data = {field: clean_text(params.get(param, ""))[: MAX_QUERY_CHARS * 2] for param, field in PARAMS.items()}
        super().__init__(data)
        self.categories = categories
        # The province portal searches every site of the installation; `sites` lists them.
        self.fields["site"].choices = [("", "Tất cả các đơn vị"), *sites]
        self.fields["site"].error_messages["invalid_choice"] = "Đơn vị này không có trong danh sách."
        self.fields["category"].choices = [("", "Tất cả chuyên mục"), *[(c.pk, c.title) for c in categories]]
        self.fields["kind"].error_messages["invalid_choice"] = "Loại nội dung không có trong danh sách."
        self.fields["category"].error_messages["invalid_choice"] = "Chuyên mục không có trong danh sách."

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data

    @cached_property
    def query(self):
        return parse_query(self.cleaned_data.get("q", "") if self.is_valid() else self.data.get("q", ""))

    def category_page(self):
        wanted = self.cleaned_data.get("category")
        return next((c for c in self.categories if c.pk == wanted), None)
