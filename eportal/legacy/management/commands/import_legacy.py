"""`eportal import-legacy PATH...`: imports articles of the old portals.

Reads text dumps (*.txt), saved HTML pages of Liferay and similar portals (*.html, *.htm,
with their images and attachments beside them) and RSS 2.0 feeds (*.xml, *.rss). Each file
is imported in one transaction: a bad file writes nothing and the others go on. A file whose
content was imported into the site before is skipped without being parsed (the journal,
eportal.legacy.models.ImportedFile), so an interrupted run is resumed by running it again.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from eportal.core.models import HitCounterSettings
from eportal.legacy.html_parser import ParsedPage, parse_html
from eportal.legacy.importer import home_page_of, import_page
from eportal.legacy.media import MediaImport
from eportal.legacy.models import ImportedFile
from eportal.legacy.parser import HTML_MARKUP, LegacyParseError, parse_dump
from eportal.legacy.redirects import record_urls
from eportal.legacy.rss import looks_like_feed, parse_feed

DRY_RUN_WORDS = {"created": "would create", "updated": "would update", "unchanged": "unchanged"}
DUMP_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss"}
SUFFIXES = DUMP_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
STATUSES = ("created", "updated", "unchanged", "skipped", "failed")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def collect_files(paths: list[str]) -> list[Path]:
    """Files as given; directories contribute their dumps, pages and feeds, recursively and
    sorted, except what lies in a browser's "<page>_files/" folder (a page's assets)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file()
                and not any(part.endswith(("_files", "-files")) for part in p.relative_to(path).parts[:-1])
            ))
        else:
            files.append(path)  # a missing file is reported as a failure
    return files


def import_root(path: Path, paths: list[str]) -> Path:
    """The directory argument holding `path` (media references may not leave it), else its folder."""
    for name in paths:
        given = Path(name)
        if given.is_dir() and given.resolve() in path.resolve().parents:
            return given
    return path.parent


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LegacyParseError("file not found") from None
    except IsADirectoryError:
        raise LegacyParseError("is a directory") from None
    except OSError as error:
        raise LegacyParseError(f"cannot read the file: {error.strerror or error}") from None


def decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LegacyParseError(f"not UTF-8 text (invalid byte at offset {error.start})") from None


def decode_html(data: bytes) -> str:
    """UTF-8, else the charset the page declares (windows-1258, iso-8859-1...)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = CHARSET.search(data[:4000])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise LegacyParseError(
            f"not UTF-8 text (invalid byte at offset {error.start}) and no usable charset declared"
        ) from None


def kind_of(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in DUMP_SUFFIXES:
        return "dump"
    if looks_like_feed(data):
        return "feed"
    if HTML_MARKUP.search(data[:2000].decode("utf-8", "replace")):
        return "html"
    return "dump"


def parse_file(path: Path, data: bytes) -> list[ParsedPage]:
    kind = kind_of(path, data)
    if kind == "feed":
        return parse_feed(data)
    if kind == "html":
        return [parse_html(decode_html(data))]
    return [ParsedPage(article=parse_dump(decode_utf8(data)), blocks=None)]


def failure_reason(error: Exception) -> str:
    if isinstance(error, LegacyParseError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass
class Row:
    """One line of the report: an article of a file, or a file skipped or failed."""

    file: str
    status: str
    item: int | str = ""
    title: str = ""
    url: str = ""
    legacy_urls: int = 0
    message: str = ""


@dataclass
class Outcome:
    rows: list[Row] = field(default_factory=list)
    hit_count: int | None = None


class Progress:
    """A progress line on a terminal: done/total, articles/s, ETA; redrawn at most 5 times a second."""

    def __init__(self, stream, total: int):
        self.stream, self.total = stream, total
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.last = 0.0

    def update(self, done: int, articles: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-6)
        rate = articles / elapsed
        remaining = (self.total - done) * elapsed / done if done else 0
        eta = f"{int(remaining // 60)}:{int(remaining % 60):02d}"
        self.stream.write(f"\r{done}/{self.total} files, {rate:.1f} articles/s, ETA {eta} ", ending="")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled and self.last:
            self.stream.write("\r\033[K", ending="")
            self.last = 0.0

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("", ending="\n")


class Command(BaseCommand):
    help = (
        "Imports articles of the old portals: text dumps (*.txt), saved HTML pages (*.html, *.htm) "
        "with their images and attachments, RSS 2.0 feeds (*.xml, *.rss); files or directories."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument(
            "--counter", action="store_true",
            help="set the hit counter's start value from the dumps (the largest count found)",
        )
        parser.add_argument(
            "--site", metavar="HOSTNAME", help="the site to import into (default: the default site)"
        )
        parser.add_argument(
            "--report", metavar="FILE", help="write a per-file report: FILE.csv, or FILE.json"
        )
        parser.add_argument(
            "--force", action="store_true",
            help="parse every file again, even those whose content was imported before",
        )

    def handle(self, *args, paths, dry_run, counter, site, report, force, **options):
        site = self.get_site(site)
        if report and Path(report).suffix.lower() not in (".csv", ".json"):
            raise CommandError("--report must name a .csv or .json file")
        files = collect_files(paths)
        if not files:
            raise CommandError(f"no .txt, .html, .htm, .xml or .rss files found in: {', '.join(paths)}")
        counts = dict.fromkeys(STATUSES, 0)
        rows: list[Row] = []
        hit_counts = []
        progress = Progress(self.stderr, len(files))
        started = time.monotonic()
        articles = 0
        done = 0
        width = len(str(len(files)))
        try:
            for done, path in enumerate(files, start=1):
                label = f"[{done:>{width}}/{len(files)}] {path}"
                outcome = self.import_file(path, site, dry_run=dry_run, force=force,
                                           root=import_root(path, paths))
                rows.extend(outcome.rows)
                for row in outcome.rows:
                    counts[row.status] += 1
                articles += sum(1 for row in outcome.rows if row.status in ("created", "updated", "unchanged"))
                if outcome.hit_count is not None:
                    hit_counts.append(outcome.hit_count)
                # On a terminal, the progress line stands for the per-file lines that went well.
                quiet = progress.enabled and self.stdout.isatty()
                if not quiet or any(row.status == "failed" or row.message for row in outcome.rows):
                    progress.clear()
                    self.write_file_line(label, outcome.rows, dry_run)
                progress.update(done, articles)
        except KeyboardInterrupt:
            progress.finish()
            if report:
                self.write_report(report, rows)
            raise CommandError(
                f"Interrupted after {plural(done - 1, 'file')} of {len(files)}. "
                "Run the same command again to resume: files already imported are skipped."
            ) from None
        progress.update(len(files), articles, force=True)
        progress.finish()
        elapsed = time.monotonic() - started
        if counter:
            self.update_counter(site, hit_counts, dry_run)
        if report:
            self.write_report(report, rows)
        self.write_summary(len(files), counts, dry_run, articles, elapsed)
        failed_files = len({row.file for row in rows if row.status == "failed"})
        if failed_files:
            raise CommandError(f"{plural(failed_files, 'file')} could not be imported.")

    # --- one file ---------------------------------------------------------------------------

    def import_file(self, path: Path, site: Site, *, dry_run: bool, force: bool, root: Path) -> Outcome:
        try:
            data = read_bytes(path)
        except LegacyParseError as error:
            return Outcome([Row(str(path), "failed", message=str(error))])
        digest = hashlib.sha256(data).hexdigest()
        if not dry_run and not force:
            done = ImportedFile.objects.filter(site=site, sha256=digest).first()
            if done is not None:
                message = "content already imported (same SHA-256); not parsed again"
                return Outcome([Row(str(path), "skipped", message=message)], hit_count=done.hit_count)
        try:
            parsed = parse_file(path, data)
            with transaction.atomic():
                rows = [self.import_one(page, path, site, number if len(parsed) > 1 else "", dry_run, root)
                        for number, page in enumerate(parsed, start=1)]
                hit_count = parsed[0].article.hit_count if len(parsed) == 1 else None
                if not dry_run:
                    ImportedFile.objects.update_or_create(
                        site=site, sha256=digest,
                        defaults={"path": str(path), "articles": len(rows), "hit_count": hit_count},
                    )
        except Exception as error:  # one bad file must not stop the others
            return Outcome([Row(str(path), "failed", message=failure_reason(error))])
        return Outcome(rows, hit_count=hit_count)

    def import_one(self, parsed: ParsedPage, path: Path, site: Site, item, dry_run: bool, root: Path) -> Row:
        article = parsed.article
        blocks = parsed.blocks
        warnings = list(parsed.warnings)
        if blocks is not None:
            media = MediaImport(path, article.title, dry_run=dry_run, root=root)
            try:
                blocks = media.rewrite(blocks)
            finally:
                warnings.extend(media.warnings)
        try:
            result, page = import_page(article, site, blocks=blocks, dry_run=dry_run)
        except Exception as error:
            if item:
                raise LegacyParseError(f"item {item}: {failure_reason(error)}") from error
            raise
        recorded = 0
        if page is not None and not dry_run and parsed.original_urls:
            recorded = record_urls(site, page, parsed.original_urls)
        return Row(
            str(path), result, item=item, title=article.title,
            url=(page.get_url() or "") if page is not None else "",
            legacy_urls=recorded, message="; ".join(warnings),
        )

    # --- output -----------------------------------------------------------------------------

    def write_file_line(self, label: str, rows: list[Row], dry_run: bool) -> None:
        def word(status):
            return DRY_RUN_WORDS.get(status, status) if dry_run else status

        if len(rows) == 1 and not rows[0].item:
            row = rows[0]
            if row.status == "failed":
                self.stdout.write(self.style.ERROR(f"{label}: FAILED: {row.message}"))
                return
            if row.status == "skipped":
                self.stdout.write(f"{label}: unchanged (skipped: {row.message})")
                return
            self.stdout.write(f"{label}: {word(row.status)}")
        else:
            tally = {}
            for row in rows:
                tally[word(row.status)] = tally.get(word(row.status), 0) + 1
            parts = ", ".join(f"{count} {status}" for status, count in tally.items())
            self.stdout.write(f"{label}: {plural(len(rows), 'article')}: {parts}")
        for row in rows:
            if row.message:
                prefix = f"item {row.item}: " if row.item else ""
                for warning in row.message.split("; "):
                    self.stdout.write(self.style.WARNING(f"    warning: {prefix}{warning}"))

    def write_report(self, name: str, rows: list[Row]) -> None:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        fields = ["file", "item", "status", "title", "url", "legacy_urls", "message"]
        if path.suffix.lower() == ".json":
            data = [{name: getattr(row, name) for name in fields} for row in rows]
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(fields)
                for row in rows:
                    writer.writerow([getattr(row, name) for name in fields])
        self.stdout.write(f"Report written to {path}.")

    def get_site(self, hostname: str | None) -> Site:
        if hostname:
            site = Site.objects.filter(hostname=hostname).order_by("port").first()
            if site is None:
                raise CommandError(f"no site with hostname {hostname!r}")
        else:
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                raise CommandError("no default site: create a site with a home page first, or pass --site")
        try:
            home_page_of(site)
        except ValueError as error:
            raise CommandError(str(error)) from None
        return site

    def update_counter(self, site: Site, hit_counts: list[int], dry_run: bool) -> None:
        if not hit_counts:
            self.stdout.write("No hit count found in the dumps; the counter is unchanged.")
            return
        value = max(hit_counts)
        if dry_run:  # for_site() would create the settings row
            current = HitCounterSettings.objects.filter(site=site).values_list("start_value", flat=True)
            self.stdout.write(
                f"Would set the hit counter start value to {value} (now {current.first() or 0})."
            )
            return
        settings = HitCounterSettings.for_site(site)
        if settings.start_value == value:
            self.stdout.write(f"Hit counter start value: {value} (unchanged).")
        else:
            old, settings.start_value = settings.start_value, value
            settings.save()
            self.stdout.write(f"Hit counter start value: {value} (was {old}).")

    def write_summary(self, total: int, counts: dict, dry_run: bool, articles: int, elapsed: float) -> None:
        if dry_run:
            head = f"Dry run, nothing written. Checked {plural(total, 'file')}"
            words = ("would create", "would update")
        else:
            head = f"Imported {plural(total, 'file')}"
            words = ("created", "updated")
        # Skipped files are unchanged: their content was imported before.
        unchanged = counts["unchanged"] + counts["skipped"]
        self.stdout.write(
            f"{head}: {counts['created']} {words[0]}, {counts['updated']} {words[1]}, "
            f"{unchanged} unchanged, {counts['failed']} failed."
        )
        rate = articles / elapsed if elapsed > 0 else 0.0
        skipped = f" {counts['skipped']} of the unchanged skipped without parsing." if counts["skipped"] else ""
        self.stdout.write(f"{plural(articles, 'article')} in {elapsed:.1f} s ({rate:.1f} articles/s).{skipped}")

