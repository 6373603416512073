"""Cached pieces of the page chrome (menu, portlets) shared by every request.

Every cached piece carries the site's content version in its key. Publishing,
unpublishing, moving or deleting a page, or saving a menu, link or identity setting,
starts a new version, so no piece is ever served stale; old versions simply expire.
"""

import uuid
from contextvars import ContextVar

from django.core.cache import cache

from eportal.core.redis_guard import guard
from eportal.pagecache.recorder import capture, record
from eportal.pagecache.store import new_generation as new_page_cache_generation

VERSION_KEY = "content-version"
FRAGMENT_TIMEOUT = 24 * 3600


# Set for the length of a visitor's request (eportal.pagecache.sites): one cache read, not one per fragment.
request_version: ContextVar[str | None] = ContextVar("content_version", default=None)


_recoveries_seen = 0


def content_version() -> str:
    version = request_version.get()
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    global _recoveries_seen
    if guard.recoveries != _recoveries_seen:
        # Redis was unreachable: a publish meanwhile could not renew the version there.
        _recoveries_seen = guard.recoveries
        new_content_version()
        new_page_cache_generation()
        version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def new_content_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    request_version.set(None)


def cached_fragment(name: str, site_id: int, build):
    """Return build()'s value (plain data, never querysets), cached per site and version.

    The page-cache tags the build recorded are kept with the value and recorded again on
    every hit, so a cached page depends on the content of its cached fragments too.
    """
    key = f"fragment:{site_id}:{name}:{content_version()}"
    entry = cache.get(key)
    if entry is None:
        value, tags = capture(build)
        entry = (value, sorted(tags))
        cache.set(key, entry, FRAGMENT_TIMEOUT)
    record(*entry[1])
    return entry[0]
