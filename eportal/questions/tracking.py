"""Tracking codes (mã tra cứu) such as HD-2026-7K3Q9PXM.

Eight random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V) give
about 8.5 × 10^11 codes a year; with the look-up rate limit nobody can find another
person's question by trying codes.
"""

import re
import secrets

from django.utils import timezone

PREFIX = "HD"
ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
RANDOM_LENGTH = 8
MAX_INPUT_LENGTH = 40

CODE_PATTERN = re.compile(rf"{PREFIX}-\d{{4}}-[{ALPHABET}]{{{RANDOM_LENGTH}}}")


def new_tracking_code(year=None) -> str:
    year = year or timezone.localdate().year
    random_part = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"{PREFIX}-{year}-{random_part}"


def normalize_tracking_code(raw) -> str | None:
    """The code as stored, from what a person typed (any case, spaces, missing dashes); None if malformed."""
    if not isinstance(raw, str) or len(raw) > MAX_INPUT_LENGTH:
        return None
    compact = re.sub(r"[\s\-–_.]", "", raw).upper()
    match = re.fullmatch(rf"{PREFIX}(\d{{4}})([{ALPHABET}]{{{RANDOM_LENGTH}}})", compact)
    if not match:
        return None
    return f"{PREFIX}-{match.group(1)}-{match.group(2)}"
