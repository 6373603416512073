"""Contact data checks with Vietnamese messages: phone numbers, hotlines and e-mail."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

# Allowed between digits: spaces, dots, hyphens, and parentheses around an area code.
_SEPARATORS = re.compile(r"[\s.\-()]")
# 0 then 9-10 digits: mobile numbers (10 digits) and landlines with a 3-digit area
# code (0299 3xxx xxx, 11 digits). "00..." is the international prefix, not a number.
_NATIONAL = re.compile(r"0[1-9]\d{8,9}")
# Free service numbers (1800 ...), paid ones (1900 ...) and emergency numbers (113, 114, 115).
_SERVICE = re.compile(r"1[89]00\d{4,6}|11[1-9]")

PHONE_MESSAGE = (
    "Số điện thoại không hợp lệ. Nhập số bắt đầu bằng 0, gồm 10 hoặc 11 chữ số, "
    "ví dụ 09xx xxx xxx hoặc 0299 3xxx xxx (được dùng dấu cách và dấu chấm)."
)
HOTLINE_MESSAGE = (
    "Số đường dây nóng không hợp lệ. Nhập số điện thoại bắt đầu bằng 0 (10 hoặc 11 chữ số), "
    "số 1800/1900 hoặc số khẩn cấp 3 chữ số như 113, 114, 115."
)
EMAIL_MESSAGE = "Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: vanphong@donvi.gov.vn."


def phone_digits(value: str) -> str:
    """The digits of a phone number as typed, "+84" written as the national 0."""
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    return digits


def validate_phone(value):
    if not _NATIONAL.fullmatch(phone_digits(value)):
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")


def validate_hotline(value):
    digits = phone_digits(value)
    if not (_NATIONAL.fullmatch(digits) or _SERVICE.fullmatch(digits)):
        raise ValidationError(HOTLINE_MESSAGE, code="invalid_hotline")


validate_email = EmailValidator(message=EMAIL_MESSAGE)
