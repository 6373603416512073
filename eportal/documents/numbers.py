"""Số ký hiệu: the number and symbol of a document, such as 83-TB/HU, 03-CT/TW or 12/2024/QĐ-UBND.

A number starts with digits (optionally followed by a letter or two, as in 123a/QĐ-UBND),
then one or more groups of letters or digits, each after a "-" or a "/". At least one group
holds letters: the symbol of the document type or of the issuing body.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

MAX_LENGTH = 50
EXAMPLES = "83-TB/HU, 03-CT/TW, 12/2024/QĐ-UBND"

_GROUP = r"[0-9A-Za-zĐđ]+"
PATTERN = re.compile(rf"^[0-9]+[A-Za-zĐđ]{{0,2}}(?P<groups>(?:[-/]{_GROUP})+)$")
# Spaces typed around a separator ("83 - TB / HU") are dropped; other spaces are mistakes.
_SPACED_SEPARATOR = re.compile(r"\s*([-/])\s*")
# Dashes and slashes that word processors substitute for the plain ones.
_LOOKALIKES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "／": "/", "∕": "/"})


def normalize(raw) -> str:
    """The number as it is stored: NFC, look-alike dashes made plain, no spaces around separators."""
    text = unicodedata.normalize("NFC", str(raw or "")).translate(_LOOKALIKES)
    return _SPACED_SEPARATOR.sub(r"\1", " ".join(text.split()))


def key(raw) -> str:
    """What two numbers must share to be the same number: case and spacing do not count."""
    return normalize(raw).casefold()


def serial(raw) -> int:
    """The leading number, by which documents are sorted (83-TB/HU comes before 101-QĐ/TW)."""
    match = re.match(r"[0-9]+", normalize(raw))
    return min(int(match.group()), 2**31 - 1) if match else 0


def validate(raw) -> None:
    number = normalize(raw)
    if not number:
        raise ValidationError("Hãy nhập số ký hiệu của văn bản, ví dụ 83-TB/HU.", code="required")
    if len(number) > MAX_LENGTH:
        raise ValidationError(f"Số ký hiệu dài quá {MAX_LENGTH} ký tự.", code="max_length")
    match = PATTERN.match(number)
    if match is None or not re.search(r"[A-Za-zĐđ]", match.group("groups")):
        raise ValidationError(
            f"Số ký hiệu “{number}” không đúng dạng. Số ký hiệu bắt đầu bằng số, tiếp theo là các nhóm "
            f"chữ hoặc số ngăn cách bởi dấu “-” hoặc “/”, ví dụ {EXAMPLES}.",
            code="invalid_number",
        )
