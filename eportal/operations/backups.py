"""`eportal backup DIR` and `eportal restore DIR`.

Order matters for consistency: the database is dumped first, in one snapshot, then the
media folders are copied. Uploaded files are never changed in place (Wagtail saves a new
name for a new file), so every file the snapshot refers to is in the copy; the copy may
hold a few newer files the snapshot does not know, which is harmless.
"""

import os
import shutil
import tempfile
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from . import archives
from .databases import current_database
from .errors import BackupError


def media_roots() -> dict[str, Path]:
    """Archive name → folder: the public media and the private attachments."""
    from eportal.questions.storage import private_root

    return {"media.tar": Path(settings.MEDIA_ROOT), "private.tar": private_root()}


def eportal_version() -> str:
    try:
        return metadata.version("eportal")
    except metadata.PackageNotFoundError:
        return "unknown"


def flush_hit_counters() -> None:
    """Hits and visits counted in Redis but not yet written go to the database, hence into the dump."""
    from wagtail.models import Site

    from eportal.core.hitcounter import get_counter
    from eportal.visits.recording import flush_pending

    for site_id in Site.objects.values_list("pk", flat=True):
        get_counter().flush(site_id)
        flush_pending(site_id)


def create_backup(target: Path) -> dict:
    """Write a complete backup to target (a new or empty folder); returns the manifest.

    Everything is written to a hidden sibling folder first and renamed at the end, so an
    interrupted backup never looks like a complete one.
    """
    target = target.absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} already exists and is not empty; give each backup a new folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))  # mode 0700
    try:
        flush_hit_counters()
        database = current_database()
        tables = database.dump(partial / database.filename)
        media = {name: archives.archive(root, partial / name) for name, root in media_roots().items()}
        manifest = {
            "format": archives.FORMAT,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "eportal_version": eportal_version(),
            "database": {"engine": database.engine, "file": database.filename},
            "tables": tables,
            "media_files": media,
            "files": archives.describe_files(partial, [database.filename, *media]),
        }
        archives.write_manifest(partial, manifest)
        _sync(partial)
        if target.exists():
            target.rmdir()
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


def _sync(folder: Path) -> None:
    for path in folder.iterdir():
        with path.open("rb") as fh:
            os.fsync(fh.fileno())


def restore_backup(source: Path) -> dict:
    """Bring a backup back into this installation, whose database and media folders must
    be empty. Everything is checked before anything is changed."""
    source = source.absolute()
    manifest = archives.read_verified_manifest(source)
    database = current_database()
    engine = manifest["database"]["engine"]
    if engine != database.engine:
        raise BackupError(
            f"The backup holds a {engine} database but this installation uses {database.engine}; "
            "restore it into an installation of the same kind."
        )
    existing = database.existing_tables()
    if existing:
        raise BackupError(
            f"The database {database.name} already has {len(existing)} tables; restore needs an empty database. "
            "Create a new one (do not run migrate on it first) or drop and re-create this one."
        )
    roots = media_roots()
    for name, root in roots.items():
        if name in manifest["files"] and archives.has_files(root):
            raise BackupError(f"{root} already holds files; restore needs empty media folders.")
    database.check_tools()

    database.load(source / manifest["database"]["file"])
    for name, root in roots.items():
        if name in manifest["files"]:
            archives.extract(source / name, root)
    _check_counts(database, manifest["tables"])
    _forget_derived_state()
    return manifest


def _check_counts(database, expected: dict[str, int]) -> None:
    actual = database.current_row_counts(expected)
    wrong = [f"{table}: {actual[table]} rows, expected {count}" for table, count in expected.items() if actual[table] != count]
    if wrong:
        raise BackupError("The restored database differs from the backup's manifest: " + "; ".join(wrong))


def _forget_derived_state() -> None:
    """Cached pages and fragments belong to whatever ran here before; the hit counter's
    Redis keys would hide the restored counts."""
    from eportal.pagecache import store

    store.purge_all()
    if hasattr(cache, "delete_pattern"):  # django-redis: only this installation's keys
        cache.delete_pattern("*")
    else:
        cache.clear()
