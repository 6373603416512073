"""Cached files on disk and the tag → file map in the database.

A page at http://host/a/b/ is written to <EPORTAL_PAGE_CACHE_DIR>/host/a/b/index.html
(index.rss for feeds, index.xml for the sitemap), which is where the nginx config in
deploy/ looks for it with try_files.
"""

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from .models import CachedFileTag

GENERATION_KEY = "pagecache:generation"
CHROME = "chrome"
EXTENSIONS = {"text/html": "html", "application/rss+xml": "rss", "application/xml": "xml", "text/xml": "xml"}


def cache_dir() -> Path | None:
    value = getattr(settings, "EPORTAL_PAGE_CACHE_DIR", "")
    return Path(value) if value else None


def relative_path(host: str, path: str, content_type: str) -> str | None:
    """Where a response is stored, relative to the cache dir; None when it cannot be."""
    extension = EXTENSIONS.get(content_type.split(";")[0].strip().lower())
    host = host.split(":")[0].lower()
    if not extension or not host or host.startswith(".") or "/" in host:
        return None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or "\x00" in p or len(p.encode()) > 200 for p in parts):
        return None
    return "/".join([host, *parts, f"index.{extension}"])


def generation():
    """Changes on every purge: a render that saw a purge start must not be kept."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def write(relative: str, content: bytes, tags, started_generation) -> bool:
    """Store a rendered response; False when a purge ran meanwhile (nothing is kept)."""
    root = cache_dir()
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(temp, 0o644)
        # Tags first: a purge that commits from now on finds the file.
        with transaction.atomic():
            CachedFileTag.objects.bulk_create(
                [CachedFileTag(tag=tag[:80], path=relative) for tag in tags], ignore_conflicts=True
            )
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if generation() != started_generation:
        target.unlink(missing_ok=True)
        return False
    return True


def purge(tags) -> int:
    """Delete every cached file that depends on one of the tags; returns how many."""
    tags = set(tags)
    if not tags or cache_dir() is None:
        return 0
    if CHROME in tags:
        return purge_all()
    new_generation()
    paths = set(CachedFileTag.objects.filter(tag__in=tags).values_list("path", flat=True).distinct())
    root = cache_dir()
    for relative in paths:
        (root / relative).unlink(missing_ok=True)
    for chunk in _chunks(sorted(paths), 500):
        CachedFileTag.objects.filter(path__in=chunk).delete()
    return len(paths)


def purge_all() -> int:
    root = cache_dir()
    if root is None:
        return 0
    new_generation()
    count = CachedFileTag.objects.values("path").distinct().count()
    if root.exists():
        # Move everything aside first, so that nginx never serves from a half-deleted tree.
        trash = root.parent / f".{root.name}-purged-{uuid.uuid4().hex}"
        trash.mkdir()
        for entry in root.iterdir():
            entry.rename(trash / entry.name)
        shutil.rmtree(trash, ignore_errors=True)
    CachedFileTag.objects.all().delete()
    return count


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]
