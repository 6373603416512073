"""Test settings: the same as production settings, with fast hashing and local caches.

DATABASE_URL and REDIS_URL are honoured, so `.ci/run` runs the suite on PostgreSQL and Redis.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # Several test processes may share one Redis: give each its own key space.
    CACHES["default"]["KEY_PREFIX"] = f"eportal-test-{os.getpid()}"  # noqa: F405
    # Two test processes, two live servers and two Chromiums share two cores in CI: a
    # Redis answer can take over 2 s there, and the guard would then fail fast and make
    # counters and limits look broken. Tests of Redis faults set their own timeouts.
    CACHES["default"]["OPTIONS"]["SOCKET_TIMEOUT"] = 10  # noqa: F405
    CACHES["default"]["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] = 10  # noqa: F405
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Uploaded files of the tests go to a throw-away folder, not to var/media.
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"eportal-test-media-{os.getpid()}"  # noqa: F405
EPORTAL_PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / f"eportal-test-private-{os.getpid()}"  # noqa: F405

# The page cache is off; tests/pagecache turns it on in a temporary folder.
EPORTAL_PAGE_CACHE_DIR = ""

# Axes stays on (tests/accounts exercise it through the real login page); only the test
# client's request-less `login()` is let through.
AUTHENTICATION_BACKENDS = [
    "eportal.accounts.backends.TestClientAwareAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
