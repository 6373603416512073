"""Private storage for citizens' attachments.

Attachments may hold personal papers (ID cards, land certificates), so they are never
put under MEDIA_ROOT, which the web server publishes at /media/. They live under
EPORTAL_PRIVATE_MEDIA_ROOT (default: <EPORTAL_VAR_DIR>/private), have random file
names, have no URL of their own, and are sent only by an admin view to board members
allowed to read questions (see admin_views.attachment_download).
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone


def private_root() -> Path:
    configured = getattr(settings, "EPORTAL_PRIVATE_MEDIA_ROOT", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "private"


class PrivateStorage(FileSystemStorage):
    """File system storage outside the published media folder, read at each use (tests move it)."""

    @property
    def base_location(self):
        return str(private_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Tệp đính kèm của câu hỏi không có địa chỉ công khai.")


_storage = PrivateStorage()


def private_storage():
    return _storage


def attachment_path(instance, filename):
    """questions/<year>/<month>/<random>.<ext>: the sender's file name is kept in the database only."""
    extension = os.path.splitext(filename)[1].lower()[:6]
    now = timezone.localtime()
    return f"questions/{now:%Y}/{now:%m}/{secrets.token_hex(16)}{extension}"
