"""The backup folder's files: media as tar archives, and the manifest of checksums."""

import hashlib
import json
import tarfile
from pathlib import Path

from .errors import BackupError

MANIFEST = "manifest.json"
FORMAT = 1


def archive(root: Path, target: Path) -> int:
    """Write root's contents to an uncompressed tar (photos and PDFs are compressed
    already); returns the number of files. A missing root gives an empty archive."""
    files = 0
    with tarfile.open(target, "w") as tar:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=str(path.relative_to(root)), recursive=False)
                    files += 1
    return files


def extract(source: Path, root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source) as tar:
        # "data": no absolute paths, no "..", no links out of root, no device files.
        tar.extractall(root, filter="data")


def has_files(root: Path) -> bool:
    return root.is_dir() and any(path.is_file() or path.is_symlink() for path in root.rglob("*"))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_files(folder: Path, names) -> dict:
    return {name: {"size": (folder / name).stat().st_size, "sha256": sha256(folder / name)} for name in names}


def write_manifest(folder: Path, manifest: dict) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def read_verified_manifest(folder: Path) -> dict:
    """The manifest, once every file it lists is present with its size and checksum."""
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a directory.")
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} is not a complete eportal backup: {MANIFEST} is missing.") from None
    except ValueError:
        raise BackupError(f"{folder}/{MANIFEST} is damaged (not valid JSON).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise BackupError(f"{folder}/{MANIFEST} is not an eportal backup manifest of format {FORMAT}.")
    problems = []
    for name, expected in manifest["files"].items():
        path = folder / name
        if Path(name).name != name or not path.is_file():
            problems.append(f"{name} is missing")
        elif path.stat().st_size != expected.get("size"):
            problems.append(f"{name} has {path.stat().st_size} bytes, expected {expected.get('size')}")
        elif sha256(path) != expected.get("sha256"):
            problems.append(f"{name} does not match its SHA-256 checksum")
    if problems:
        raise BackupError(f"The backup in {folder} is damaged or incomplete: {'; '.join(problems)}. Nothing was restored.")
    return manifest
