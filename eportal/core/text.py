from anyascii import anyascii
from django.utils.text import slugify


def vn_slugify(text: str, max_length: int = 80) -> str:
    """An ASCII slug for Vietnamese text: "Đảng bộ Kế Sách" -> "dang-bo-ke-sach"."""
    return slugify(anyascii(text))[:max_length].strip("-")
