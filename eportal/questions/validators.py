"""Validation of what a citizen sends: a Vietnamese phone number and an attachment."""

import os
import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

from eportal.media.validators import CONTENT_TYPES, PROGRAM_SIGNATURES, detect_document_type

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024

DOCUMENT_EXTENSIONS = ("pdf", "doc", "docx")
# Extension -> the format Pillow must recognise in the content.
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
ATTACHMENT_EXTENSIONS = DOCUMENT_EXTENSIONS + tuple(IMAGE_FORMATS)
ATTACHMENT_KINDS = "PDF, DOC, DOCX, JPG, PNG"

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_PHONE = re.compile(r"(0\d{9}|\+84\d{9})")


def normalize_phone(value: str) -> str:
    """"0912 345 678" -> "0912345678"; "+84 912.345.678" -> "+84912345678"."""
    return _PHONE_SEPARATORS.sub("", value or "")


def validate_vietnamese_phone(value: str) -> None:
    if value and not _PHONE.fullmatch(normalize_phone(value)):
        raise ValidationError(
            "Số điện thoại không hợp lệ. Nhập 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) "
            "hoặc dạng +84 (ví dụ +84912345678).",
            code="invalid_phone",
        )


def _extension(name: str) -> str:
    return os.path.splitext(os.path.basename(name or ""))[1][1:].lower()


def _starts_like_program(fileobj) -> bool:
    position = fileobj.tell()
    fileobj.seek(0)
    head = fileobj.read(4)
    fileobj.seek(position)
    return head.startswith(PROGRAM_SIGNATURES)


def _image_format(fileobj):
    position = fileobj.tell()
    fileobj.seek(0)
    try:
        with Image.open(fileobj) as image:
            image.verify()
            return image.format
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    finally:
        fileobj.seek(position)


def validate_attachment(uploaded) -> None:
    """Refuse an attachment whose name, size or content is not acceptable (judged by content)."""
    extension = _extension(uploaded.name)
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            f"Không nhận loại tệp này. Chỉ nhận tệp {ATTACHMENT_KINDS}.", code="invalid_extension"
        )
    if not uploaded.size:
        raise ValidationError("Tệp đính kèm rỗng, không có nội dung.", code="empty")
    if uploaded.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            f"Tệp đính kèm quá lớn ({filesizeformat(uploaded.size)}). "
            f"Dung lượng tối đa là {filesizeformat(MAX_ATTACHMENT_SIZE)}.",
            code="file_too_large",
        )
    if extension in IMAGE_FORMATS:
        matches = _image_format(uploaded) == IMAGE_FORMATS[extension]
    else:
        matches = detect_document_type(uploaded) == CONTENT_TYPES[extension]
    if matches:
        return
    if _starts_like_program(uploaded):
        raise ValidationError(
            f"Tệp có đuôi .{extension} nhưng thực chất là một chương trình chạy được. "
            "Không được phép gửi tệp này.",
            code="program",
        )
    raise ValidationError(
        f"Tệp có đuôi .{extension} nhưng nội dung không đúng loại tệp đó: tệp có thể đã bị đổi tên "
        f"hoặc bị hỏng. Chỉ nhận tệp {ATTACHMENT_KINDS}.",
        code="invalid_content",
    )
