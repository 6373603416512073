"""`eportal import-legacy PATH...`: imports text dumps of the old portal's article pages."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from eportal.core.models import HitCounterSettings
from eportal.legacy.importer import home_page_of, import_article
from eportal.legacy.parser import LegacyParseError, parse_dump

DRY_RUN_WORDS = {"created": "would create", "updated": "would update", "unchanged": "unchanged"}


def collect_files(paths: list[str]) -> list[Path]:
    """Files as given; directories contribute their *.txt files, recursively and sorted."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            files.append(path)  # a missing file is reported as a failure
    return files


def read_dump(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LegacyParseError("file not found") from None
    except OSError as error:
        raise LegacyParseError(f"cannot read the file: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LegacyParseError(f"not UTF-8 text (invalid byte at offset {error.start})") from None


def failure_reason(error: Exception) -> str:
    if isinstance(error, LegacyParseError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = "Imports text dumps of article pages of the old portal (files, or directories of *.txt)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="dump files or directories")
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument(
            "--counter", action="store_true",
            help="set the hit counter's start value from the dumps (the largest count found)",
        )
        parser.add_argument(
            "--site", metavar="HOSTNAME", help="the site to import into (default: the default site)"
        )

    def handle(self, *args, paths, dry_run, counter, site, **options):
        site = self.get_site(site)
        files = collect_files(paths)
        if not files:
            raise CommandError(f"no .txt files found in: {', '.join(paths)}")
        counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
        hit_counts = []
        for number, path in enumerate(files, start=1):
            progress = f"[{number:>{len(str(len(files)))}}/{len(files)}] {path}"
            try:
                article = parse_dump(read_dump(path))
                result = import_article(article, site, dry_run=dry_run)
            except Exception as error:  # one bad file must not stop the others
                counts["failed"] += 1
                self.stdout.write(self.style.ERROR(f"{progress}: FAILED: {failure_reason(error)}"))
                continue
            counts[result] += 1
            if article.hit_count is not None:
                hit_counts.append(article.hit_count)
            self.stdout.write(f"{progress}: {DRY_RUN_WORDS[result] if dry_run else result}")
        if counter:
            self.update_counter(site, hit_counts, dry_run)
        self.write_summary(len(files), counts, dry_run)
        if counts["failed"]:
            raise CommandError(f"{plural(counts['failed'], 'file')} could not be imported.")

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

    def write_summary(self, total: int, counts: dict, dry_run: bool) -> None:
        if dry_run:
            head = f"Dry run, nothing written. Checked {plural(total, 'file')}"
            words = ("would create", "would update")
        else:
            head = f"Imported {plural(total, 'file')}"
            words = ("created", "updated")
        self.stdout.write(
            f"{head}: {counts['created']} {words[0]}, {counts['updated']} {words[1]}, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed."
        )
