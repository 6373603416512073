"""Cached pieces of the page chrome (menu, portlets) shared by every request.

Every cached piece carries the site's content version in its key. Publishing,
unpublishing, moving or deleting a page, or saving a menu, link or identity setting,
starts a new version, so no piece is ever served stale; old versions simply expire.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "content-version"
FRAGMENT_TIMEOUT = 24 * 3600


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def new_content_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached_fragment(name: str, site_id: int, build):
    """Return build()'s value (plain data, never querysets), cached per site and version."""
    key = f"fragment:{site_id}:{name}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, FRAGMENT_TIMEOUT)
    return value
