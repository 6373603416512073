import unicodedata

from anyascii import anyascii
from django.utils.text import slugify


def vn_slugify(text: str, max_length: int = 80) -> str:
    """An ASCII slug for Vietnamese text: "Đảng bộ Kế Sách" -> "dang-bo-ke-sach"."""
    return slugify(anyascii(text))[:max_length].strip("-")


def clean_text(raw) -> str:
    """A visitor's parameter as one line of NFC text: control characters become spaces,
    runs of white space one space."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
