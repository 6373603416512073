"""The admin form of a document page: Vietnamese messages, a slug made from the number, readable choices."""

from wagtail.admin.forms import WagtailAdminPageForm

REQUIRED_MESSAGES = {
    "number": "Hãy nhập số ký hiệu của văn bản, ví dụ 83-TB/HU.",
    "title": "Hãy nhập trích yếu của văn bản.",
    "document_type": "Hãy chọn loại văn bản.",
    "issuing_body": "Hãy chọn cơ quan ban hành.",
    "issued_on": "Hãy nhập ngày ban hành.",
}
SUMMARY_CHOICE_LENGTH = 90


def document_choice_label(document):
    title = document.title
    if len(title) > SUMMARY_CHOICE_LENGTH:
        title = title[:SUMMARY_CHOICE_LENGTH].rsplit(" ", 1)[0] + "…"
    body = document.issuing_body
    issuer = (body.short_name or body.name) if body else ""
    return f"{document.number} ({issuer}, {document.issued_on:%d/%m/%Y}) – {title}"


class LegalDocumentForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "Để trống thì đường dẫn được tạo từ số ký hiệu, ví dụ 83-tb-hu."
        model = type(self.instance)
        for name in ("amends", "replaces"):
            field = self.fields.get(name)
            if field is None:
                continue
            # A document cannot amend or replace itself: it is not offered.
            choices = model.objects.select_related("issuing_body").defer("body").order_by("-issued_on", "-pk")
            if self.instance.pk:
                choices = choices.exclude(pk=self.instance.pk)
            field.queryset = choices
            field.label_from_instance = document_choice_label
