"""Which backups to keep: the newest of each of the last N days, ISO weeks and months.

Only folders holding an eportal backup manifest are ever considered, so pruning a
folder cannot delete anything else that happens to be there.
"""

import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from .archives import FORMAT, MANIFEST


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime


def find_backups(root: Path) -> list[Backup]:
    """The complete backups directly under root, newest first."""
    found = []
    for folder in root.iterdir() if root.is_dir() else []:
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            manifest = json.loads((folder / MANIFEST).read_text())
            if manifest.get("format") != FORMAT:
                continue
            found.append(Backup(folder, datetime.fromisoformat(manifest["created"])))
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            continue
    return sorted(found, key=lambda backup: backup.created, reverse=True)


def backups_to_keep(backups: list[Backup], daily: int, weekly: int, monthly: int) -> set[Path]:
    """The newest backup is always kept; periods are local calendar days, weeks, months."""
    keep = {backups[0].path} if backups else set()
    rules = [
        (daily, lambda moment: moment.date()),
        (weekly, lambda moment: moment.isocalendar()[:2]),
        (monthly, lambda moment: (moment.year, moment.month)),
    ]
    for count, period in rules:
        seen = []
        for backup in backups:  # newest first: the first of each period is its newest
            key = period(timezone.localtime(backup.created))
            if len(seen) >= count:
                break
            if key not in seen:
                seen.append(key)
                keep.add(backup.path)
    return keep


def prune(root: Path, daily: int, weekly: int, monthly: int, dry_run=False) -> tuple[list[Path], list[Path]]:
    """Delete the backups the rules do not keep; returns (kept, deleted)."""
    backups = find_backups(root)
    keep = backups_to_keep(backups, daily, weekly, monthly)
    kept = [b.path for b in backups if b.path in keep]
    deleted = [b.path for b in backups if b.path not in keep]
    if not dry_run:
        for path in deleted:
            shutil.rmtree(path)
    return kept, deleted
