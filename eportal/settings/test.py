"""Test settings: the same as production settings, with fast hashing and local caches.

DATABASE_URL and REDIS_URL are honoured, so `.ci/run` runs the suite on PostgreSQL and Redis.
"""

from .base import *  # noqa: F403
from .base import REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
