"""Admin upload forms for documents and images (WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE).

Wagtail checks an image's content itself (Willow opens it; the extension must match the
format; size and pixel limits apply) but its messages have no Vietnamese translation, so
the image form only rewords them. Documents are checked by Wagtail for size and extension
only; the document form adds the content check of eportal.media.validators.

Both forms serve every upload path of the admin: the single and the multiple uploader,
the chooser's upload tab and replacing the file of an existing item.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .validators import allowed_document_extensions, validate_document_upload


def _normalize_name(uploaded):
    # Browsers on macOS send decomposed (NFD) names; composing them keeps the Vietnamese
    # letters when Django strips characters it does not allow in stored file names.
    uploaded.name = unicodedata.normalize("NFC", uploaded.name)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content is not what its name says."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        kinds = ", ".join(allowed_document_extensions()).upper()
        limit = field.max_upload_size
        if limit is None:
            field.help_text = f"Nhận tệp {kinds}."
        else:
            field.help_text = f"Nhận tệp {kinds}. Dung lượng tối đa: {filesizeformat(limit)}."
            field.error_messages["file_too_large_unknown_size"] = (
                f"Tệp quá lớn. Dung lượng tối đa là {filesizeformat(limit)}."
            )
        field.error_messages["file_too_large"] = "Tệp quá lớn (%(file_size)s). Dung lượng tối đa là %(max_filesize)s."

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # An unchanged file of an existing document comes back as its stored FieldFile.
        if isinstance(uploaded, UploadedFile):
            _normalize_name(uploaded)
            validate_document_upload(uploaded)
        return uploaded

    def _post_clean(self):
        # When the upload was refused, Document.clean() would add a second, English,
        # complaint about the missing file's extension: keep only the first message(s).
        refused = len(self._errors.get("file", ()))
        super()._post_clean()
        if refused:
            del self._errors["file"][refused:]


class ImageForm(BaseImageForm):
    """Wagtail's image form with its upload messages in Vietnamese, and a required description.

    The description is the image's alt text wherever it is shown as it is (the article's
    featured image) and the text Wagtail proposes when the image is put in a page; without
    one Wagtail would use the title, which is the file name. It is required on every path:
    the multiple uploader, finding it missing, keeps the file aside and creates the image
    only when its edit form is saved with a description (Wagtail's UploadedFile path).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = "Văn bản thay thế (mô tả ảnh)"
            description.help_text = (
                "Ảnh thể hiện điều gì, cho người không xem được ảnh (ví dụ: “Chủ tịch UBND huyện trao giấy "
                "khen cho các tập thể”). Không ghi tên tệp. Dùng làm văn bản thay thế (alt) của ảnh."
            )
            description.error_messages["required"] = (
                "Hãy nhập văn bản thay thế: ảnh thể hiện điều gì, cho người không xem được ảnh."
            )
        field = self.fields.get("file")
        if field is None:
            return
        kinds = field.supported_formats_text
        if field.max_upload_size is None:
            field.help_text = f"Nhận ảnh {kinds}."
        else:
            field.help_text = f"Nhận ảnh {kinds}. Dung lượng tối đa: {field.max_upload_size_text}."
        if field.max_image_pixels is None:
            too_many_pixels = "Ảnh có kích thước quá lớn. Tối đa %(max_pixels_count)s điểm ảnh."
        else:
            pixels = f"{field.max_image_pixels:,}".replace(",", ".")
            too_many_pixels = (
                f"Ảnh có kích thước quá lớn. Tối đa {pixels} điểm ảnh "
                f"(khoảng {field.max_image_pixels / 1_000_000:g} megapixel); hãy thu nhỏ ảnh rồi tải lên lại."
            )
        field.error_messages.update(
            {
                "invalid_image": (
                    f"Tệp này không phải là ảnh hoặc ảnh đã bị hỏng (có thể là tệp khác bị đổi đuôi). "
                    f"Chỉ nhận ảnh {kinds}."
                ),
                "invalid_image_extension": f"Không nhận định dạng ảnh này. Chỉ nhận ảnh {kinds}.",
                "invalid_image_known_format": (
                    "Đuôi tệp không khớp với nội dung: tên tệp là ảnh %(extension)s nhưng nội dung là ảnh "
                    "%(image_format)s. Hãy đổi đuôi tệp cho đúng hoặc chọn ảnh khác."
                ),
                "file_too_large": "Tệp ảnh quá lớn (%(file_size)s). Dung lượng tối đa là %(max_filesize)s.",
                "file_too_large_unknown_size": (
                    f"Tệp ảnh quá lớn. Dung lượng tối đa là {field.max_upload_size_text}."
                ),
                "file_too_many_pixels": too_many_pixels,
            }
        )

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            _normalize_name(uploaded)
        return uploaded

    def clean_description(self):
        from .alt_text import looks_like_file_name

        description = " ".join((self.cleaned_data.get("description") or "").split())
        if looks_like_file_name(description, self.instance if self.instance.pk else None):
            raise ValidationError(
                f"“{description}” là tên tệp, không mô tả ảnh. Hãy viết ảnh thể hiện điều gì."
            )
        return description
