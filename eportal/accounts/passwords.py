"""Password rules for admin accounts, and passwords the portal generates itself."""

import secrets
import string
import unicodedata

from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLengthValidator
from django.core.exceptions import ValidationError

REQUIRED_CLASSES = 3
CLASSES_MESSAGE = (
    "Mật khẩu phải có ít nhất 3 trong 4 loại ký tự: chữ thường, chữ hoa, chữ số và ký hiệu."
)


def character_classes(password: str) -> set[str]:
    """The kinds of characters in a password: lower, upper, digit, symbol.

    Vietnamese letters count as letters whether typed precomposed or with combining
    accents (the accent marks themselves are not symbols).
    """
    classes = set()
    for char in unicodedata.normalize("NFC", password):
        if unicodedata.category(char).startswith("M"):
            continue
        if char.islower():
            classes.add("lower")
        elif char.isupper():
            classes.add("upper")
        elif char.isdigit():
            classes.add("digit")
        elif not char.isalpha():
            classes.add("symbol")
    return classes


class CharacterClassesValidator:
    """At least three of: lower-case letters, upper-case letters, digits, symbols."""

    def validate(self, password, user=None):
        if len(character_classes(password)) < REQUIRED_CLASSES:
            raise ValidationError(CLASSES_MESSAGE, code="password_too_simple")

    def get_help_text(self):
        return CLASSES_MESSAGE


class MinimumLengthValidator(DjangoMinimumLengthValidator):
    """Django's, with its error in Vietnamese: Django 5.2 reworded the message and its
    Vietnamese catalogue has not caught up, so the admin showed it in English."""

    def get_error_message(self):
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."


def generate_password(length: int = 16) -> str:
    """A random password that always passes the portal's rules."""
    alphabet = string.ascii_letters + string.digits + "-_.!@#%"
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if len(character_classes(password)) == 4:
            return password
